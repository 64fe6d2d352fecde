package eyegan.config;

/**
 * What the training step adds to the tutorial's step: differentiable augmentation before D, an
 * exponential moving average of G and a linear decay of both learning rates at the end of the run.
 * {@link #TUTORIAL} adds nothing, which is the reference step.
 *
 * @param augment augmentations applied to every image D sees (real and fake, both losses)
 * @param emaHalfLifeKimg half-life of G's moving average in thousands of images shown; 0 = no average
 * @param emaRampup the half-life is at most this fraction of the images shown so far (so early,
 *     fast-changing weights are forgotten quickly); 0 = no ramp-up
 * @param lrDecay fraction of the run's steps, at its end, over which both learning rates fall
 *     linearly to zero (see {@code LearningRateDecay}); 0 = constant learning rates
 */
public record StepOptions(AugmentPolicy augment, double emaHalfLifeKimg, double emaRampup, double lrDecay) {
  /** The tutorial's step: no augmentation, no moving average, constant learning rates. */
  public static final StepOptions TUTORIAL = new StepOptions(AugmentPolicy.NONE, 0, 0, 0);

  /** Options with constant learning rates. */
  public StepOptions(AugmentPolicy augment, double emaHalfLifeKimg, double emaRampup) {
    this(augment, emaHalfLifeKimg, emaRampup, 0);
  }

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
    if (!(lrDecay >= 0 && lrDecay <= 1)) {
      throw new IllegalArgumentException("--lr-decay must be a fraction of the run in [0, 1], got " + lrDecay);
    }
  }

  /** True when the step keeps a moving average of G. */
  public boolean ema() {
    return emaHalfLifeKimg > 0;
  }

  /** True when the learning rates decay at the end of the run (the step then reads a scale feed). */
  public boolean decays() {
    return lrDecay > 0;
  }

  /** These options with another learning-rate decay fraction. */
  public StepOptions withLrDecay(double fraction) {
    return new StepOptions(augment, emaHalfLifeKimg, emaRampup, fraction);
  }
}
