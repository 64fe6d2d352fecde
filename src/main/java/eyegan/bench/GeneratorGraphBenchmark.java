package eyegan.bench;

import eyegan.config.ModelConfig;
import eyegan.model.Generator;
import eyegan.model.Mode;
import eyegan.train.GridNoise;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Generator inference straight from a graph built in this process (no SavedModel), to compare with
 * the exported model's speed: the same ops, so any gap is the SavedModel's own overhead.
 */
public final class GeneratorGraphBenchmark {
  private GeneratorGraphBenchmark() {}

  /** Keeps generating batches of {@code batch} for about {@code seconds} after warm-up. */
  public static Throughput run(ModelConfig config, int batch, double seconds) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Generator gen = new Generator(tf, config, 1);
      Operand<TFloat32> noise = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, config.noiseDim())));
      Operand<TFloat32> images = gen.apply(noise, Mode.INFERENCE);
      float[] z = GridNoise.forSeed(1, batch, config.noiseDim());
      try (Session s = new Session(g);
          TFloat32 feed = TFloat32.tensorOf(Shape.of(batch, config.noiseDim()), DataBuffers.of(z, true, false))) {
        s.initialize();
        return Throughput.measure(() -> s.runner().feed(noise, feed).fetch(images).run().close(), batch, seconds);
      }
    }
  }
}
