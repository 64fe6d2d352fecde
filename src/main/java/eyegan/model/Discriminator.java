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
 *   [-> MinibatchStdDev(group), when the configuration asks for it: one channel more]
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
  private final Sequential network;

  /** Creates the discriminator's variables in {@code tf}'s graph, initialised from {@code seed}. */
  public Discriminator(Ops tf, ModelConfig config, long seed) {
    this.tf = tf;
    this.config = config;
    this.factory = new VariableFactory(tf, seed, RandomKeys.DISCRIMINATOR_INIT, config.init());
    int[] d = config.discriminatorWidths();
    int k = config.kernelSize();
    List<Layer> layers = new ArrayList<>();
    // The tutorial's Sequential, layer for layer (the final sigmoid is not a layer: D returns the logit).
    long in = 3;
    for (int i = 0; i < d.length; i++) {
      String name = PREFIX + "conv" + (i + 1);
      layers.add(new KerasLayers.Conv2D(factory.kernel(name + "_kernel", k, k, in, d[i]),
          factory.bias(name + "_bias", (long) k * k * in, d[i]), 2));
      layers.add(new KerasLayers.LeakyReLU(config.leakySlope()));
      layers.add(new KerasLayers.Dropout(config.dropoutRate(), i));
      in = d[i];
    }
    if (config.minibatchStd()) {
      layers.add(new MinibatchStdDev(config.minibatchStdGroup()));
      in += 1;
    }
    long s = config.discriminatorFinalSize();
    layers.add(new KerasLayers.Flatten());
    layers.add(new KerasLayers.Dense(factory.kernel(PREFIX + "dense_kernel", s * s * in, 1),
        factory.bias(PREFIX + "dense_bias", s * s * in, 1)));
    network = new Sequential(layers);
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
    return apply(images, mode, stepSeed, RandomKeys.DROPOUT);
  }

  /**
   * A forward pass whose dropout masks are keyed by {@code dropoutKeys}: a second training pass in
   * the same step ({@link RandomKeys#DROPOUT_SECOND_PASS}) draws masks of its own.
   */
  public Operand<TFloat32> apply(Operand<TFloat32> images, Mode mode, Operand<TInt64> stepSeed, RandomKeys dropoutKeys) {
    return apply(images, mode, stepSeed, dropoutKeys, null);
  }

  /**
   * A training pass over some rows of a larger batch, dropping what a pass over the whole batch
   * would drop from them ({@link MaskRows}; null = the pass is the whole batch).
   */
  public Operand<TFloat32> apply(Operand<TFloat32> images, Mode mode, Operand<TInt64> stepSeed, RandomKeys dropoutKeys,
      MaskRows rows) {
    return network.apply(tf, images, new Layer.Pass(mode, stepSeed, new ArrayList<>(), dropoutKeys, rows));
  }

  public List<Variable<TFloat32>> trainableVariables() {
    return factory.trainable();
  }

  /** Keras-style layer rows, read off the declared layers. */
  public List<LayerSummary> summary() {
    int r = config.resolution();
    return network.summary(r, r, 3);
  }

  public ModelConfig config() {
    return config;
  }
}
