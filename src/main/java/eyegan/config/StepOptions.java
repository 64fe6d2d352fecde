package eyegan.config;

/**
 * What the training step adds to the tutorial's step: differentiable augmentation before D and an
 * exponential moving average of G. {@link #TUTORIAL} adds nothing, which is the reference step.
 *
 * @param augment augmentations applied to every image D sees (real and fake, both losses)
 * @param emaHalfLifeKimg half-life of G's moving average in thousands of images shown; 0 = no average
 * @param emaRampup the half-life is at most this fraction of the images shown so far (so early,
 *     fast-changing weights are forgotten quickly); 0 = no ramp-up
 */
public record StepOptions(AugmentPolicy augment, double emaHalfLifeKimg, double emaRampup) {
  /** The tutorial's step: no augmentation, no moving average. */
  public static final StepOptions TUTORIAL = new StepOptions(AugmentPolicy.NONE, 0, 0);

  public StepOptions {
    if (augment == null) {
      augment = AugmentPolicy.NONE;
    }
    if (!(emaHalfLifeKimg >= 0) || Double.isInfinite(emaHalfLifeKimg)) {
      throw new IllegalArgumentException("--ema-kimg must be >= 0, got " + emaHalfLifeKimg);
    }
    if (!(emaRampup >= 0) || Double.isInfinite(emaRampup)) {
      throw new IllegalArgumentException("--ema-rampup must be >= 0, got " + emaRampup);
    }
  }

  /** True when the step keeps a moving average of G. */
  public boolean ema() {
    return emaHalfLifeKimg > 0;
  }
}
