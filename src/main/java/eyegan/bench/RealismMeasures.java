package eyegan.bench;

import eyegan.image.RgbImages;
import eyegan.inference.EyeGenerator;
import eyegan.metrics.Measure;
import eyegan.metrics.RealismEvaluation;
import eyegan.metrics.RealismMeter;
import eyegan.metrics.RealismReference;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The measures a realism sweep scores every exported generator with, on the same samples for every
 * run: the generator's images for seeds 0..n-1 (as {@code eyegan evaluate --model} draws them)
 * against one fixed split of the real images, so two runs differ only by their generators. Every
 * measure of {@link RealismMeter}: SWD (x1e3, average and per level), KID (x1e3), eye geometry,
 * the share of plausible eyes (in %, higher is better) and the colour distances, each beside its
 * real-vs-real floor. Pass at least 2n real images. Holds TensorFlow sessions: close it.
 */
public final class RealismMeasures implements AutoCloseable {
  /** Generated images per run (and reals per half). */
  public static final int DEFAULT_IMAGES = 500;
  /** Seed of the reals' split and of the measures' random choices, the same for every run. */
  static final long MEASURE_SEED = 0;

  /** Values and, per measure that has one, the real-vs-real floor. */
  public record Scores(Map<String, Double> measures, Map<String, Double> floors) {}

  private final RealismMeter meter;
  private final RealismReference reference;
  private final int images;

  /**
   * Measures the reals once (about half a minute of CPU for 1,000 at 64 px).
   *
   * @param reals the training images at the model's resolution
   * @param images generated images per run
   */
  public RealismMeasures(RgbImages reals, int images) {
    if (images < 2 * RealismReference.PARTS) {
      throw new IllegalArgumentException("a realism sweep needs at least " + 2 * RealismReference.PARTS
          + " generated images per run, got " + images);
    }
    this.images = images;
    this.meter = RealismMeter.open();
    try {
      this.reference = meter.reference(reals, MEASURE_SEED);
    } catch (RuntimeException e) {
      meter.close();
      throw e;
    }
  }

  /** Scores the generator. */
  public Scores score(EyeGenerator generator) {
    RealismEvaluation e = reference.compare(generator.generate(images, 0));
    Map<String, Double> measures = new LinkedHashMap<>();
    Map<String, Double> floors = new LinkedHashMap<>();
    put(measures, floors, "swd", e.swdAverage(), 1);
    int[] res = e.swd().fakes().levelResolutions();
    for (int l = 0; l < res.length; l++) {
      measures.put("swd_" + res[l] + "px", e.swd().fakes().perLevelX1e3()[l]);
      floors.put("swd_" + res[l] + "px", e.swd().floor().perLevelX1e3()[l]);
    }
    put(measures, floors, "kid_x1e3", e.kid(), 1e3);
    put(measures, floors, "eye_geometry", e.eyeGeometry(), 1);
    put(measures, floors, "plausible_eyes_pct", e.plausibleEyes(), 100);
    for (Map.Entry<String, Measure> c : e.colour().entrySet()) {
      put(measures, floors, c.getKey(), c.getValue(), 1);
    }
    return new Scores(measures, floors);
  }

  private static void put(Map<String, Double> measures, Map<String, Double> floors, String name, Measure m, double scale) {
    measures.put(name, m.value() * scale);
    floors.put(name, m.floor() * scale);
  }

  @Override
  public void close() {
    meter.close();
  }
}
