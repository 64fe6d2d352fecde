package eyegan.config;

/**
 * What the training step adds to, or changes in, the tutorial's step: differentiable augmentation
 * before D (always, or adaptively), an exponential moving average of G, a linear decay of both
 * learning rates at the end of the run, and the order of the two updates. {@link #TUTORIAL} adds
 * nothing, which is the reference step.
 *
 * @param augment augmentations applied to every image D sees (real and fake, both losses); with
 *     {@code adaTarget > 0} each is applied to an image with the adaptive probability p instead
 * @param emaHalfLifeKimg half-life of G's moving average in thousands of images shown; 0 = no average
 * @param emaRampup the half-life is at most this fraction of the images shown so far (so early,
 *     fast-changing weights are forgotten quickly); 0 = no ramp-up
 * @param lrDecay fraction of the run's steps, at its end, over which both learning rates fall
 *     linearly to zero (see {@code LearningRateDecay}); 0 = constant learning rates
 * @param alternating false: the tutorial's step, both gradients from one forward pass and both
 *     updates applied together (GradientTape); true: D takes its Adam step first, then G's loss is
 *     taken against the updated D with a fresh D pass over the same fakes (PyTorch's DCGAN example)
 * @param adaTarget adaptive discriminator augmentation (Karras et al. 2020): the target of
 *     r = E[sign(D(real))] that the augmentation probability p is steered towards; 0 = off
 * @param adaKimg thousands of images over which p can move from 0 to 1 (the speed of the controller)
 * @param r1Gamma weight gamma of the R1 penalty (Mescheder et al. 2018) on D's gradient at the real
 *     images, (gamma / 2) * E[|grad_x D(x)|^2]; 0 = off
 * @param r1Every lazy regularisation (StyleGAN2): the penalty is minimised in a D step of its own,
 *     weighted by this interval, on every {@code r1Every}-th step only
 * @param hinge true: hinge losses (D: relu(1 - real) + relu(1 + fake), G: -fake, on logits) in place
 *     of the reference's binary cross-entropy
 */
public record StepOptions(AugmentPolicy augment, double emaHalfLifeKimg, double emaRampup, double lrDecay,
    boolean alternating, double adaTarget, double adaKimg, double r1Gamma, int r1Every, boolean hinge) {
  /** The tutorial's step: no augmentation, no moving average, constant learning rates, one update. */
  public static final StepOptions TUTORIAL = new StepOptions(AugmentPolicy.NONE, 0, 0, 0);
  /** StyleGAN2-ADA's target for r = E[sign(D(real))]. */
  public static final double ADA_TARGET = 0.6;
  /** p may move from 0 to 1 over 20k images: fast enough for runs of 5k-50k steps of 32. */
  public static final double ADA_KIMG = 20;
  /** StyleGAN2's lazy regularisation interval: R1 every 16 steps. */
  public static final int R1_EVERY = 16;

  /** Options without the R1 penalty. */
  public StepOptions(AugmentPolicy augment, double emaHalfLifeKimg, double emaRampup, double lrDecay,
      boolean alternating, double adaTarget, double adaKimg) {
    this(augment, emaHalfLifeKimg, emaRampup, lrDecay, alternating, adaTarget, adaKimg, 0, R1_EVERY, false);
  }

  /** Simultaneous updates, no adaptive augmentation. */
  public StepOptions(AugmentPolicy augment, double emaHalfLifeKimg, double emaRampup, double lrDecay) {
    this(augment, emaHalfLifeKimg, emaRampup, lrDecay, false, 0, ADA_KIMG);
  }

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
    if (!(adaTarget >= 0 && adaTarget < 1)) {
      throw new IllegalArgumentException("--ada-target must be in [0, 1) (0 = off), got " + adaTarget);
    }
    if (!(adaKimg > 0) || Double.isInfinite(adaKimg)) {
      throw new IllegalArgumentException("--ada-kimg must be > 0, got " + adaKimg);
    }
    if (adaTarget > 0 && augment.isNone()) {
      throw new IllegalArgumentException("adaptive augmentation needs augmentations to apply (--augment)");
    }
    if (!(r1Gamma >= 0) || Double.isInfinite(r1Gamma)) {
      throw new IllegalArgumentException("--r1-gamma must be >= 0 (0 = off), got " + r1Gamma);
    }
    if (r1Every < 1) {
      throw new IllegalArgumentException("--r1-every must be >= 1 step, got " + r1Every);
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

  /** True when the augmentation probability adapts to D's overfitting. */
  public boolean adaptive() {
    return adaTarget > 0;
  }

  /** True when D's gradient at the reals is penalised (R1). */
  public boolean r1() {
    return r1Gamma > 0;
  }

  /** These options with another learning-rate decay fraction. */
  public StepOptions withLrDecay(double fraction) {
    return new StepOptions(augment, emaHalfLifeKimg, emaRampup, fraction, alternating, adaTarget, adaKimg,
        r1Gamma, r1Every, hinge);
  }

  /** These options with alternating (true) or simultaneous (false) updates. */
  public StepOptions withAlternating(boolean alternate) {
    return new StepOptions(augment, emaHalfLifeKimg, emaRampup, lrDecay, alternate, adaTarget, adaKimg,
        r1Gamma, r1Every, hinge);
  }

  /** These options with adaptive augmentation towards {@code target} (0 = off) at {@code kimg} per unit of p. */
  public StepOptions withAda(double target, double kimg) {
    return new StepOptions(augment, emaHalfLifeKimg, emaRampup, lrDecay, alternating, target, kimg,
        r1Gamma, r1Every, hinge);
  }

  /** These options with the R1 penalty of weight {@code gamma} (0 = off) every {@code every} steps. */
  public StepOptions withR1(double gamma, int every) {
    return new StepOptions(augment, emaHalfLifeKimg, emaRampup, lrDecay, alternating, adaTarget, adaKimg, gamma, every, hinge);
  }

  /** These options with hinge losses (true) or the reference's cross-entropy (false). */
  public StepOptions withHinge(boolean useHinge) {
    return new StepOptions(augment, emaHalfLifeKimg, emaRampup, lrDecay, alternating, adaTarget, adaKimg, r1Gamma,
        r1Every, useHinge);
  }

  /** The command-line word for the losses. */
  public String lossName() {
    return hinge ? "hinge" : "bce";
  }

  /** The command-line word for the update order. */
  public String stepOrder() {
    return alternating ? "alternating" : "simultaneous";
  }
}
