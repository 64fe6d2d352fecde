package eyegan.bench;

import eyegan.config.ModelConfig;

/**
 * Analytic floating-point operation count of the networks and of one training step, from layer
 * shapes alone (a multiply-add counts as 2 FLOPs; activations, batch norm, biases and the optimiser
 * are ignored: together they are well under 1% of the convolutions).
 *
 * <p>Per layer and image, forward: Dense {@code 2*in*out}; Conv2D {@code 2*Ho*Wo*Co*k*k*Ci};
 * Conv2DTranspose {@code 2*Hi*Wi*Ci*k*k*Co} (every input pixel is spread over a k x k x Co patch).
 * A backward pass costs one forward for the gradient with respect to the input (skipped where the
 * input needs none: G's noise, D's images in the D loss) and one for the weights.
 *
 * <p>One step with batch N, as {@code TrainingGraph} runs it:
 * <pre>
 *   G forward on N                                   F_G * N
 * + D forward on [real; fake] = 2N                   F_D * 2N
 * + D loss backward: D weights on 2N                 F_D * 2N
 *                    D inputs (layers 2..) on 2N     (F_D - F_D1) * 2N
 * + G loss backward: D inputs (all layers) on N      F_D * N
 *                    G weights on N                  F_G * N
 *                    G inputs (layers 2..) on N      (F_G - F_G1) * N
 * </pre>
 * For the reference model that is 25.9 GFLOP per image (F_G = 0.66, F_D = 3.44 GFLOP). The
 * tutorial's step runs D once per half of [real; fake] so that G's loss is differentiated through
 * the fake half only, which is what this counts. The alternating step takes G's loss from a second
 * D forward pass on the N fakes after D's update: {@code + F_D * N}.
 */
public final class StepFlops {
  private StepFlops() {}

  /** Forward FLOPs of G for one image. */
  public static double generatorForward(ModelConfig c) {
    return generatorDense(c) + generatorConvs(c);
  }

  /** Forward FLOPs of D for one image. */
  public static double discriminatorForward(ModelConfig c) {
    return discriminatorFirstConv(c) + discriminatorRest(c);
  }

  /** FLOPs of one training step with batch {@code n} (formula in the class comment). */
  public static double trainingStep(ModelConfig c, int n) {
    return trainingStep(c, n, false);
  }

  /** FLOPs of one training step, simultaneous or {@code alternating}. */
  public static double trainingStep(ModelConfig c, int n, boolean alternating) {
    return trainingStepSimultaneous(c, n) + (alternating ? discriminatorForward(c) * n : 0);
  }

  private static double trainingStepSimultaneous(ModelConfig c, int n) {
    double fg = generatorForward(c);
    double fg1 = generatorDense(c);
    double fd = discriminatorForward(c);
    double fd1 = discriminatorFirstConv(c);
    double perImage = fg + 2 * fd + 2 * fd + 2 * (fd - fd1) + fd + fg + (fg - fg1);
    return perImage * n;
  }

  private static double generatorDense(ModelConfig c) {
    long base = c.baseSize();
    return 2.0 * c.noiseDim() * base * base * c.generatorWidths()[0];
  }

  private static double generatorConvs(ModelConfig c) {
    int[] g = c.generatorWidths();
    long k2 = (long) c.kernelSize() * c.kernelSize();
    long size = c.baseSize();
    double flops = 0;
    boolean resize = c.upsampling().equals(ModelConfig.RESIZE);
    long r2 = (long) ModelConfig.RESIZE_KERNEL * ModelConfig.RESIZE_KERNEL;
    for (int i = 1; i <= g.length; i++) {
      long in = g[i - 1];
      long out = i < g.length ? g[i] : 3;
      if (resize && i > 1) {
        long o = size * 2; // a 3x3 convolution at the upsampled size
        flops += 2.0 * o * o * in * r2 * out;
      } else {
        flops += 2.0 * size * size * in * k2 * out; // counted at the layer's input size
      }
      size = i == 1 ? size : size * 2; // the first transposed convolution has stride 1, the rest 2
    }
    return flops;
  }

  private static double discriminatorFirstConv(ModelConfig c) {
    long k2 = (long) c.kernelSize() * c.kernelSize();
    long out = c.resolution() / 2;
    return 2.0 * out * out * c.discriminatorWidths()[0] * k2 * 3;
  }

  private static double discriminatorRest(ModelConfig c) {
    int[] d = c.discriminatorWidths();
    long k2 = (long) c.kernelSize() * c.kernelSize();
    long size = c.resolution() / 2;
    double flops = 0;
    for (int i = 1; i < d.length; i++) {
      size /= 2;
      flops += 2.0 * size * size * d[i] * k2 * d[i - 1];
    }
    long last = c.discriminatorFinalSize();
    flops += 2.0 * last * last * d[d.length - 1];
    return flops;
  }
}
