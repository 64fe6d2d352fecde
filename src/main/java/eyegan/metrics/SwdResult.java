package eyegan.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Locale;

/**
 * One sliced Wasserstein measurement: the distance per pyramid level, multiplied by 1000 as ProGAN
 * reports it, and the mean over levels. 0 means identical descriptor distributions; lower is better.
 *
 * @param levelResolutions height in pixels of each level, finest first (128, 64, 32, 16 for 128 px images)
 * @param perLevelX1e3 distance x 1e3 per level, same order, each >= 0
 * @param average mean of {@code perLevelX1e3}
 */
public record SwdResult(
    @JsonProperty("resolutions") int[] levelResolutions,
    @JsonProperty("swd_x1e3") double[] perLevelX1e3,
    @JsonProperty("average_x1e3") double average) {

  private static final ObjectMapper JSON = new ObjectMapper();

  @JsonCreator
  public SwdResult {
    if (levelResolutions == null || perLevelX1e3 == null || levelResolutions.length != perLevelX1e3.length) {
      throw new IllegalArgumentException("need one value per level");
    }
    levelResolutions = levelResolutions.clone();
    perLevelX1e3 = perLevelX1e3.clone();
  }

  /** Builds a result from per-level values, computing the average. */
  public static SwdResult of(int[] levelResolutions, double[] perLevelX1e3) {
    return new SwdResult(levelResolutions, perLevelX1e3, Arrays.stream(perLevelX1e3).average().orElse(Double.NaN));
  }

  @Override
  public int[] levelResolutions() {
    return levelResolutions.clone();
  }

  @Override
  public double[] perLevelX1e3() {
    return perLevelX1e3.clone();
  }

  /** Levels measured. */
  public int levels() {
    return levelResolutions.length;
  }

  /** A two-column text table: level, SWD x1e3; the last row is the average. */
  public String table() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-9s %10s%n", "level", "SWD x1e3"));
    for (int l = 0; l < levels(); l++) {
      sb.append(String.format(Locale.ROOT, "%-9s %10.3f%n", levelResolutions[l] + "px", perLevelX1e3[l]));
    }
    sb.append(String.format(Locale.ROOT, "%-9s %10.3f%n", "average", average));
    return sb.toString();
  }

  /** This result as one line of JSON: {@code {"resolutions":[..],"swd_x1e3":[..],"average_x1e3":..}}. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise an SWD result", e);
    }
  }

  /** Parses what {@link #toJson()} wrote. */
  public static SwdResult fromJson(String json) {
    try {
      return JSON.readValue(json, SwdResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an SWD result: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SwdResult r
        && Arrays.equals(levelResolutions, r.levelResolutions)
        && Arrays.equals(perLevelX1e3, r.perLevelX1e3)
        && Double.compare(average, r.average) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(levelResolutions) + Arrays.hashCode(perLevelX1e3)) + Double.hashCode(average);
  }

  @Override
  public String toString() {
    return "SwdResult" + Arrays.toString(levelResolutions) + " x1e3=" + Arrays.toString(perLevelX1e3) + " avg=" + average;
  }
}
