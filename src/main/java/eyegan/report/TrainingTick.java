package eyegan.report;

/**
 * One training progress line of {@code stats.jsonl}. Missing numbers read as NaN.
 *
 * @param step optimiser steps done (both networks updated once per step)
 * @param epoch epoch the step belongs to
 * @param dLoss discriminator loss (real + fake binary cross-entropy)
 * @param gLoss generator loss
 * @param dReal mean D(x), the probability D gives real images, 0..1
 * @param dFake mean D(G(z)), the probability D gives generated images, 0..1
 * @param imagesPerSecond training throughput
 * @param elapsedSeconds wall time since the run started
 * @param adaP the adaptive augmentation probability at the tick's end, 0..1; NaN when the run does
 *     not adapt it
 * @param adaR the tick's mean sign of D's real logits, -1..1: the r that p is steered by (p rises
 *     while r is above the run's target); NaN when the run does not adapt p, or its stats predate r
 */
public record TrainingTick(
    long step,
    int epoch,
    double dLoss,
    double gLoss,
    double dReal,
    double dFake,
    double imagesPerSecond,
    double elapsedSeconds,
    double adaP,
    double adaR) {

  /** A tick of a run without adaptive augmentation. */
  public TrainingTick(long step, int epoch, double dLoss, double gLoss, double dReal, double dFake,
      double imagesPerSecond, double elapsedSeconds) {
    this(step, epoch, dLoss, gLoss, dReal, dFake, imagesPerSecond, elapsedSeconds, Double.NaN, Double.NaN);
  }
}
