package eyegan.export;

import static eyegan.inference.ServingSignatures.DEFAULT;
import static eyegan.inference.ServingSignatures.GENERATE_FROM_SEEDS;
import static eyegan.inference.ServingSignatures.GENERATE_PNG;
import static eyegan.inference.ServingSignatures.IMAGES;
import static eyegan.inference.ServingSignatures.NOISE;
import static eyegan.inference.ServingSignatures.PNG_BYTES;
import static eyegan.inference.ServingSignatures.PREDICT_METHOD;
import static eyegan.inference.ServingSignatures.SEEDS;

import eyegan.config.ModelConfig;
import eyegan.model.Generator;
import eyegan.model.Mode;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * The inference-only generator graph that gets exported: G's variables (the same flat
 * {@code gen_} or {@code ema_gen_} names as in training, so a training checkpoint restores the
 * live generator or its moving average into it by name) and
 * nothing else that holds state, batch norm on the moving statistics, no discriminator, no
 * optimiser slots. See {@link eyegan.inference.ServingSignatures} for the three signatures. Public so
 * that {@link eyegan.kernels.CheckedGraphs} can check the exported ops against the GPU kernels.
 *
 * <p>Node names of what is fed and fetched are the constants below, so the tensor names in the
 * SignatureDefs read {@code noise:0}, {@code images:0}, {@code seeds:0} and so on.
 */
public final class ServingGraph {
  /** Graph node: the seed path's noise, float32 [-1, D]. */
  static final String SEED_NOISE_NODE = "seed_noise";
  /** Graph node: the seed path's images, float32 [-1, R, R, 3]. */
  static final String SEED_IMAGES_NODE = "seed_images";

  private final List<Signature> signatures;

  /**
   * Adds the serving graph to an empty {@code graph}.
   *
   * @param initSeed seeds the variables' initial values, which matter only when nothing is
   *     restored into them (benchmarks of an untrained model)
   */
  public ServingGraph(Graph graph, ModelConfig config, long initSeed) {
    this(graph, config, initSeed, Generator.PREFIX);
  }

  /**
   * @param variablePrefix {@link Generator#PREFIX} for the live generator, {@link
   *     Generator#EMA_PREFIX} for its moving average: the variables restore by these names
   */
  ServingGraph(Graph graph, ModelConfig config, long initSeed, String variablePrefix) {
    Ops tf = Ops.create(graph);
    Generator generator = new Generator(tf, config, initSeed, variablePrefix);
    int d = config.noiseDim();

    Operand<TFloat32> noise = tf.withName(NOISE).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, d)));
    Operand<TFloat32> images = tf.withName(IMAGES).identity(generator.apply(noise, Mode.INFERENCE));

    Operand<TInt64> seeds = tf.withName(SEEDS).placeholder(TInt64.class, Placeholder.shape(Shape.of(-1)));
    Operand<TFloat32> seedNoise = tf.withName(SEED_NOISE_NODE).identity(new SeedNoise(tf).apply(seeds, d));
    Operand<TFloat32> seedImages = tf.withName(SEED_IMAGES_NODE).identity(generator.apply(seedNoise, Mode.INFERENCE));
    Operand<TString> pngs =
        tf.withName(PNG_BYTES).identity(new PngBatchEncoder(tf).apply(new PixelQuantizer(tf).apply(seedImages)));

    signatures = List.of(
        Signature.builder().key(DEFAULT).methodName(PREDICT_METHOD).input(NOISE, noise).output(IMAGES, images).build(),
        Signature.builder().key(GENERATE_PNG).methodName(PREDICT_METHOD).input(SEEDS, seeds).output(PNG_BYTES, pngs).build(),
        Signature.builder().key(GENERATE_FROM_SEEDS).methodName(PREDICT_METHOD)
            .input(SEEDS, seeds).output(IMAGES, seedImages).output(NOISE, seedNoise).build());
  }

  /** The signatures to export, {@code serving_default} first. */
  public List<Signature> signatures() {
    return signatures;
  }
}
