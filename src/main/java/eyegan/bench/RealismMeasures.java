package eyegan.bench;

import eyegan.image.RgbImages;
import eyegan.inference.EyeGenerator;
import eyegan.metrics.SlicedWasserstein;
import eyegan.metrics.SwdEvaluation;
import eyegan.metrics.SwdSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The measures a realism sweep scores every exported generator with, on the same samples for every
 * run: the generator's images for seeds 0..n-1 (as {@code eyegan evaluate --model} draws them) and
 * one fixed split of the real images, so two runs differ only by their generators.
 *
 * <p>SWD (x1e3, average and per Laplacian level) against one half of the reals, with the other half
 * as the floor; pass at least 2n real images.
 */
public final class RealismMeasures {
  /** Generated images per run (and reals per half). */
  public static final int DEFAULT_IMAGES = 500;
  /** Seed of the reals' split and of the SWD's random directions, the same for every run. */
  static final long MEASURE_SEED = 0;

  /** Values and, per measure that has one, the real-vs-real floor. */
  public record Scores(Map<String, Double> measures, Map<String, Double> floors) {}

  private final RgbImages reals;
  private final int images;

  /**
   * @param reals the training images at the model's resolution
   * @param images generated images per run
   */
  public RealismMeasures(RgbImages reals, int images) {
    if (images < 2) {
      throw new IllegalArgumentException("a realism sweep needs at least 2 generated images per run, got " + images);
    }
    this.reals = reals;
    this.images = images;
  }

  /** Scores the generator. */
  public Scores score(EyeGenerator generator) {
    RgbImages fakes = generator.generate(images, 0);
    SwdEvaluation e = new SlicedWasserstein(SwdSettings.STANDARD).evaluate(reals, fakes, MEASURE_SEED);
    Map<String, Double> measures = new LinkedHashMap<>();
    Map<String, Double> floors = new LinkedHashMap<>();
    measures.put("swd", e.fakes().average());
    floors.put("swd", e.floor().average());
    int[] res = e.fakes().levelResolutions();
    for (int l = 0; l < res.length; l++) {
      measures.put("swd_" + res[l] + "px", e.fakes().perLevelX1e3()[l]);
      floors.put("swd_" + res[l] + "px", e.floor().perLevelX1e3()[l]);
    }
    return new Scores(measures, floors);
  }
}
