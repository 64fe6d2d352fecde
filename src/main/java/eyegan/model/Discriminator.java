package eyegan.model;

import eyegan.config.ModelConfig;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The DCGAN discriminator as TensorFlow graph ops, in the order of the reference Keras model:
 *
 * <pre>
 * images [N, R, R, 3] in [-1, 1]
 *   -> Conv2D(d0, k, 2, bias) -> LeakyReLU -> Dropout(rate)
 *   -> Conv2D(d1, k, 2, bias) -> LeakyReLU -> Dropout(rate) -> ...
 *   -> Flatten -> Dense(1) -> logit [N, 1]
 * </pre>
 *
 * It returns the logit, not a probability: losses are computed on logits (numerically stable), and
 * {@code sigmoid} is applied only where a probability is reported. The reference model put a sigmoid
 * inside D and then also used {@code from_logits=True}, which double-squashes; eyegan does not.
 * Variables are named {@code disc_...}.
 */
public final class Discriminator {
  /** Prefix of every discriminator variable. */
  public static final String PREFIX = "disc_";

  private final Ops tf;
  private final ModelConfig config;
  private final VariableFactory factory;
  private final List<Variable<TFloat32>> convKernels = new ArrayList<>();
  private final List<Variable<TFloat32>> convBiases = new ArrayList<>();
  private final Variable<TFloat32> denseKernel;
  private final Variable<TFloat32> denseBias;
  private List<LayerSummary> summary;

  /** Creates the discriminator's variables in {@code tf}'s graph, initialised from {@code seed}. */
  public Discriminator(Ops tf, ModelConfig config, long seed) {
    this.tf = tf;
    this.config = config;
    this.factory = new VariableFactory(tf, seed, RandomKeys.DISCRIMINATOR_INIT);
    int[] d = config.discriminatorWidths();
    int k = config.kernelSize();
    long in = 3;
    for (int i = 0; i < d.length; i++) {
      convKernels.add(factory.glorotUniform(PREFIX + "conv" + (i + 1) + "_kernel", k, k, in, d[i]));
      convBiases.add(factory.constant(PREFIX + "conv" + (i + 1) + "_bias", 0f, d[i]));
      in = d[i];
    }
    long s = config.discriminatorFinalSize();
    denseKernel = factory.glorotUniform(PREFIX + "dense_kernel", s * s * in, 1);
    denseBias = factory.constant(PREFIX + "dense_bias", 0f, 1);
  }

  /**
   * Builds a forward pass.
   *
   * @param images float32 [N, R, R, 3] in [-1, 1]
   * @param stepSeed int64 [2] = (run seed, step); keys this step's dropout masks through {@link
   *     RandomKeys#DROPOUT} (ignored at inference)
   * @return float32 [N, 1] logits; {@code sigmoid(logit)} is the probability that the image is real
   */
  public Operand<TFloat32> apply(Operand<TFloat32> images, Mode mode, Operand<TInt64> stepSeed) {
    List<LayerSummary> rows = new ArrayList<>();
    Layers l = new Layers(tf, rows);
    Operand<TFloat32> x = images;
    for (int i = 0; i < convKernels.size(); i++) {
      x = l.conv2d(x, convKernels.get(i), convBiases.get(i), 2);
      x = l.leakyRelu(x, config.leakySlope());
      Operand<TInt64> key = mode == Mode.TRAINING ? RandomKeys.DROPOUT.stepKey(tf, stepSeed, i) : stepSeed;
      x = l.dropout(x, config.dropoutRate(), mode, key);
    }
    x = l.flatten(x);
    x = l.dense(x, denseKernel, denseBias);
    if (summary == null) {
      summary = List.copyOf(rows);
    }
    return x;
  }

  public List<Variable<TFloat32>> trainableVariables() {
    return factory.trainable();
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
}
