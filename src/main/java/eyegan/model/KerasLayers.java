package eyegan.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The Keras layers the tutorial's networks use, with Keras's semantics, on NHWC float32 tensors.
 * Each holds its variables (created by {@link VariableFactory}), so the same layer list can build a
 * training-mode and an inference-mode pass over the same weights.
 */
final class KerasLayers {
  private KerasLayers() {}

  /** Keras Dense without activation: {@code x[N, in] @ kernel[in, out] (+ bias[out])}. */
  record Dense(Variable<TFloat32> kernel, Variable<TFloat32> bias) implements Layer {
    @Override public String name() { return "dense"; }
    @Override public String type() { return "Dense"; }
    @Override public long[] outputShape(long[] in) { return new long[] {kernel.shape().get(1)}; }
    @Override public long trainableParams() { return size(kernel) + (bias == null ? 0 : size(bias)); }

    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Pass pass) {
      Operand<TFloat32> y = tf.linalg.matMul(x, kernel);
      return bias == null ? y : tf.nn.biasAdd(y, bias);
    }
  }

  /** Keras UpSampling2D(2) with nearest-neighbour interpolation: [N,H,W,C] -> [N,2H,2W,C]. */
  record UpSampling2D() implements Layer {
    @Override public String name() { return "up_sampling2d"; }
    @Override public String type() { return "UpSampling2D"; }
    @Override public long[] outputShape(long[] in) { return new long[] {2 * in[0], 2 * in[1], in[2]}; }

    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Pass pass) {
      long[] s = x.shape().asArray();
      return tf.image.resizeNearestNeighbor(x, tf.constant(new int[] {(int) (2 * s[1]), (int) (2 * s[2])}));
    }
  }

  /** Keras Conv2D, padding same, with bias: x[N,H,W,Cin] -> [N,H/s,W/s,Cout]; kernel [k, k, Cin, Cout]. */
  record Conv2D(Variable<TFloat32> kernel, Variable<TFloat32> bias, int stride) implements Layer {
    @Override public String name() { return "conv2d"; }
    @Override public String type() { return "Conv2D"; }
    @Override public long[] outputShape(long[] in) {
      return new long[] {ceilDiv(in[0], stride), ceilDiv(in[1], stride), kernel.shape().get(3)};
    }
    @Override public long trainableParams() { return size(kernel) + (bias == null ? 0 : size(bias)); }

    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Pass pass) {
      Operand<TFloat32> y = tf.nn.conv2d(x, kernel, List.of(1L, (long) stride, (long) stride, 1L), "SAME");
      return bias == null ? y : tf.nn.biasAdd(y, bias);
    }
  }

  /** Keras activation='tanh' as a layer of its own (after a resize convolution); no summary row of its own in Keras. */
  record Tanh() implements Layer {
    @Override public String name() { return "activation"; }
    @Override public String type() { return "Activation"; }
    @Override public long[] outputShape(long[] in) { return in.clone(); }

    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Pass pass) {
      return tf.math.tanh(x);
    }
  }

  /**
   * Keras Conv2DTranspose, padding same, no bias, optional tanh: x[N,H,W,Cin] -> [N,H*s,W*s,Cout]
   * with a kernel of shape [k, k, Cout, Cin]. This is the gradient of a convolution with respect to
   * its input, which is how Keras and TensorFlow implement it too; the batch size is read at run
   * time so any batch works.
   */
  record Conv2DTranspose(Variable<TFloat32> kernel, int stride, boolean tanh) implements Layer {
    @Override public String name() { return "conv2d_transpose"; }
    @Override public String type() { return "Conv2DTranspose"; }
    @Override public long[] outputShape(long[] in) {
      return new long[] {in[0] * stride, in[1] * stride, kernel.shape().get(2)};
    }
    @Override public long trainableParams() { return size(kernel); }

    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Pass pass) {
      long[] in = x.shape().asArray();
      long out = kernel.shape().get(2);
      Operand<TInt32> batch = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
      Operand<TInt32> outSize = tf.concat(
          List.of(batch, tf.constant(new int[] {(int) (in[1] * stride), (int) (in[2] * stride), (int) out})),
          tf.constant(0));
      Operand<TFloat32> y =
          tf.nn.conv2dBackpropInput(outSize, kernel, x, List.of(1L, (long) stride, (long) stride, 1L), "SAME");
      // conv2dBackpropInput cannot infer H and W from a run-time size vector; a reshape restores the
      // static shape for the next layers (EnsureShape would, but it has no gradient).
      y = tf.reshape(y, tf.constant(new long[] {-1, in[1] * stride, in[2] * stride, out}));
      return tanh ? tf.math.tanh(y) : y; // Keras activation='tanh': part of the layer, not a row
    }
  }

  /**
   * Keras BatchNormalization over the last axis. A Dense output [N, C] is normalised per unit
   * through a [N, 1, 1, C] view, because TensorFlow's fused kernel wants NHWC.
   *
   * <p>Training: normalise with the batch mean and biased variance, then update
   * {@code moving = momentum * moving + (1 - momentum) * batch}. The fused kernel reports the
   * Bessel-corrected variance; for a Dense input it is rescaled by (n-1)/n, because Keras 2
   * normalises a Dense output without the fused kernel and stores the biased one; for convolution
   * outputs it is kept, as Keras's fused path stores it. Inference: use the moving values.
   */
  record BatchNorm(BatchNormWeights w, boolean denseInput, float momentum, float epsilon) implements Layer {
    @Override public String name() { return "batch_normalization"; }
    @Override public String type() { return "BatchNormalization"; }
    @Override public long[] outputShape(long[] in) { return in.clone(); }
    @Override public long trainableParams() { return 2 * size(w.gamma()); }
    @Override public long nonTrainableParams() { return 2 * size(w.gamma()); }

    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Pass pass) {
      long c = size(w.gamma());
      Operand<TFloat32> in = denseInput ? tf.reshape(x, tf.constant(new long[] {-1, 1, 1, c})) : x;
      Operand<TFloat32> y;
      if (pass.training()) {
        Operand<TFloat32> empty = tf.constant(new float[0]);
        FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(in, w.gamma(), w.beta(), empty, empty,
            FusedBatchNorm.epsilon(epsilon), FusedBatchNorm.isTraining(true));
        y = bn.y();
        Operand<TFloat32> variance = bn.batchVariance();
        if (denseInput) {
          // n = batch size here; (n - 1) / n turns the unbiased estimate back into the biased one.
          Operand<TFloat32> n = tf.dtypes.cast(
              tf.slice(tf.shape(in), tf.constant(new int[] {0}), tf.constant(new int[] {1})), TFloat32.class);
          Operand<TFloat32> factor = tf.math.div(tf.math.maximum(tf.math.sub(n, tf.constant(1f)), tf.constant(0f)), n);
          variance = tf.math.mul(variance, factor);
        }
        pass.updates().add(movingAverage(tf, w.movingMean(), bn.batchMean()));
        pass.updates().add(movingAverage(tf, w.movingVariance(), variance));
      } else {
        y = tf.nn.fusedBatchNorm(in, w.gamma(), w.beta(), w.movingMean(), w.movingVariance(),
            FusedBatchNorm.epsilon(epsilon), FusedBatchNorm.isTraining(false)).y();
      }
      return denseInput ? tf.reshape(y, tf.constant(new long[] {-1, c})) : y;
    }

    private org.tensorflow.op.Op movingAverage(Ops tf, Variable<TFloat32> moving, Operand<TFloat32> batchValue) {
      Operand<TFloat32> blended = tf.math.add(
          tf.math.mul(moving, tf.constant(momentum)), tf.math.mul(batchValue, tf.constant(1f - momentum)));
      return tf.assign(moving, blended);
    }
  }

  /** Keras LeakyReLU: {@code x} for x >= 0, {@code slope * x} below. */
  record LeakyReLU(float slope) implements Layer {
    @Override public String name() { return "leaky_re_lu"; }
    @Override public String type() { return "LeakyReLU"; }
    @Override public long[] outputShape(long[] in) { return in.clone(); }

    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Pass pass) {
      return tf.nn.leakyRelu(x, LeakyRelu.alpha(slope));
    }
  }

  /**
   * Keras Dropout: while training, zero each element with probability {@code rate} and scale the
   * rest by 1 / (1 - rate); at inference, the identity. The mask comes from a stateless generator
   * keyed by the pass's purpose ({@link RandomKeys#DROPOUT}), the step and this layer's index, so a resumed run draws the
   * same masks as an uninterrupted one.
   */
  record Dropout(float rate, int index) implements Layer {
    @Override public String name() { return "dropout"; }
    @Override public String type() { return "Dropout"; }
    @Override public long[] outputShape(long[] in) { return in.clone(); }

    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Pass pass) {
      if (!pass.training() || rate <= 0f) {
        return x;
      }
      Operand<TInt64> key = pass.dropoutKeys().stepKey(tf, pass.stepSeed(), index);
      Operand<TFloat32> u;
      MaskRows rows = pass.maskRows();
      if (rows == null) {
        u = tf.random.statelessRandomUniform(tf.shape(x), key);
      } else {
        // The whole batch's draw (made once for all its passes), of which this pass keeps its own rows.
        Operand<TInt32> tail = tf.slice(tf.shape(x), tf.constant(new int[] {1}), tf.constant(new int[] {-1}));
        Operand<TFloat32> all = rows.draws().computeIfAbsent(index, i -> tf.random.statelessRandomUniform(
            tf.concat(java.util.List.of(tf.reshape(rows.total(), tf.constant(new int[] {1})), tail), tf.constant(0)), key));
        Operand<TInt32> begin = tf.concat(
            java.util.List.of(tf.reshape(rows.offset(), tf.constant(new int[] {1})), tf.zerosLike(tail)), tf.constant(0));
        u = tf.slice(all, begin, tf.shape(x));
      }
      Operand<TBool> keep = tf.math.greaterEqual(u, tf.constant(rate));
      // x * (keep ? 1 / (1 - rate) : 0): the same values as a select between the scaled input and
      // zeros, and one multiplication forward and back instead of a select, a zeros tensor and a
      // select of zeros in the gradient.
      Operand<TFloat32> scale = tf.math.mul(tf.dtypes.cast(keep, TFloat32.class), tf.constant(1f / (1f - rate)));
      return tf.math.mul(x, tf.stopGradient(scale));
    }
  }

  /** Keras Reshape (batch dimension kept): x -> [N, dims...]. */
  record Reshape(long... dims) implements Layer {
    @Override public String name() { return "reshape"; }
    @Override public String type() { return "Reshape"; }
    @Override public long[] outputShape(long[] in) { return dims.clone(); }

    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Pass pass) {
      long[] full = new long[dims.length + 1];
      full[0] = -1;
      System.arraycopy(dims, 0, full, 1, dims.length);
      return tf.reshape(x, tf.constant(full));
    }
  }

  /** Keras Flatten: [N, H, W, C] -> [N, H*W*C] in H, W, C order. */
  record Flatten() implements Layer {
    @Override public String name() { return "flatten"; }
    @Override public String type() { return "Flatten"; }
    @Override public long[] outputShape(long[] in) {
      long n = 1;
      for (long d : in) {
        n *= d;
      }
      return new long[] {n};
    }

    @Override
    public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Pass pass) {
      long[] s = outputShape(java.util.Arrays.copyOfRange(x.shape().asArray(), 1, x.shape().numDimensions()));
      return tf.reshape(x, tf.constant(new long[] {-1, s[0]}));
    }
  }

  private static long size(Variable<?> v) {
    return v.shape().size();
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
