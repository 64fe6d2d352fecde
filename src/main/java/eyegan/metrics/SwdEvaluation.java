package eyegan.metrics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eyegan.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An SWD of generated images against reals, with the real-vs-real floor measured the same way, which
 * is what makes the number readable: a value near the floor means the generated patches are as close
 * to the reals as another sample of reals is.
 *
 * @param settings how both were measured
 * @param seed the seed of both measurements
 * @param realImages real images both comparisons are made against (one half of the reals)
 * @param fakeImages generated images used, and images of the other half of the reals in the floor
 * @param fakes SWD of generated against real
 * @param floor SWD between two disjoint parts of the reals
 */
// evaluate's JSON now carries more measures beside these fields (RealismEvaluation); readers of the
// SWD part skip them.
@JsonIgnoreProperties(ignoreUnknown = true)
public record SwdEvaluation(
    SwdSettings settings,
    long seed,
    @JsonProperty("real_images") int realImages,
    @JsonProperty("fake_images") int fakeImages,
    SwdResult fakes,
    SwdResult floor) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public SwdEvaluation {
    if (fakes.levels() != floor.levels()) {
      throw new IllegalArgumentException(
          "result and floor differ in levels: " + fakes.levels() + " vs " + floor.levels());
    }
  }

  /**
   * The table users read: per level the SWD x1e3 of the generated images, the floor beside it, and the
   * ratio of the two (1.0 = as good as real data can show with this sample size).
   */
  public String table() {
    int[] res = fakes.levelResolutions();
    double[] f = fakes.perLevelX1e3();
    double[] r = floor.perLevelX1e3();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "SWD x1e3 of %d generated images, and of %d other real images (the floor), against %d real images%n",
            fakeImages, fakeImages, realImages));
    sb.append(String.format(Locale.ROOT, "%-9s %12s %12s %8s%n", "level", "SWD x1e3", "real floor", "ratio"));
    for (int l = 0; l < res.length; l++) {
      sb.append(row(res[l] + "px", f[l], r[l]));
    }
    sb.append(row("average", fakes.average(), floor.average()));
    return sb.toString();
  }

  private static String row(String label, double value, double floor) {
    String ratio = floor > 0 ? String.format(Locale.ROOT, "%8.2f", value / floor) : String.format("%8s", "-");
    return String.format(Locale.ROOT, "%-9s %12.3f %12.3f %s%n", label, value, floor, ratio);
  }

  /** Pretty-printed JSON of all fields. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise an SWD evaluation", e);
    }
  }

  /** Writes {@link #toJson()} to {@code target} atomically, so readers never see half of it. */
  public void writeJson(Path target) {
    AtomicFiles.writeString(target, toJson() + System.lineSeparator());
  }

  /** Reads what {@link #writeJson(Path)} wrote. */
  public static SwdEvaluation readJson(Path file) {
    try {
      return JSON.readValue(file.toFile(), SwdEvaluation.class);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read an SWD evaluation from " + file + ": " + e.getMessage(), e);
    }
  }
}
