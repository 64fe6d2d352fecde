package eyegan.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Minibatch standard deviation (Karras et al. 2018, ProGAN): appends one feature map holding how
 * much the images of the pass vary, so that D can tell a batch of look-alike fakes from a batch of
 * reals that differ. The pass's rows are cut into consecutive groups of {@code group} (the last one
 * smaller when the batch does not divide); for each group, the standard deviation of every feature
 * over the group's images (biased, + 1e-8 under the root) is averaged over all features, and that
 * one number is appended to each image of the group as a constant channel.
 *
 * <pre>
 * x [N, H, W, C] -> [N, H, W, C + 1]
 * </pre>
 *
 * Unlike every other layer of D it makes an image's logit depend on the other images of its group,
 * so reals and fakes must be judged in passes of their own (a group must not mix the two).
 *
 * @param group images per group, >= 1 (ProGAN: 4)
 */
record MinibatchStdDev(int group) implements Layer {
  /** Under the square root, as in ProGAN, so that a group of identical images has a finite gradient. */
  static final float EPSILON = 1e-8f;

  MinibatchStdDev {
    if (group < 1) {
      throw new IllegalArgumentException("minibatch std group must be >= 1, got " + group);
    }
  }

  @Override public String name() { return "minibatch_stddev"; }
  @Override public String type() { return "MinibatchStdDev"; }
  @Override public long[] outputShape(long[] in) { return new long[] {in[0], in[1], in[2] + 1}; }

  @Override
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Pass pass) {
    Operand<TInt32> n = tf.reshape(
        tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1})), tf.constant(new int[0]));
    // A row-stochastic [N, N] matrix that averages each row's group: 1/|g| where rows i and j share
    // group g = floor(index / group), else 0. It depends on the batch size only; StopGradient keeps
    // the backward pass out of the shape ops that build it.
    Operand<TInt32> groupOf = tf.math.floorDiv(tf.range(tf.constant(0), n, tf.constant(1)), tf.constant(group));
    Operand<TFloat32> same = tf.dtypes.cast(tf.math.equal(tf.expandDims(groupOf, tf.constant(1)),
        tf.expandDims(groupOf, tf.constant(0))), TFloat32.class);
    Operand<TFloat32> average = tf.stopGradient(
        tf.math.div(same, tf.sum(same, tf.constant(1), Sum.keepDims(true))));
    Operand<TFloat32> flat = tf.reshape(x, tf.stack(List.of(n, tf.constant(-1))));
    Operand<TFloat32> deviation = tf.math.sub(flat, tf.linalg.matMul(average, flat));
    Operand<TFloat32> variance = tf.linalg.matMul(average, tf.math.square(deviation));
    Operand<TFloat32> std = tf.math.sqrt(tf.math.add(variance, tf.constant(EPSILON)));
    Operand<TFloat32> perImage = tf.math.mean(std, tf.constant(1), Mean.keepDims(true));
    // One channel of the input times 0 gives the [N, H, W, 1] shape to broadcast the statistic into.
    Operand<TFloat32> channel = tf.math.mul(
        tf.slice(x, tf.constant(new int[] {0, 0, 0, 0}), tf.constant(new int[] {-1, -1, -1, 1})), tf.constant(0f));
    Operand<TFloat32> feature = tf.math.add(channel, tf.reshape(perImage, tf.constant(new long[] {-1, 1, 1, 1})));
    return tf.concat(List.of(x, feature), tf.constant(3));
  }
}
