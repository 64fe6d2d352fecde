package eyegan.eyecrop;

import eyegan.UserInputException;
import eyegan.data.LoadOptions;

/**
 * How {@code eyegan prepare --detect-eyes} turns photos into eye crops.
 *
 * @param resolution side of each crop in pixels, 1..{@link LoadOptions#MAX_RESOLUTION}
 * @param minScore face detector score a face needs, in (0, 1)
 * @param minEyePx narrowest eye kept, corner to corner, in photo pixels (smaller eyes would be
 *     blown up into blur), >= 1
 * @param cropScale crop side / eye width, in [1, 4]
 * @param minOpening smallest lid opening / eye width counted as open, in [0, 1)
 * @param threads photos processed at once, >= 1
 */
public record EyeCropOptions(int resolution, double minScore, double minEyePx, double cropScale, double minOpening,
    int threads) {
  /** Default crop side / eye width; see {@link #cropScale}. */
  public static final double CROP_SCALE = 1.8;
  /**
   * Default narrowest eye. A head-and-shoulders portrait of 512 x 512 has eyes 17-18 px wide; their
   * crops are 31 px, enlarged 2x for the cpu preset's 64 px and 4x (soft) for 128 px.
   */
  public static final double MIN_EYE_PX = 16;
  /**
   * Default face score: the test portraits score 0.87-0.92 and a profile 0.74, while a coffee cup
   * photographed from above scores 0.67 (BlazeFace's "face" there has eyes of different sizes).
   */
  public static final double MIN_SCORE = 0.75;
  /**
   * Default smallest opening of an open eye. Open eyes measure 0.3-0.4 (the iris network on the
   * project's test portraits: 0.36-0.40, smiling); lids that meet leave under 0.1.
   */
  public static final double MIN_OPENING = 0.15;

  public EyeCropOptions {
    if (resolution < 1 || resolution > LoadOptions.MAX_RESOLUTION) {
      throw new UserInputException("--resolution must be in 1.." + LoadOptions.MAX_RESOLUTION + ", got " + resolution);
    }
    if (!(minScore > 0 && minScore < 1)) {
      throw new UserInputException("--min-score must be between 0 and 1, got " + minScore);
    }
    if (!(minEyePx >= 1) || Double.isInfinite(minEyePx)) {
      throw new UserInputException("--min-eye-px must be at least 1, got " + minEyePx);
    }
    if (!(cropScale >= 1 && cropScale <= 4)) {
      throw new UserInputException("--crop-scale must be in 1..4 (crop side / eye width), got " + cropScale);
    }
    if (!(minOpening >= 0 && minOpening < 1)) {
      throw new UserInputException("--min-opening must be in [0, 1), got " + minOpening);
    }
    if (threads < 1) {
      throw new UserInputException("--threads must be at least 1, got " + threads);
    }
  }

  /** The defaults at {@code resolution}, on every core. */
  public static EyeCropOptions defaults(int resolution) {
    return new EyeCropOptions(resolution, MIN_SCORE, MIN_EYE_PX, CROP_SCALE, MIN_OPENING,
        Runtime.getRuntime().availableProcessors());
  }
}
