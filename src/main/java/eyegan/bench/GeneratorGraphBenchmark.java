package eyegan.bench;

import eyegan.config.ModelConfig;
import eyegan.model.Generator;
import eyegan.model.Mode;
import java.util.SplittableRandom;
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
  /** Images per second at one batch size. */
  public record Result(int batch, int runs, double seconds) {
    public double imagesPerSecond() {
      return batch * runs / seconds;
    }

    public double millisPerBatch() {
      return 1000 * seconds / runs;
    }
  }

  private static final int WARMUP_RUNS = 2;
  private static final int MIN_RUNS = 3;

  private GeneratorGraphBenchmark() {}

  /** Keeps generating batches of {@code batch} for about {@code seconds} after warm-up. */
  public static Result run(ModelConfig config, int batch, double seconds) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Generator gen = new Generator(tf, config, 1);
      Operand<TFloat32> noise = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, config.noiseDim())));
      Operand<TFloat32> images = gen.apply(noise, Mode.INFERENCE);
      float[] z = new float[batch * config.noiseDim()];
      SplittableRandom random = new SplittableRandom(1);
      for (int i = 0; i < z.length; i++) {
        z[i] = (float) random.nextGaussian();
      }
      try (Session s = new Session(g);
          TFloat32 feed = TFloat32.tensorOf(Shape.of(batch, config.noiseDim()), DataBuffers.of(z, true, false))) {
        s.initialize();
        for (int i = 0; i < WARMUP_RUNS; i++) {
          s.runner().feed(noise, feed).fetch(images).run().close();
        }
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        int runs = 0;
        long elapsed;
        do {
          s.runner().feed(noise, feed).fetch(images).run().close();
          runs++;
          elapsed = System.nanoTime() - start;
        } while (elapsed < budget || runs < MIN_RUNS);
        return new Result(batch, runs, elapsed / 1e9);
      }
    }
  }
}
