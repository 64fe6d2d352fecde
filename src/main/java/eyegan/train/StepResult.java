package eyegan.train;

/**
 * What one training step reports (all from the same forward pass, before the updates).
 *
 * @param dLoss discriminator loss: BCE(real -> 1) + BCE(fake -> 0)
 * @param gLoss generator loss: BCE(fake -> 1)
 * @param dReal mean D(x), the probability D gives the real images, in (0, 1)
 * @param dFake mean D(G(z)), the probability D gives the generated images, in (0, 1)
 * @param adaP the adaptive augmentation probability after the step; NaN when the step has none
 * @param adaR the step's mean sign of D's real logits, in [-1, 1] (adaptive augmentation's r); NaN
 *     when the step does not adapt p
 */
public record StepResult(float dLoss, float gLoss, float dReal, float dFake, float adaP, float adaR) {
  /** False when either loss is NaN or infinite: training has diverged. */
  public boolean finite() {
    return Float.isFinite(dLoss) && Float.isFinite(gLoss);
  }
}
