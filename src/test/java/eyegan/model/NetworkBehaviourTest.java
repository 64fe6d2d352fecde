package eyegan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.ModelConfig;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Shapes, ranges and mode behaviour of the built networks. */
class NetworkBehaviourTest {

  /** A G+D graph with noise and seed placeholders; fetches images and logits. */
  private static final class Nets implements AutoCloseable {
    final Graph graph = new Graph();
    final Session session;
    final Operand<TFloat32> noise;
    final Operand<TFloat32> images;
    final Operand<TFloat32> inputImages;
    final Operand<TInt64> seed;
    final Operand<TFloat32> logitsInference;
    final Operand<TFloat32> logitsTraining;
    final ModelConfig config;

    Nets(ModelConfig config) {
      this.config = config;
      Ops tf = Ops.create(graph);
      Generator g = new Generator(tf, config, 7);
      Discriminator d = new Discriminator(tf, config, 7);
      int r = config.resolution();
      noise = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, config.noiseDim())));
      inputImages = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, r, r, 3)));
      seed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
      images = g.apply(noise, Mode.INFERENCE);
      logitsInference = d.apply(inputImages, Mode.INFERENCE, seed);
      logitsTraining = d.apply(inputImages, Mode.TRAINING, seed);
      session = new Session(graph);
      session.initialize();
    }

    float[] generate(float[] z, int n) {
      try (TFloat32 t = TFloat32.tensorOf(Shape.of(n, config.noiseDim()), DataBuffers.of(z, true, false));
          Result r = session.runner().feed(noise, t).fetch(images).run()) {
        TFloat32 out = (TFloat32) r.get(0);
        assertEquals(Shape.of(n, config.resolution(), config.resolution(), 3), out.shape());
        float[] v = new float[(int) out.size()];
        out.copyTo(DataBuffers.of(v, false, false));
        return v;
      }
    }

    float[] discriminate(float[] x, int n, long s, boolean training) {
      int r = config.resolution();
      try (TFloat32 t = TFloat32.tensorOf(Shape.of(n, r, r, 3), DataBuffers.of(x, true, false));
          TInt64 sd = TInt64.vectorOf(1, s);
          Result res = session.runner().feed(inputImages, t).feed(seed, sd)
              .fetch(training ? logitsTraining : logitsInference).run()) {
        TFloat32 out = (TFloat32) res.get(0);
        assertEquals(Shape.of(n, 1), out.shape());
        float[] v = new float[n];
        out.copyTo(DataBuffers.of(v, false, false));
        return v;
      }
    }

    @Override
    public void close() {
      session.close();
      graph.close();
    }
  }

  private static float[] gaussian(int count, long seed) {
    Random r = new Random(seed);
    float[] z = new float[count];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) r.nextGaussian();
    }
    return z;
  }

  @ParameterizedTest(name = "{0}px, batch {1}")
  @CsvSource({"128, 1", "128, 5", "64, 1", "64, 5", "32, 1", "32, 5"})
  void shapesFollowResolutionAndAnyBatch(int resolution, int batch) {
    ModelConfig config = ModelConfig.article().withResolution(resolution);
    try (Nets nets = new Nets(config)) {
      float[] images = nets.generate(gaussian(batch * 100, 1), batch);
      assertEquals(batch * resolution * resolution * 3, images.length);
      float[] logits = nets.discriminate(images, batch, 3, false);
      assertEquals(batch, logits.length);
    }
  }

  @Test
  void generatorOutputIsInsideTanhRange() {
    try (Nets nets = new Nets(ModelConfig.scaled(64, 4))) {
      // Large noise pushes activations hard; tanh must still bound the output.
      float[] z = gaussian(8 * 100, 2);
      for (int i = 0; i < z.length; i++) {
        z[i] *= 20;
      }
      float[] images = nets.generate(z, 8);
      float min = Float.MAX_VALUE;
      float max = -Float.MAX_VALUE;
      for (float v : images) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      assertTrue(min >= -1f && max <= 1f, "range [" + min + ", " + max + "]");
      assertTrue(max - min > 0.1f, "output is not constant");
    }
  }

  @Test
  void inferenceIsDeterministic() {
    try (Nets nets = new Nets(ModelConfig.scaled(32, 8))) {
      float[] z = gaussian(3 * 100, 3);
      float[] a = nets.generate(z, 3);
      float[] b = nets.generate(z, 3);
      assertArrayEquals(a, b, "same noise, same images");
      // Dropout is off at inference: different dropout seeds change nothing.
      assertArrayEquals(nets.discriminate(a, 3, 1, false), nets.discriminate(a, 3, 99, false));
    }
  }

  @Test
  void trainingModeDrawsDifferentDropoutMasks() {
    try (Nets nets = new Nets(ModelConfig.scaled(32, 8))) {
      float[] x = gaussian(4 * 32 * 32 * 3, 4);
      float[] step1 = nets.discriminate(x, 4, 1, true);
      float[] step2 = nets.discriminate(x, 4, 2, true);
      float[] again = nets.discriminate(x, 4, 1, true);
      float[] inference = nets.discriminate(x, 4, 1, false);
      assertFalse(Arrays.equals(step1, step2), "a new step seed draws new masks");
      assertArrayEquals(step1, again, "the same step seed draws the same masks (resumable)");
      assertFalse(Arrays.equals(step1, inference), "training applies dropout, inference does not");
    }
  }
}
