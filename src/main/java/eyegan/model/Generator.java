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
  private final Variable<TFloat32> denseKernel;
  private final BatchNormWeights denseBn;
  private final List<Variable<TFloat32>> convKernels = new ArrayList<>();
  private final List<BatchNormWeights> convBns = new ArrayList<>();
  private final VariableFactory factory;
  private final List<Op> updates = new ArrayList<>();
  private List<LayerSummary> summary;

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
    this.factory = new VariableFactory(tf, seed, RandomKeys.GENERATOR_INIT);
    int[] g = config.generatorWidths();
    int k = config.kernelSize();
    long base = config.baseSize();
    long units = base * base * g[0];
    denseKernel = factory.glorotUniform(prefix + "dense_kernel", config.noiseDim(), units);
    denseBn = BatchNormWeights.create(factory, prefix + "dense_bn", units);
    for (int i = 1; i <= g.length; i++) {
      long in = g[i - 1];
      long out = i < g.length ? g[i] : 3;
      convKernels.add(factory.glorotUniform(prefix + "convT" + i + "_kernel", k, k, out, in));
      if (i < g.length) {
        convBns.add(BatchNormWeights.create(factory, prefix + "convT" + i + "_bn", out));
      }
    }
  }

  /**
   * Builds a forward pass.
   *
   * @param noise float32 [N, noiseDim], N(0, 1) samples
   * @return float32 [N, resolution, resolution, 3] in [-1, 1] (tanh)
   */
  public Operand<TFloat32> apply(Operand<TFloat32> noise, Mode mode) {
    List<LayerSummary> rows = new ArrayList<>();
    Layers l = new Layers(tf, rows);
    int[] g = config.generatorWidths();
    long base = config.baseSize();
    long units = base * base * g[0];
    Operand<TFloat32> x = l.dense(noise, denseKernel, null);
    // Keras normalises the Dense output per unit; the fused kernel wants NHWC, so view it as 1x1xC.
    x = l.silentReshape(x, -1, 1, 1, units);
    x = l.batchNorm(x, denseBn, mode, true, config.bnMomentum(), config.bnEpsilon());
    x = l.leakyRelu(x, config.leakySlope());
    x = l.reshape(x, base, base, g[0]);
    for (int i = 0; i < convKernels.size(); i++) {
      int stride = i == 0 ? 1 : 2;
      x = l.conv2dTranspose(x, convKernels.get(i), stride);
      if (i < convBns.size()) {
        x = l.batchNorm(x, convBns.get(i), mode, false, config.bnMomentum(), config.bnEpsilon());
        x = l.leakyRelu(x, config.leakySlope());
      } else {
        x = l.tanh(x);
      }
    }
    fixDenseSummaryShapes(rows, units);
    if (summary == null) {
      summary = List.copyOf(rows);
    }
    updates.addAll(l.updates());
    return x;
  }

  /** The Dense/BN/LeakyReLU rows see a [N,1,1,C] view inside; Keras reports them as (None, C). */
  private static void fixDenseSummaryShapes(List<LayerSummary> rows, long units) {
    for (int i = 0; i < 3; i++) {
      LayerSummary r = rows.get(i);
      rows.set(i, new LayerSummary(r.name(), r.type(), new long[] {units}, r.trainableParams(), r.nonTrainableParams()));
    }
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

  /** Keras-style layer rows, available after the first {@link #apply}. */
  public List<LayerSummary> summary() {
    if (summary == null) {
      throw new IllegalStateException("build a forward pass with apply() before asking for the summary");
    }
    return summary;
  }

  public ModelConfig config() {
    return config;
  }

  /** The name prefix of this generator's variables. */
  public String prefix() {
    return prefix;
  }
}
