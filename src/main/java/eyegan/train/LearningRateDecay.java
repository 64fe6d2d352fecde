package eyegan.train;

/**
 * Linear decay of both learning rates to zero over the last part of a run, as pix2pix and CycleGAN
 * train: the rates stay at their set value until {@code fraction} of the steps are left, then fall
 * in a straight line, so the last step moves the weights by {@code 1 / decaySteps} of a full step.
 * GAN training oscillates around its equilibrium rather than settling; shrinking the steps at the
 * end lets G come to rest near the middle of the oscillation instead of wherever the last large
 * step left it.
 *
 * <p>The scale depends only on the step and the run's total steps (its recorded epochs), so a
 * resumed run continues the same schedule; extending a run with {@code --epochs} stretches it.
 *
 * @param fraction share of the run's steps over which the rates fall, in (0, 1]
 */
public record LearningRateDecay(double fraction) {
  public LearningRateDecay {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("decay fraction must be in (0, 1], got " + fraction);
    }
  }

  /**
   * The factor on both learning rates for one step.
   *
   * @param step the step about to be taken, 0-based
   * @param totalSteps the run's steps in all (epochs times batches per epoch), at least 1
   * @return 1 before the decay starts, then {@code (totalSteps - step) / decaySteps}, falling to
   *     {@code 1 / decaySteps} at the last step; 0 past the end
   */
  public float scale(long step, long totalSteps) {
    if (totalSteps < 1) {
      throw new IllegalArgumentException("totalSteps must be >= 1, got " + totalSteps);
    }
    long decaySteps = Math.max(1, Math.round(fraction * totalSteps));
    long left = totalSteps - step;
    if (left >= decaySteps) {
      return 1f;
    }
    return left <= 0 ? 0f : (float) ((double) left / decaySteps);
  }
}
