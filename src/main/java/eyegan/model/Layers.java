package eyegan.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Forward-pass building blocks with Keras semantics, on NHWC float32 tensors. Weights are passed
 * in, so the same variables can be wired into a training-mode and an inference-mode pass.
 *
 * <p>Every layer appends a {@link LayerSummary} row when a summary list is given, so the Keras-style
 * table is read off the graph that was actually built.
 */
final class Layers {
  private final Ops tf;
  private final List<LayerSummary> summary;
  private final List<Op> updates = new ArrayList<>();
  private final java.util.Map<String, Integer> typeCounts = new java.util.HashMap<>();

  /** @param summary rows are appended here; null builds without recording */
  Layers(Ops tf, List<LayerSummary> summary) {
    this.tf = tf;
    this.summary = summary;
  }

  /** Batch-norm moving-average updates created by training-mode passes; run them every step. */
  List<Op> updates() {
    return updates;
  }

  /** Keras Dense without activation: {@code x[N, in] @ kernel[in, out] (+ bias[out])}. */
  Operand<TFloat32> dense(Operand<TFloat32> x, Variable<TFloat32> kernel, Variable<TFloat32> bias) {
    Operand<TFloat32> y = tf.linalg.matMul(x, kernel);
    if (bias != null) {
      y = tf.nn.biasAdd(y, bias);
    }
    record("dense", "Dense", y, VariableFactory.size(kernel) + (bias == null ? 0 : VariableFactory.size(bias)), 0);
    return y;
  }

  /** Keras Conv2D, padding same, with bias: x[N,H,W,Cin] -> [N,H/s,W/s,Cout]. */
  Operand<TFloat32> conv2d(Operand<TFloat32> x, Variable<TFloat32> kernel, Variable<TFloat32> bias, int stride) {
    Operand<TFloat32> y = tf.nn.conv2d(x, kernel, List.of(1L, (long) stride, (long) stride, 1L), "SAME");
    y = tf.nn.biasAdd(y, bias);
    record("conv2d", "Conv2D", y, VariableFactory.size(kernel) + VariableFactory.size(bias), 0);
    return y;
  }

  /**
   * Keras Conv2DTranspose, padding same, no bias: x[N,H,W,Cin] -> [N,H*s,W*s,Cout] with a kernel
   * of shape [k, k, Cout, Cin]. This is the gradient of a convolution with respect to its input,
   * which is how Keras and TensorFlow implement it too; the batch size is read at run time so any
   * batch works.
   */
  Operand<TFloat32> conv2dTranspose(Operand<TFloat32> x, Variable<TFloat32> kernel, int stride) {
    long[] in = x.shape().asArray();
    long[] k = kernel.shape().asArray();
    Operand<TInt32> batch = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TInt32> outSize =
        tf.concat(
            List.of(batch, tf.constant(new int[] {(int) (in[1] * stride), (int) (in[2] * stride), (int) k[2]})),
            tf.constant(0));
    Operand<TFloat32> y =
        tf.nn.conv2dBackpropInput(outSize, kernel, x, List.of(1L, (long) stride, (long) stride, 1L), "SAME");
    // conv2dBackpropInput cannot infer H and W from a run-time size vector; a reshape restores the
    // static shape for the next layers (EnsureShape would, but it has no gradient).
    y = tf.reshape(y, tf.constant(new long[] {-1, in[1] * stride, in[2] * stride, k[2]}));
    record("conv2d_transpose", "Conv2DTranspose", y, VariableFactory.size(kernel), 0);
    return y;
  }

  /**
   * Keras BatchNormalization over the last axis of a rank-4 NHWC tensor (a Dense output is first
   * reshaped to [N, 1, 1, C]).
   *
   * <p>Training: normalise with the batch mean and biased variance, then update
   * {@code moving = momentum * moving + (1 - momentum) * batch}. TensorFlow's fused kernel reports
   * the Bessel-corrected variance; {@code varianceCorrection} rescales it: 1 keeps it (what Keras 2's
   * fused path stores for convolution outputs), {@code (n-1)/n} undoes it (what Keras stores for a
   * Dense output, which it normalises without the fused kernel). Inference: use the moving values.
   */
  Operand<TFloat32> batchNorm(Operand<TFloat32> x, BatchNormWeights w, Mode mode, boolean denseInput, float momentum, float epsilon) {
    Operand<TFloat32> y;
    if (mode == Mode.TRAINING) {
      Operand<TFloat32> empty = tf.constant(new float[0]);
      FusedBatchNorm<TFloat32, TFloat32> bn =
          tf.nn.fusedBatchNorm(x, w.gamma(), w.beta(), empty, empty,
              FusedBatchNorm.epsilon(epsilon), FusedBatchNorm.isTraining(true));
      y = bn.y();
      Operand<TFloat32> variance = bn.batchVariance();
      if (denseInput) {
        // n = batch size here; (n - 1) / n turns the unbiased estimate back into the biased one.
        Operand<TFloat32> n = tf.dtypes.cast(tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1})), TFloat32.class);
        Operand<TFloat32> factor = tf.math.div(tf.math.maximum(tf.math.sub(n, tf.constant(1f)), tf.constant(0f)), n);
        variance = tf.math.mul(variance, factor);
      }
      updates.add(movingAverage(w.movingMean(), bn.batchMean(), momentum));
      updates.add(movingAverage(w.movingVariance(), variance, momentum));
    } else {
      y = tf.nn.fusedBatchNorm(x, w.gamma(), w.beta(), w.movingMean(), w.movingVariance(),
              FusedBatchNorm.epsilon(epsilon), FusedBatchNorm.isTraining(false)).y();
    }
    long c = VariableFactory.size(w.gamma());
    record("batch_normalization", "BatchNormalization", y, 2 * c, 2 * c);
    return y;
  }

  private Op movingAverage(Variable<TFloat32> moving, Operand<TFloat32> batchValue, float momentum) {
    Operand<TFloat32> blended =
        tf.math.add(tf.math.mul(moving, tf.constant(momentum)), tf.math.mul(batchValue, tf.constant(1f - momentum)));
    return tf.assign(moving, blended);
  }

  /** Keras LeakyReLU: {@code x} for x >= 0, {@code slope * x} below. */
  Operand<TFloat32> leakyRelu(Operand<TFloat32> x, float slope) {
    Operand<TFloat32> y = tf.nn.leakyRelu(x, org.tensorflow.op.nn.LeakyRelu.alpha(slope));
    record("leaky_re_lu", "LeakyReLU", y, 0, 0);
    return y;
  }

  /**
   * Keras Dropout: while training, zero each element with probability {@code rate} and scale the
   * rest by 1 / (1 - rate); at inference, the identity. The mask comes from a stateless generator
   * keyed by {@code key} (int64[2], derived per step and layer), so a resumed run draws the same
   * masks as an uninterrupted one.
   */
  Operand<TFloat32> dropout(Operand<TFloat32> x, float rate, Mode mode, Operand<TInt64> key) {
    Operand<TFloat32> y = x;
    if (mode == Mode.TRAINING && rate > 0f) {
      Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.shape(x), key);
      Operand<TBool> keep = tf.math.greaterEqual(u, tf.constant(rate));
      Operand<TFloat32> scaled = tf.math.mul(x, tf.constant(1f / (1f - rate)));
      y = tf.select(keep, scaled, tf.zerosLike(x));
    }
    record("dropout", "Dropout", y, 0, 0);
    return y;
  }

  /** Keras Reshape (batch dimension kept): x -> [N, dims...]. */
  Operand<TFloat32> reshape(Operand<TFloat32> x, long... dims) {
    long[] full = new long[dims.length + 1];
    full[0] = -1;
    System.arraycopy(dims, 0, full, 1, dims.length);
    Operand<TFloat32> y = tf.reshape(x, tf.constant(full));
    record("reshape", "Reshape", y, 0, 0);
    return y;
  }

  /** Keras Flatten: [N, H, W, C] -> [N, H*W*C] in H, W, C order. */
  Operand<TFloat32> flatten(Operand<TFloat32> x) {
    long[] s = x.shape().asArray();
    long n = 1;
    for (int i = 1; i < s.length; i++) {
      n *= s[i];
    }
    Operand<TFloat32> y = tf.reshape(x, tf.constant(new long[] {-1, n}));
    record("flatten", "Flatten", y, 0, 0);
    return y;
  }

  /** Reshape that is an implementation detail (not a Keras layer), so it is not recorded. */
  Operand<TFloat32> silentReshape(Operand<TFloat32> x, long... dims) {
    return tf.reshape(x, tf.constant(dims));
  }

  /** Keras activation='tanh' on the last layer; part of that layer, not a row of its own. */
  Operand<TFloat32> tanh(Operand<TFloat32> x) {
    return tf.math.tanh(x);
  }

  private void record(String baseName, String type, Operand<TFloat32> y, long trainable, long nonTrainable) {
    if (summary == null) {
      return;
    }
    int n = typeCounts.merge(baseName, 1, Integer::sum) - 1;
    String name = n == 0 ? baseName : baseName + "_" + n;
    long[] shape = y.shape().asArray();
    summary.add(new LayerSummary(name, type, Arrays.copyOfRange(shape, 1, shape.length), trainable, nonTrainable));
  }
}
