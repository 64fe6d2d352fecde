package eyegan.config;

import java.util.Arrays;

/**
 * Shape of one member of eyegan's DCGAN family. The {@link #article()} configuration is exactly the
 * reference Keras model; smaller presets change only the resolution and the channel widths, so every
 * preset is the same architecture.
 *
 * <p>Generator: Dense(base*base*g[0], no bias) -> BN -> LeakyReLU -> Reshape(base, base, g[0]) ->
 * Conv2DTranspose(g[1], k, stride 1) -> BN -> LeakyReLU -> for each later width w in g:
 * Conv2DTranspose(w, k, stride 2) -> BN -> LeakyReLU -> Conv2DTranspose(3, k, stride 2, tanh). So
 * {@code resolution = baseSize * 2^(g.length - 1)}.
 *
 * <p>Discriminator: for each width w in d: Conv2D(w, k, stride 2, bias) -> LeakyReLU -> Dropout ->
 * Flatten -> Dense(1) giving the logit.
 *
 * @param resolution side of the square RGB images, pixels
 * @param noiseDim length of the generator's N(0, 1) input vector
 * @param generatorWidths g: channels after the Dense/Reshape, then of each transposed convolution
 *     except the last (which always has 3)
 * @param discriminatorWidths d: channels of each stride-2 convolution
 * @param kernelSize side of every convolution kernel
 * @param leakySlope negative slope of LeakyReLU (Keras default 0.3)
 * @param bnMomentum batch-norm moving-average momentum (Keras default 0.99)
 * @param bnEpsilon batch-norm variance epsilon (Keras default 1e-3)
 * @param dropoutRate fraction of discriminator activations dropped while training
 * @param upsampling how G doubles its size: {@value #TRANSPOSED} (the article's stride-2 transposed
 *     convolutions) or {@value #RESIZE} (nearest-neighbour upsampling, then a 3x3 convolution:
 *     Odena et al.'s remedy for checkerboard); null reads as {@value #TRANSPOSED}
 * @param init how kernels and biases start: {@value #GLOROT} (Keras's glorot_uniform kernels and zero
 *     biases, the article's) or {@value #FAN_IN} (kernels and biases uniform in +-1/sqrt(fan_in),
 *     PyTorch's default for its Linear and Conv layers); null reads as {@value #GLOROT}
 * @param minibatchStdGroup 0, or D appends a minibatch standard-deviation channel (ProGAN) over
 *     groups of this many images before its Dense; 0 in a configuration written before it existed
 */
public record ModelConfig(
    int resolution,
    int noiseDim,
    int[] generatorWidths,
    int[] discriminatorWidths,
    int kernelSize,
    float leakySlope,
    float bnMomentum,
    float bnEpsilon,
    float dropoutRate,
    String upsampling,
    String init,
    int minibatchStdGroup) {

  /** G doubles its size with stride-2 transposed convolutions (the article's layers). */
  public static final String TRANSPOSED = "transposed";
  /** G doubles its size with nearest-neighbour upsampling and a 3x3 convolution. */
  public static final String RESIZE = "resize";
  /** Keras's initialisation: glorot_uniform kernels, zero biases. */
  public static final String GLOROT = "glorot";
  /** PyTorch's default initialisation: kernels and biases uniform in +-1/sqrt(fan_in). */
  public static final String FAN_IN = "fan-in";
  /** PyTorch's BatchNorm momentum 0.1, in Keras's convention (the weight of the old moving value). */
  public static final float TORCH_BN_MOMENTUM = 0.9f;
  /** PyTorch's BatchNorm epsilon. */
  public static final float TORCH_BN_EPSILON = 1e-5f;

  /** Kernel side of the convolution after each upsampling in {@value #RESIZE} mode. */
  public static final int RESIZE_KERNEL = 3;

  /** Keras {@code LeakyReLU()} default negative slope. */
  public static final float KERAS_LEAKY_SLOPE = 0.3f;
  /** Keras {@code BatchNormalization()} default momentum. */
  public static final float KERAS_BN_MOMENTUM = 0.99f;
  /** Keras {@code BatchNormalization()} default epsilon. */
  public static final float KERAS_BN_EPSILON = 1e-3f;
  /** The reference noise length. */
  public static final int ARTICLE_NOISE_DIM = 100;

  public ModelConfig {
    generatorWidths = generatorWidths.clone();
    upsampling = upsampling == null ? TRANSPOSED : upsampling;
    if (!upsampling.equals(TRANSPOSED) && !upsampling.equals(RESIZE)) {
      throw new IllegalArgumentException("upsampling must be " + TRANSPOSED + " or " + RESIZE + ", got " + upsampling);
    }
    init = init == null ? GLOROT : init;
    if (!init.equals(GLOROT) && !init.equals(FAN_IN)) {
      throw new IllegalArgumentException("init must be " + GLOROT + " or " + FAN_IN + ", got " + init);
    }
    discriminatorWidths = discriminatorWidths.clone();
    if (noiseDim < 1) {
      throw new IllegalArgumentException("noise size must be >= 1, got " + noiseDim);
    }
    if (generatorWidths.length < 2) {
      throw new IllegalArgumentException("the generator needs at least 2 widths, got " + Arrays.toString(generatorWidths));
    }
    if (discriminatorWidths.length < 1) {
      throw new IllegalArgumentException("the discriminator needs at least 1 width");
    }
    for (int w : generatorWidths) {
      requirePositive(w, "generator width");
    }
    for (int w : discriminatorWidths) {
      requirePositive(w, "discriminator width");
    }
    requirePositive(kernelSize, "kernel size");
    int upsample = 1 << (generatorWidths.length - 1);
    if (resolution < upsample || resolution % upsample != 0) {
      throw new IllegalArgumentException(
          "resolution " + resolution + " must be a multiple of " + upsample
              + " (the generator doubles its size " + (generatorWidths.length - 1) + " times)");
    }
    int downsample = 1 << discriminatorWidths.length;
    if (resolution % downsample != 0) {
      throw new IllegalArgumentException(
          "resolution " + resolution + " must be a multiple of " + downsample
              + " (the discriminator halves it " + discriminatorWidths.length + " times)");
    }
    if (!(dropoutRate >= 0f && dropoutRate < 1f)) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + dropoutRate);
    }
    if (minibatchStdGroup < 0) {
      throw new IllegalArgumentException("minibatch std group must be >= 0 (0 = off), got " + minibatchStdGroup);
    }
    if (!(bnMomentum >= 0f && bnMomentum < 1f)) {
      throw new IllegalArgumentException("batch-norm momentum must be in [0, 1), got " + bnMomentum);
    }
    if (!(bnEpsilon > 0f && bnEpsilon < 1f)) {
      throw new IllegalArgumentException("batch-norm epsilon must be in (0, 1), got " + bnEpsilon);
    }
  }

  /** The reference model: 128x128, noise 100, G widths 256/128/64/32, D widths 128/256/512, 5x5 kernels. */
  public static ModelConfig article() {
    return new ModelConfig(
        128,
        ARTICLE_NOISE_DIM,
        new int[] {256, 128, 64, 32},
        new int[] {128, 256, 512},
        5,
        KERAS_LEAKY_SLOPE,
        KERAS_BN_MOMENTUM,
        KERAS_BN_EPSILON,
        0.5f,
        TRANSPOSED,
        GLOROT,
        0);
  }

  /**
   * The article's architecture at another resolution with every channel width divided by
   * {@code widthDivisor}: same depth, same layer order, same Keras defaults.
   */
  public static ModelConfig scaled(int resolution, int widthDivisor) {
    ModelConfig a = article();
    return new ModelConfig(
        resolution,
        a.noiseDim,
        divide(a.generatorWidths, widthDivisor),
        divide(a.discriminatorWidths, widthDivisor),
        a.kernelSize,
        a.leakySlope,
        a.bnMomentum,
        a.bnEpsilon,
        a.dropoutRate,
        a.upsampling,
        a.init,
        a.minibatchStdGroup);
  }

  /** Side of the generator's first feature map (16 for the article: 128 / 2^3). */
  public int baseSize() {
    return resolution >> (generatorWidths.length - 1);
  }

  /** Side of the discriminator's last feature map before Flatten (16 for the article). */
  public int discriminatorFinalSize() {
    return resolution >> discriminatorWidths.length;
  }

  @Override
  public int[] generatorWidths() {
    return generatorWidths.clone();
  }

  @Override
  public int[] discriminatorWidths() {
    return discriminatorWidths.clone();
  }

  /**
   * This configuration with another kernel side for every convolution. A transposed convolution of
   * stride 2 whose kernel side is even covers every output pixel equally often; an odd one (the
   * article's 5) overlaps unevenly and paints a checkerboard (Odena et al. 2016).
   */
  public ModelConfig withKernelSize(int newKernelSize) {
    return new ModelConfig(resolution, noiseDim, generatorWidths, discriminatorWidths, newKernelSize,
        leakySlope, bnMomentum, bnEpsilon, dropoutRate, upsampling, init, minibatchStdGroup);
  }

  /** This configuration with another way for G to double its size ({@value #TRANSPOSED} or {@value #RESIZE}). */
  public ModelConfig withUpsampling(String newUpsampling) {
    return new ModelConfig(resolution, noiseDim, generatorWidths, discriminatorWidths, kernelSize,
        leakySlope, bnMomentum, bnEpsilon, dropoutRate, newUpsampling, init, minibatchStdGroup);
  }

  /** This configuration with another resolution (same widths). */
  public ModelConfig withResolution(int newResolution) {
    return new ModelConfig(newResolution, noiseDim, generatorWidths, discriminatorWidths, kernelSize,
        leakySlope, bnMomentum, bnEpsilon, dropoutRate, upsampling, init, minibatchStdGroup);
  }

  /** This configuration with other channel widths for G (after the Dense, then each upsampling but the last) and D. */
  public ModelConfig withWidths(int[] newGeneratorWidths, int[] newDiscriminatorWidths) {
    return new ModelConfig(resolution, noiseDim, newGeneratorWidths, newDiscriminatorWidths, kernelSize,
        leakySlope, bnMomentum, bnEpsilon, dropoutRate, upsampling, init, minibatchStdGroup);
  }

  /** This configuration with another batch-norm momentum (Keras's convention) and epsilon. */
  public ModelConfig withBatchNorm(float newMomentum, float newEpsilon) {
    return new ModelConfig(resolution, noiseDim, generatorWidths, discriminatorWidths, kernelSize,
        leakySlope, newMomentum, newEpsilon, dropoutRate, upsampling, init, minibatchStdGroup);
  }

  /** This configuration with another initialisation ({@value #GLOROT} or {@value #FAN_IN}). */
  public ModelConfig withInit(String newInit) {
    return new ModelConfig(resolution, noiseDim, generatorWidths, discriminatorWidths, kernelSize,
        leakySlope, bnMomentum, bnEpsilon, dropoutRate, upsampling, newInit, minibatchStdGroup);
  }

  /** This configuration with another dropout rate after each of D's convolutions (0 = no dropout). */
  public ModelConfig withDropout(float newDropoutRate) {
    return new ModelConfig(resolution, noiseDim, generatorWidths, discriminatorWidths, kernelSize,
        leakySlope, bnMomentum, bnEpsilon, newDropoutRate, upsampling, init, minibatchStdGroup);
  }

  /**
   * This configuration with (group >= 1) or without (0) D's minibatch standard-deviation channel over
   * groups of {@code group} images.
   */
  public ModelConfig withMinibatchStd(int group) {
    return new ModelConfig(resolution, noiseDim, generatorWidths, discriminatorWidths, kernelSize,
        leakySlope, bnMomentum, bnEpsilon, dropoutRate, upsampling, init, group);
  }

  /** True when D appends a minibatch standard-deviation channel. */
  public boolean minibatchStd() {
    return minibatchStdGroup > 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelConfig m
        && resolution == m.resolution
        && noiseDim == m.noiseDim
        && Arrays.equals(generatorWidths, m.generatorWidths)
        && Arrays.equals(discriminatorWidths, m.discriminatorWidths)
        && kernelSize == m.kernelSize
        && leakySlope == m.leakySlope
        && bnMomentum == m.bnMomentum
        && bnEpsilon == m.bnEpsilon
        && dropoutRate == m.dropoutRate
        && upsampling.equals(m.upsampling)
        && init.equals(m.init)
        && minibatchStdGroup == m.minibatchStdGroup;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Integer.hashCode(resolution) + Arrays.hashCode(generatorWidths))
        + Arrays.hashCode(discriminatorWidths);
  }

  @Override
  public String toString() {
    return resolution + "px, noise " + noiseDim + ", G " + Arrays.toString(generatorWidths)
        + ", D " + Arrays.toString(discriminatorWidths) + ", kernel " + kernelSize
        + (upsampling.equals(RESIZE) ? ", G upsamples by resize + 3x3 conv" : "")
        + (bnMomentum != KERAS_BN_MOMENTUM || bnEpsilon != KERAS_BN_EPSILON
            ? ", batch norm momentum " + bnMomentum + " epsilon " + bnEpsilon : "")
        + (init.equals(FAN_IN) ? ", fan-in initialisation" : "")
        + (minibatchStd() ? ", D minibatch std over groups of " + minibatchStdGroup : "");
  }

  private static int[] divide(int[] widths, int divisor) {
    if (divisor < 1) {
      throw new IllegalArgumentException("width divisor must be >= 1, got " + divisor);
    }
    return Arrays.stream(widths).map(w -> Math.max(1, w / divisor)).toArray();
  }

  private static void requirePositive(int value, String what) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be >= 1, got " + value);
    }
  }
}
