package eyegan.model.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * The tutorial's generator in plain Java: Dense(no bias) -> BatchNormalization -> LeakyReLU ->
 * Reshape -> Conv2DTranspose(stride 1) -> BN -> LeakyReLU -> [Conv2DTranspose(stride 2) -> BN ->
 * LeakyReLU]... -> Conv2DTranspose(3, stride 2, tanh), all 'same' padding, no biases.
 *
 * <p>Weights are read by eyegan's variable names ({@code gen_dense_kernel}, {@code gen_dense_bn_*},
 * {@code gen_convT<i>_kernel}, {@code gen_convT<i>_bn_*}); the layer sizes follow from their shapes.
 */
public final class ReferenceGenerator {
  /** What a forward pass produced. */
  public record Pass(Nhwc images, List<double[]> movingMeans, List<double[]> movingVariances) {}

  private final NamedWeights w;

  public ReferenceGenerator(NamedWeights weights) {
    this.w = weights;
  }

  /**
   * @param noise [n, noiseDim] row-major
   * @param training batch statistics (and the moving statistics they lead to) when true, moving
   *     statistics when false
   * @return images [n, R, R, 3] and, in training, each BN layer's moving mean and variance after
   *     this batch's update (Dense layer first)
   */
  public Pass forward(float[] noise, int n, boolean training) {
    long[] denseShape = w.shape("gen_dense_kernel");
    int noiseDim = (int) denseShape[0];
    int units = (int) denseShape[1];
    List<double[]> means = new ArrayList<>();
    List<double[]> variances = new ArrayList<>();

    Nhwc x = KerasMath.dense(Nhwc.of(noise, n, 1, 1, noiseDim), w.get("gen_dense_kernel"), units, null);
    // Keras normalises a Dense output per unit over the batch, with tf.nn.moments (biased variance),
    // and its moving variance takes that biased value.
    x = batchNorm(x, "gen_dense_bn", training, false, means, variances);
    x = KerasMath.leakyRelu(x, KerasDefaults.LEAKY_SLOPE);
    int g0 = (int) w.shape("gen_convT1_kernel")[3];
    int base = (int) Math.round(Math.sqrt(units / (double) g0));
    x = x.view(base, base, g0);
    for (int i = 1; w.has("gen_convT" + i + "_kernel"); i++) {
      String name = "gen_convT" + i;
      long[] k = w.shape(name + "_kernel");
      x = KerasMath.conv2dTransposeSame(x, w.get(name + "_kernel"), (int) k[0], (int) k[2], i == 1 ? 1 : 2);
      if (w.has(name + "_bn_gamma")) {
        // Convolution outputs go through Keras's fused kernel, whose batch variance for the moving
        // average carries Bessel's correction.
        x = batchNorm(x, name + "_bn", training, true, means, variances);
        x = KerasMath.leakyRelu(x, KerasDefaults.LEAKY_SLOPE);
      } else {
        x = KerasMath.tanh(x);
      }
    }
    return new Pass(x, means, variances);
  }

  private Nhwc batchNorm(Nhwc x, String name, boolean training, boolean bessel, List<double[]> means, List<double[]> variances) {
    float[] gamma = w.get(name + "_gamma");
    float[] beta = w.get(name + "_beta");
    float[] movingMean = w.get(name + "_moving_mean");
    float[] movingVariance = w.get(name + "_moving_variance");
    if (!training) {
      return KerasMath.batchNorm(x, toDouble(movingMean), toDouble(movingVariance), gamma, beta, KerasDefaults.BN_EPSILON);
    }
    KerasMath.ChannelStats s = KerasMath.channelStats(x);
    means.add(KerasMath.movingAverage(movingMean, s.mean(), KerasDefaults.BN_MOMENTUM));
    variances.add(KerasMath.movingAverage(movingVariance,
        bessel ? s.unbiasedVariance() : s.biasedVariance(), KerasDefaults.BN_MOMENTUM));
    // The output is always normalised with the biased batch variance.
    return KerasMath.batchNorm(x, s.mean(), s.biasedVariance(), gamma, beta, KerasDefaults.BN_EPSILON);
  }

  private static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }
}
