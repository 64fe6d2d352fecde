package eyegan.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One measure of generated images beside the same measure of real images that the generator never
 * competed with (the real-vs-real floor, same sample sizes), each with its standard error.
 *
 * <p>The standard errors come from splitting every set into {@link RealismReference#PARTS} disjoint
 * parts, measuring each part the same way, and dividing the parts' standard deviation by the square
 * root of their number: the noise of the full-set value due to which images were drawn (a slight
 * overestimate, as each part sees fewer pairs than the whole). Two values differ beyond their noise
 * when their gap exceeds about twice {@code sqrt(se1^2 + se2^2)}; quadrupling the images halves it.
 *
 * @param value the measure of the generated images
 * @param floor the measure of held-out real images: what a perfect generator would score
 * @param valueSe standard error of {@code value}
 * @param floorSe standard error of {@code floor}
 */
public record Measure(
    double value,
    double floor,
    @JsonProperty("value_se") double valueSe,
    @JsonProperty("floor_se") double floorSe) {

  /** Value and floor with the spread of their parts. */
  static Measure of(double value, double floor, double[] valueParts, double[] floorParts) {
    return new Measure(value, floor, standardError(valueParts), standardError(floorParts));
  }

  /** Standard deviation of {@code parts} (n - 1 denominator) / sqrt(n); NaN entries are skipped. */
  static double standardError(double[] parts) {
    int n = 0;
    double sum = 0;
    for (double p : parts) {
      if (!Double.isNaN(p)) {
        n++;
        sum += p;
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    double mean = sum / n;
    double ss = 0;
    for (double p : parts) {
      if (!Double.isNaN(p)) {
        ss += (p - mean) * (p - mean);
      }
    }
    return Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
  }
}
