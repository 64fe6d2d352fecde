package eyegan.serve;

import eyegan.inference.EyeGenerator;
import eyegan.inference.ServingSignatures;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a checked predict request on a loaded eyegan model through {@link EyeGenerator} (which is
 * safe to share between request threads). The three signatures of {@link ServingSignatures}:
 *
 * <ul>
 *   <li>{@code serving_default}: noise float32 [n, D] -> images float32 [n, R, R, 3] in [-1, 1]
 *   <li>{@code generate_png}: seeds int64 [n] -> png_bytes string [n] (PNG files)
 *   <li>{@code generate_from_seeds}: seeds int64 [n] -> images float32 [n, R, R, 3] and noise
 *       float32 [n, D]
 * </ul>
 *
 * Outputs come back sorted by alias, as TF Serving orders them. An empty batch (dimension 0 of
 * size 0, which the columnar form can express) gives empty outputs without running the model.
 */
final class SignatureRunner {
  private SignatureRunner() {}

  static Map<String, HostTensor> run(EyeGenerator g, PredictRequest request) {
    String key = request.signature().key();
    int r = g.resolution();
    Map<String, HostTensor> out = new LinkedHashMap<>();
    boolean empty = request.inputs().values().stream().anyMatch(t -> t.size() == 0);
    switch (key) {
      case ServingSignatures.DEFAULT -> {
        HostTensor noise = request.inputs().get(ServingSignatures.NOISE);
        int n = noise.batch();
        out.put(ServingSignatures.IMAGES, images(n, r, empty ? new float[0] : g.generateFloats(noise.floatRows())));
      }
      case ServingSignatures.GENERATE_PNG -> {
        long[] seeds = request.inputs().get(ServingSignatures.SEEDS).longs();
        out.put(ServingSignatures.PNG_BYTES, HostTensor.ofStrings(new long[] {seeds.length},
            empty ? new byte[0][] : g.generatePng(seeds)));
      }
      case ServingSignatures.GENERATE_FROM_SEEDS -> {
        long[] seeds = request.inputs().get(ServingSignatures.SEEDS).longs();
        out.put(ServingSignatures.IMAGES, images(seeds.length, r, empty ? new float[0] : g.generateFloats(seeds)));
        float[][] noise = empty ? new float[0][] : g.noise(seeds);
        float[] flat = new float[seeds.length * g.noiseDim()];
        for (int i = 0; i < noise.length; i++) {
          System.arraycopy(noise[i], 0, flat, i * g.noiseDim(), g.noiseDim());
        }
        out.put(ServingSignatures.NOISE, HostTensor.ofFloats(new long[] {seeds.length, g.noiseDim()}, flat));
      }
      default -> throw RestException.badRequest("signature '" + key + "' is in the SavedModel, but eyegan serve runs"
          + " only " + ServingSignatures.DEFAULT + ", " + ServingSignatures.GENERATE_PNG + " and "
          + ServingSignatures.GENERATE_FROM_SEEDS);
    }
    return out;
  }

  private static HostTensor images(int n, int r, float[] values) {
    return HostTensor.ofFloats(new long[] {n, r, r, 3}, values);
  }
}
