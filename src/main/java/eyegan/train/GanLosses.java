package eyegan.train;

import org.tensorflow.Operand;
import org.tensorflow.framework.op.FrameworkOps;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The reference model's binary cross-entropy losses, on logits.
 *
 * <p>Per element, with logit x and target z: {@code max(x, 0) - x*z + log1p(exp(-|x|))}, which equals
 * {@code -z*log(sigmoid(x)) - (1-z)*log(1-sigmoid(x))} without overflowing for large |x|. Keras's
 * {@code BinaryCrossentropy(from_logits=True)} averages it over the batch.
 *
 * <ul>
 *   <li>D loss = BCE(D(x), 1) + BCE(D(G(z)), 0): real images should score 1, fakes 0.
 *   <li>G loss = BCE(D(G(z)), 1): the generator wants its fakes scored as real.
 * </ul>
 */
public final class GanLosses {
  private GanLosses() {}

  /**
   * Mean binary cross-entropy of logits [N, 1] against a constant target in {0, 1}, using
   * tensorflow-framework's {@code sigmoidCrossEntropyWithLogits} (the formula above, as in Python's
   * {@code tf.nn.sigmoid_cross_entropy_with_logits}).
   */
  public static Operand<TFloat32> bceWithLogits(Ops tf, Operand<TFloat32> logits, float target) {
    Operand<TFloat32> labels = tf.fill(tf.shape(logits), tf.constant(target));
    Operand<TFloat32> perElement = FrameworkOps.create(tf).nn.sigmoidCrossEntropyWithLogits(labels, logits);
    return tf.math.mean(perElement, tf.constant(new int[] {0, 1}));
  }

  /** Discriminator loss: real -> 1 plus fake -> 0 (a sum, as in the reference). */
  public static Operand<TFloat32> discriminatorLoss(Ops tf, Operand<TFloat32> realLogits, Operand<TFloat32> fakeLogits) {
    return tf.math.add(bceWithLogits(tf, realLogits, 1f), bceWithLogits(tf, fakeLogits, 0f));
  }

  /** Generator loss: fake -> 1. */
  public static Operand<TFloat32> generatorLoss(Ops tf, Operand<TFloat32> fakeLogits) {
    return bceWithLogits(tf, fakeLogits, 1f);
  }

  /** Plain-Java reference of the per-element formula, for reporting and tests. */
  public static double bce(double logit, double target) {
    return Math.max(logit, 0) - logit * target + Math.log1p(Math.exp(-Math.abs(logit)));
  }
}
