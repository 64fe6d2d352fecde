package eyegan.model.reference;

/**
 * The arithmetic of the Keras layers the reference model uses, written as plain loops from their
 * definitions (no TensorFlow), so that the TensorFlow graphs can be checked against it number for
 * number. Kernels are read in the layouts Keras stores them in: Dense {@code [in, out]}, Conv2D
 * {@code [kh, kw, in, out]}, Conv2DTranspose {@code [kh, kw, out, in]}.
 */
public final class KerasMath {
  private KerasMath() {}

  /** Dense: {@code y[b, o] = sum_i x[b, i] * kernel[i, o] (+ bias[o])}; x is read as [n, features]. */
  public static Nhwc dense(Nhwc x, float[] kernel, int out, float[] bias) {
    int in = x.h() * x.w() * x.c();
    if (kernel.length != in * out) {
      throw new IllegalArgumentException("kernel has " + kernel.length + " values, expected " + in + "x" + out);
    }
    Nhwc y = Nhwc.zeros(x.n(), 1, 1, out);
    for (int b = 0; b < x.n(); b++) {
      for (int o = 0; o < out; o++) {
        double s = bias == null ? 0 : bias[o];
        for (int i = 0; i < in; i++) {
          s += x.v()[b * in + i] * kernel[i * out + o];
        }
        y.v()[b * out + o] = s;
      }
    }
    return y;
  }

  /**
   * Leading padding of TensorFlow's 'same' convolution along one axis: the output has
   * {@code ceil(in / stride)} positions and the {@code max((out - 1) * stride + k - in, 0)} missing
   * input positions are split with the smaller half before (TensorFlow's documented rule).
   */
  static int samePadBefore(int in, int k, int stride) {
    int out = (in + stride - 1) / stride;
    return Math.max((out - 1) * stride + k - in, 0) / 2;
  }

  /**
   * Conv2D, padding 'same', with bias: {@code y[b, oy, ox, o] = bias[o] + sum x[b, oy*s + dy - p,
   * ox*s + dx - p, i] * kernel[dy, dx, i, o]}, input positions outside the image counting as 0.
   */
  public static Nhwc conv2dSame(Nhwc x, float[] kernel, int k, int out, float[] bias, int stride) {
    int in = x.c();
    int oh = (x.h() + stride - 1) / stride;
    int ow = (x.w() + stride - 1) / stride;
    int py = samePadBefore(x.h(), k, stride);
    int px = samePadBefore(x.w(), k, stride);
    Nhwc y = Nhwc.zeros(x.n(), oh, ow, out);
    for (int b = 0; b < x.n(); b++) {
      for (int oy = 0; oy < oh; oy++) {
        for (int ox = 0; ox < ow; ox++) {
          for (int o = 0; o < out; o++) {
            double s = bias[o];
            for (int dy = 0; dy < k; dy++) {
              int iy = oy * stride + dy - py;
              if (iy < 0 || iy >= x.h()) {
                continue;
              }
              for (int dx = 0; dx < k; dx++) {
                int ix = ox * stride + dx - px;
                if (ix < 0 || ix >= x.w()) {
                  continue;
                }
                for (int i = 0; i < in; i++) {
                  s += x.v()[x.at(b, iy, ix, i)] * kernel[((dy * k + dx) * in + i) * out + o];
                }
              }
            }
            y.v()[y.at(b, oy, ox, o)] = s;
          }
        }
      }
    }
    return y;
  }

  /**
   * Conv2DTranspose, padding 'same', no bias: the adjoint of a 'same' Conv2D with the same kernel
   * and stride that maps [h*s, w*s, out] to [h, w, in]. Each input element is scattered through the
   * kernel: {@code y[b, iy*s + dy - p, ix*s + dx - p, o] += x[b, iy, ix, i] * kernel[dy, dx, o, i]},
   * with p that convolution's leading padding; contributions outside the output are dropped.
   */
  public static Nhwc conv2dTransposeSame(Nhwc x, float[] kernel, int k, int out, int stride) {
    int in = x.c();
    int oh = x.h() * stride;
    int ow = x.w() * stride;
    int py = samePadBefore(oh, k, stride);
    int px = samePadBefore(ow, k, stride);
    Nhwc y = Nhwc.zeros(x.n(), oh, ow, out);
    for (int b = 0; b < x.n(); b++) {
      for (int iy = 0; iy < x.h(); iy++) {
        for (int ix = 0; ix < x.w(); ix++) {
          for (int dy = 0; dy < k; dy++) {
            int oy = iy * stride + dy - py;
            if (oy < 0 || oy >= oh) {
              continue;
            }
            for (int dx = 0; dx < k; dx++) {
              int ox = ix * stride + dx - px;
              if (ox < 0 || ox >= ow) {
                continue;
              }
              for (int o = 0; o < out; o++) {
                double s = 0;
                for (int i = 0; i < in; i++) {
                  s += x.v()[x.at(b, iy, ix, i)] * kernel[((dy * k + dx) * out + o) * in + i];
                }
                y.v()[y.at(b, oy, ox, o)] += s;
              }
            }
          }
        }
      }
    }
    return y;
  }

  /** Per-channel statistics over batch, height and width. */
  public record ChannelStats(double[] mean, double[] biasedVariance, int count) {
    /** The variance with Bessel's correction, {@code biased * count / (count - 1)}. */
    public double[] unbiasedVariance() {
      double[] u = new double[biasedVariance.length];
      for (int k = 0; k < u.length; k++) {
        u[k] = biasedVariance[k] * count / (count - 1);
      }
      return u;
    }
  }

  /** Mean and biased variance of each channel over all n * h * w positions. */
  public static ChannelStats channelStats(Nhwc x) {
    int count = x.n() * x.h() * x.w();
    double[] mean = new double[x.c()];
    double[] var = new double[x.c()];
    for (int p = 0; p < count; p++) {
      for (int k = 0; k < x.c(); k++) {
        mean[k] += x.v()[p * x.c() + k];
      }
    }
    for (int k = 0; k < x.c(); k++) {
      mean[k] /= count;
    }
    for (int p = 0; p < count; p++) {
      for (int k = 0; k < x.c(); k++) {
        double d = x.v()[p * x.c() + k] - mean[k];
        var[k] += d * d;
      }
    }
    for (int k = 0; k < x.c(); k++) {
      var[k] /= count;
    }
    return new ChannelStats(mean, var, count);
  }

  /** BatchNormalization's output: {@code gamma * (x - mean) / sqrt(variance + epsilon) + beta}. */
  public static Nhwc batchNorm(Nhwc x, double[] mean, double[] variance, float[] gamma, float[] beta, double epsilon) {
    Nhwc y = Nhwc.zeros(x.n(), x.h(), x.w(), x.c());
    for (int i = 0; i < x.v().length; i++) {
      int k = i % x.c();
      y.v()[i] = gamma[k] * (x.v()[i] - mean[k]) / Math.sqrt(variance[k] + epsilon) + beta[k];
    }
    return y;
  }

  /** The moving-average update {@code momentum * moving + (1 - momentum) * batch}, per channel. */
  public static double[] movingAverage(float[] moving, double[] batch, double momentum) {
    double[] out = new double[moving.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = momentum * moving[k] + (1 - momentum) * batch[k];
    }
    return out;
  }

  /** LeakyReLU: x where x >= 0, slope * x below. */
  public static Nhwc leakyRelu(Nhwc x, double slope) {
    Nhwc y = Nhwc.zeros(x.n(), x.h(), x.w(), x.c());
    for (int i = 0; i < x.v().length; i++) {
      double v = x.v()[i];
      y.v()[i] = v >= 0 ? v : slope * v;
    }
    return y;
  }

  /** Dropout while training: kept elements scaled by {@code 1 / (1 - rate)}, the others 0. */
  public static Nhwc dropout(Nhwc x, boolean[] keep, double rate) {
    if (keep.length != x.v().length) {
      throw new IllegalArgumentException("mask of " + keep.length + " for " + x.v().length + " values");
    }
    Nhwc y = Nhwc.zeros(x.n(), x.h(), x.w(), x.c());
    for (int i = 0; i < keep.length; i++) {
      y.v()[i] = keep[i] ? x.v()[i] / (1 - rate) : 0;
    }
    return y;
  }

  /** Element-wise tanh (the generator's output activation). */
  public static Nhwc tanh(Nhwc x) {
    Nhwc y = Nhwc.zeros(x.n(), x.h(), x.w(), x.c());
    for (int i = 0; i < x.v().length; i++) {
      y.v()[i] = Math.tanh(x.v()[i]);
    }
    return y;
  }
}
