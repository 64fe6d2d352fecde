package eyegan.train;

import org.tensorflow.Operand;
import org.tensorflow.framework.op.FrameworkOps;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The reference model's binary cross-entropy losses, on logits, and the hinge loss a recipe may use instead.
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

  /**
   * Hinge loss of D (Lim and Ye 2017, as in SAGAN and BigGAN): mean(relu(1 - real)) + mean(relu(1 +
   * fake)), on logits [N, 1]: D stops pushing an image once its logit is past the margin of 1.
   */
  public static Operand<TFloat32> hingeDiscriminatorLoss(Ops tf, Operand<TFloat32> realLogits,
      Operand<TFloat32> fakeLogits) {
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TInt32> all = tf.constant(new int[] {0, 1});
    Operand<TFloat32> real = tf.math.mean(tf.nn.relu(tf.math.sub(one, realLogits)), all);
    Operand<TFloat32> fake = tf.math.mean(tf.nn.relu(tf.math.add(one, fakeLogits)), all);
    return tf.math.add(real, fake);
  }

  /** Hinge loss of G: -mean(D(G(z))), the logit itself, with no margin. */
  public static Operand<TFloat32> hingeGeneratorLoss(Ops tf, Operand<TFloat32> fakeLogits) {
    return tf.math.neg(tf.math.mean(fakeLogits, tf.constant(new int[] {0, 1})));
  }

  /** D's loss of the step: {@code hinge} or the reference's cross-entropy. */
  public static Operand<TFloat32> discriminatorLoss(Ops tf, Operand<TFloat32> realLogits, Operand<TFloat32> fakeLogits,
      boolean hinge) {
    return hinge ? hingeDiscriminatorLoss(tf, realLogits, fakeLogits) : discriminatorLoss(tf, realLogits, fakeLogits);
  }

  /** G's loss of the step: {@code hinge} or the reference's cross-entropy. */
  public static Operand<TFloat32> generatorLoss(Ops tf, Operand<TFloat32> fakeLogits, boolean hinge) {
    return hinge ? hingeGeneratorLoss(tf, fakeLogits) : generatorLoss(tf, fakeLogits);
  }

  /** Plain-Java reference of the per-element formula, for reporting and tests. */
  public static double bce(double logit, double target) {
    return Math.max(logit, 0) - logit * target + Math.log1p(Math.exp(-Math.abs(logit)));
  }
}
