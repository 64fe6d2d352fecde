package eyegan.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eyegan.io.AtomicFiles;
import eyegan.pretrained.EyeCrop;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Every realism measure of one set of generated images against real ones, each beside the
 * real-vs-real floor measured on the same sample sizes and each with its standard error
 * ({@link Measure}). Written by {@code eyegan evaluate --json}: the {@link SwdEvaluation} fields
 * stay at the top level as before ({@code settings}, {@code seed}, {@code real_images}, {@code
 * fake_images}, {@code fakes}, {@code floor}), the new measures beside them.
 *
 * @param swd the sliced Wasserstein distance per level, as {@code evaluate} always reported it
 * @param swdAverage SWD's average over levels (x1e3), with standard errors
 * @param kid KID (MMD^2 of MobileNetV2 features, cubic kernel; lower is better, 0 = as real data)
 * @param kidSubsets KID's mean and standard deviation over subsets, generated and floor
 * @param eyeGeometry mean over the {@link EyeShape} features of the 1-D Wasserstein distance between
 *     real and generated values, each in units of the real values' standard deviation
 * @param eyeGeometryFeatures the same per feature
 * @param plausibleEyes share of images whose eye geometry lies in the real 1st-99th percentile box
 *     on every feature (higher is better)
 * @param colour 1-D Wasserstein distance of per-image brightness, warmth and tint, in 8-bit levels
 * @param spreadParts disjoint parts each set was split into for the standard errors
 * @param eyeCrop where in each image the iris model looked
 * @param memorisation nearest-neighbour distances to the training images, when they were given
 */
@JsonPropertyOrder({"settings", "seed", "real_images", "fake_images", "fakes", "floor"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RealismEvaluation(
    @JsonUnwrapped SwdEvaluation swd,
    @JsonProperty("swd_average") Measure swdAverage,
    Measure kid,
    @JsonProperty("kid_subsets") KidSubsets kidSubsets,
    @JsonProperty("eye_geometry") Measure eyeGeometry,
    @JsonProperty("eye_geometry_features") Map<String, Measure> eyeGeometryFeatures,
    @JsonProperty("plausible_eyes") Measure plausibleEyes,
    Map<String, Measure> colour,
    @JsonProperty("spread_parts") int spreadParts,
    @JsonProperty("eye_crop") EyeCrop eyeCrop,
    Memorisation memorisation) {

  /** KID as the paper reports it: mean and standard deviation over random subsets. */
  public record KidSubsets(KernelDistance.Kid generated, KernelDistance.Kid floor) {}

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** This evaluation with the memorisation check added. */
  public RealismEvaluation withMemorisation(Memorisation m) {
    return new RealismEvaluation(swd, swdAverage, kid, kidSubsets, eyeGeometry, eyeGeometryFeatures, plausibleEyes,
        colour, spreadParts, eyeCrop, m);
  }

  /** SWD's table, then one row per measure: generated, the real floor, each +- its standard error. */
  public String table() {
    StringBuilder sb = new StringBuilder(swd.table());
    sb.append(String.format(Locale.ROOT, "%nrealism of %d generated images, and of %d other real images (the floor), against %d real images%n",
        swd.fakeImages(), swd.fakeImages(), swd.realImages()));
    sb.append(String.format(Locale.ROOT, "%-34s %20s %20s%n", "measure (+- standard error)", "generated", "real floor"));
    sb.append(row("SWD average x1e3", swdAverage, 1, "%.1f"));
    sb.append(row("KID x1e3 (MobileNetV2 features)", kid, 1e3, "%.2f"));
    sb.append(row("eye geometry W1 (real s.d.)", eyeGeometry, 1, "%.3f"));
    sb.append(row("plausible eyes (%)", plausibleEyes, 100, "%.1f"));
    for (Map.Entry<String, Measure> e : colour.entrySet()) {
      sb.append(row(e.getKey() + " W1 (8-bit levels)", e.getValue(), 1, "%.2f"));
    }
    sb.append("eye geometry per feature, W1 in real s.d. (generated / floor):");
    for (Map.Entry<String, Measure> e : eyeGeometryFeatures.entrySet()) {
      sb.append(String.format(Locale.ROOT, " %s %.2f/%.2f", e.getKey(), e.getValue().value(), e.getValue().floor()));
    }
    sb.append(String.format(Locale.ROOT,
        "%nstandard errors from %d disjoint parts of each set; two results differ when their gap exceeds about"
            + " 2 x sqrt(se1^2 + se2^2), and 4x the images halve it%n", spreadParts));
    if (memorisation != null) {
      sb.append(memorisation.summary());
    }
    return sb.toString();
  }

  private static String row(String label, Measure m, double scale, String fmt) {
    return String.format(Locale.ROOT, "%-34s %20s %20s%n", label,
        withError(m.value() * scale, m.valueSe() * scale, fmt), withError(m.floor() * scale, m.floorSe() * scale, fmt));
  }

  private static String withError(double v, double se, String fmt) {
    String s = String.format(Locale.ROOT, fmt, v);
    return Double.isNaN(se) ? s : s + " +- " + String.format(Locale.ROOT, fmt, se);
  }

  /** Pretty-printed JSON; {@link SwdEvaluation#readJson} still reads it. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a realism evaluation", e);
    }
  }

  /** Writes {@link #toJson()} to {@code target} atomically. */
  public void writeJson(Path target) {
    AtomicFiles.writeString(target, toJson() + System.lineSeparator());
  }
}
