package eyegan.model;

import eyegan.config.ModelConfig;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Builds G and D each in a graph of its own, in inference mode, the way Keras would show them:
 * for {@code eyegan summary}, for the GraphDefs under {@code graphs/}, and for tests.
 */
public final class StandaloneNetworks {
  /** Placeholder of the generator graph: float32 [N, noiseDim]. */
  public static final String NOISE = "noise";
  /** Output of the generator graph: float32 [N, R, R, 3] in [-1, 1]. */
  public static final String IMAGES = "images";
  /** Placeholder of the discriminator graph: float32 [N, R, R, 3] in [-1, 1]. */
  public static final String INPUT_IMAGES = "input_images";
  /** Output of the discriminator graph: float32 [N, 1] logits. */
  public static final String LOGITS = "logits";
  /** Output of the discriminator graph: float32 [N, 1] sigmoid(logits) in (0, 1). */
  public static final String PROBABILITY = "probability";

  /** What one standalone build produced. */
  public record Built(List<LayerSummary> summary, byte[] graphDef) {}

  private StandaloneNetworks() {}

  /** The generator alone: {@value #NOISE} -> {@value #IMAGES}. */
  public static Built generator(ModelConfig config, long seed) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Generator gen = new Generator(tf, config, seed);
      Operand<TFloat32> noise =
          tf.withName(NOISE).placeholder(TFloat32.class, org.tensorflow.op.core.Placeholder.shape(Shape.of(-1, config.noiseDim())));
      tf.withName(IMAGES).identity(gen.apply(noise, Mode.INFERENCE));
      return new Built(gen.summary(), g.toGraphDef().toByteArray());
    }
  }

  /** The discriminator alone: {@value #INPUT_IMAGES} -> {@value #LOGITS}, {@value #PROBABILITY}. */
  public static Built discriminator(ModelConfig config, long seed) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Discriminator disc = new Discriminator(tf, config, seed);
      int r = config.resolution();
      Operand<TFloat32> images =
          tf.withName(INPUT_IMAGES).placeholder(TFloat32.class, org.tensorflow.op.core.Placeholder.shape(Shape.of(-1, r, r, 3)));
      Operand<TFloat32> logits = disc.apply(images, Mode.INFERENCE, tf.constant(new long[] {0L, 0L}));
      tf.withName(LOGITS).identity(logits);
      tf.withName(PROBABILITY).math.sigmoid(logits);
      return new Built(disc.summary(), g.toGraphDef().toByteArray());
    }
  }
}
