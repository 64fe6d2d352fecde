package eyegan.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a consumer of an eyegan SavedModel needs to know beyond its signatures. Stored as
 * {@code assets.extra/eyegan.json} (snake_case keys) inside each version folder; TF Serving ignores
 * that folder's files, so any client can read them.
 *
 * @param format version of this file's layout, {@value #FORMAT}
 * @param eyeganVersion eyegan release that exported the model
 * @param tensorflowVersion TensorFlow runtime the graph was built with
 * @param preset preset of the training run ({@code article}, {@code cpu}, {@code tiny}, ...)
 * @param resolution side of the square RGB images, pixels
 * @param noiseDim length D of a noise row
 * @param generatorWidths channel widths of the generator, for reference
 * @param trainingStep optimisation steps the weights had when exported (0 = untrained)
 * @param epoch epochs of training behind the weights
 * @param checkpoint name of the checkpoint the weights came from, or {@code "initial"}
 * @param run name of the training run folder (not its path, which is only meaningful on one machine)
 * @param exportedAt ISO-8601 UTC time of the export
 * @param noiseAlgorithm how seeds become noise in the seed signatures
 * @param pixelRange value range of float images, {@code "[-1, 1]"}
 * @param signatures signature key -> one-line description of inputs and outputs
 * @param weights which generator's weights: {@value #WEIGHTS_EMA} (the moving average of the
 *     generator kept during training) or {@value #WEIGHTS_LIVE} (the generator as last trained);
 *     absent in exports made before the moving average existed, which hold the live weights
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelInfo(
    int format,
    String eyeganVersion,
    String tensorflowVersion,
    String preset,
    int resolution,
    int noiseDim,
    List<Integer> generatorWidths,
    long trainingStep,
    int epoch,
    String checkpoint,
    String run,
    String exportedAt,
    String noiseAlgorithm,
    String pixelRange,
    Map<String, String> signatures,
    String weights) {

  /** Current layout version. */
  public static final int FORMAT = 1;
  /** {@link #weights()} of a moving-average generator. */
  public static final String WEIGHTS_EMA = "ema";
  /** {@link #weights()} of the generator as trained. */
  public static final String WEIGHTS_LIVE = "live";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ModelInfo {
    generatorWidths = generatorWidths == null ? List.of() : List.copyOf(generatorWidths);
    // insertion order kept: serving_default first, as exported
    signatures = signatures == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(signatures));
    weights = weights == null ? WEIGHTS_LIVE : weights;
  }

  /** Reads a metadata file; throws {@link IOException} for a missing or malformed one. */
  public static ModelInfo read(Path file) throws IOException {
    ModelInfo info = JSON.readValue(file.toFile(), ModelInfo.class);
    if (info.resolution < 1 || info.noiseDim < 1) {
      throw new IOException("resolution and noise_dim must be positive, got " + info.resolution + " and " + info.noiseDim);
    }
    return info;
  }

  /** Writes this as JSON to {@code file}. */
  public void write(Path file) throws IOException {
    JSON.writeValue(file.toFile(), this);
  }

  /** One line for logs: preset, size, noise, step. */
  public String summary() {
    return String.format("preset %s, %dx%d RGB, noise %d, training step %d (%s, %s weights)",
        preset, resolution, resolution, noiseDim, trainingStep, checkpoint, weights);
  }
}
