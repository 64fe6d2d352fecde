package eyegan.model;

import eyegan.config.ModelConfig;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The DCGAN generator, built as TensorFlow graph ops in the order of the reference Keras
 * Sequential model (see {@link ModelConfig}):
 *
 * <pre>
 * noise [N, z] -> Dense(base*base*g0, no bias) -> BN -> LeakyReLU -> Reshape(base, base, g0)
 *   -> Conv2DTranspose(g1, k, 1) -> BN -> LeakyReLU
 *   -> Conv2DTranspose(g2, k, 2) -> BN -> LeakyReLU -> ...
 *   -> Conv2DTranspose(3, k, 2, tanh) -> images [N, R, R, 3] in [-1, 1]
 * </pre>
 *
 * Constructing it creates the variables (names start with {@code gen_}, or {@code ema_gen_} for
 * the moving-average copy that training keeps beside it); {@link #apply} wires a forward pass onto
 * them and may be called once per mode in the same graph.
 */
public final class Generator {
  /** Prefix of every generator variable; the exporter restores exactly these. */
  public static final String PREFIX = "gen_";
  /** Prefix of the exponential-moving-average copy of the generator (same layout, same initial values). */
  public static final String EMA_PREFIX = "ema_gen_";

  private final Ops tf;
  private final ModelConfig config;
  private final String prefix;
  private final VariableFactory factory;
  private final Sequential network;
  private final List<Op> updates = new ArrayList<>();

  /** Creates the generator's variables in {@code tf}'s graph, initialised from {@code seed}. */
  public Generator(Ops tf, ModelConfig config, long seed) {
    this(tf, config, seed, PREFIX);
  }

  /**
   * Creates the variables under another name prefix ({@link #EMA_PREFIX} for the moving-average
   * copy); the initial values depend only on {@code seed}, so both copies start equal.
   */
  public Generator(Ops tf, ModelConfig config, long seed, String prefix) {
    this.tf = tf;
    this.config = config;
    this.prefix = prefix;
    this.factory = new VariableFactory(tf, seed, RandomKeys.GENERATOR_INIT, config.init());
    int[] g = config.generatorWidths();
    int k = config.kernelSize();
    long base = config.baseSize();
    long units = base * base * g[0];
    float slope = config.leakySlope();
    List<Layer> layers = new ArrayList<>();
    // The tutorial's Sequential, layer for layer:
    layers.add(new KerasLayers.Dense(factory.kernel(prefix + "dense_kernel", config.noiseDim(), units), null));
    layers.add(batchNorm(prefix + "dense_bn", units, true));
    layers.add(new KerasLayers.LeakyReLU(slope));
    layers.add(new KerasLayers.Reshape(base, base, g[0]));
    boolean resize = config.upsampling().equals(ModelConfig.RESIZE);
    for (int i = 1; i <= g.length; i++) {
      boolean last = i == g.length;
      long out = last ? 3 : g[i];
      int stride = i == 1 ? 1 : 2;
      if (resize && stride == 2) {
        // Odena et al.'s remedy: every output pixel gets the same number of taps, no checkerboard.
        int r = ModelConfig.RESIZE_KERNEL;
        layers.add(new KerasLayers.UpSampling2D());
        layers.add(new KerasLayers.Conv2D(factory.kernel(prefix + "conv" + i + "_kernel", r, r, g[i - 1], out), null, 1));
        if (last) {
          layers.add(new KerasLayers.Tanh());
        }
      } else {
        layers.add(new KerasLayers.Conv2DTranspose(
            factory.kernel(prefix + "convT" + i + "_kernel", k, k, out, g[i - 1]), stride, last));
      }
      if (!last) {
        layers.add(batchNorm(prefix + "convT" + i + "_bn", out, false));
        layers.add(new KerasLayers.LeakyReLU(slope));
      }
    }
    network = new Sequential(layers);
  }

  private Layer batchNorm(String name, long channels, boolean denseInput) {
    return new KerasLayers.BatchNorm(BatchNormWeights.create(factory, name, channels), denseInput,
        config.bnMomentum(), config.bnEpsilon());
  }

  /**
   * Builds a forward pass.
   *
   * @param noise float32 [N, noiseDim], N(0, 1) samples
   * @return float32 [N, resolution, resolution, 3] in [-1, 1] (tanh)
   */
  public Operand<TFloat32> apply(Operand<TFloat32> noise, Mode mode) {
    return network.apply(tf, noise, new Layer.Pass(mode, null, updates));
  }

  /** Variables Adam updates for the generator (kernels, BN gamma/beta). */
  public List<Variable<TFloat32>> trainableVariables() {
    return factory.trainable();
  }

  /** Batch-norm moving statistics. */
  public List<Variable<TFloat32>> nonTrainableVariables() {
    return factory.nonTrainable();
  }

  /** Moving-average updates of every training-mode pass built so far. */
  public List<Op> updateOps() {
    return List.copyOf(updates);
  }

  /** Keras-style layer rows, read off the declared layers. */
  public List<LayerSummary> summary() {
    return network.summary(config.noiseDim());
  }

  public ModelConfig config() {
    return config;
  }

  /** The name prefix of this generator's variables. */
  public String prefix() {
    return prefix;
  }
}
