package eyegan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eyegan.config.ModelConfig;
import eyegan.config.Preset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The minibatch standard-deviation channel, on inputs worked out by hand. */
class MinibatchStdDevTest {
  private static final float TINY_STD = (float) Math.sqrt(MinibatchStdDev.EPSILON);

  /** Runs the layer (group 2) on {@code values} [n, h, w, c]; returns output then d(sum of new channel)/dx. */
  private static float[][] run(float[] values, long n, long h, long w, long c) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, h, w, c)));
      Operand<TFloat32> y = new MinibatchStdDev(2).apply(tf, x, new Layer.Pass(Mode.INFERENCE, null, new ArrayList<>()));
      assertArrayEquals(new long[] {-1, h, w, c + 1}, y.shape().asArray(), "static shape: one channel more");
      Operand<TFloat32> added = tf.slice(y, tf.constant(new int[] {0, 0, 0, (int) c}), tf.constant(new int[] {-1, -1, -1, 1}));
      Output<?> dx = tf.gradients(tf.sum(added, tf.constant(new int[] {0, 1, 2, 3})), List.of(x)).dy(0);
      try (TFloat32 in = TFloat32.tensorOf(Shape.of(n, h, w, c), DataBuffers.of(values, true, false));
          Result r = s.runner().feed(x, in).fetch(y).fetch(dx).run()) {
        return new float[][] {flat((TFloat32) r.get(0)), flat((TFloat32) r.get(1))};
      }
    }
  }

  private static float[] flat(TFloat32 t) {
    float[] out = new float[(int) t.shape().size()];
    t.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  @Test
  void appendsEachGroupsMeanStandardDeviation() {
    // Five 1x1 images with 2 features, groups {0, 1}, {2, 3}, {4}.
    // Group 1: feature 0 is 0 and 2 (std 1), feature 1 is 0 and 4 (std 2): mean 1.5.
    // Group 2: two equal images: std sqrt(1e-8) in each feature. Group 3: one image, the same.
    float[][] out = run(new float[] {0, 0, 2, 4, 1, 1, 1, 1, 3, -3}, 5, 1, 1, 2);
    assertArrayEquals(new float[] {
        0, 0, 1.5f,
        2, 4, 1.5f,
        1, 1, TINY_STD,
        1, 1, TINY_STD,
        3, -3, TINY_STD}, out[0], 1e-6f);
    // Each of the two images of group 1 gets mean(|a - b| / 2) over the 2 features, so the sum of
    // the new channel is |a0 - b0| / 2 + |a1 - b1| / 2: d/d(image 0) = (-1/2, -1/2), image 1 (+1/2, +1/2).
    // Equal images (zero deviation) and a group of one get no gradient.
    assertArrayEquals(new float[] {-0.5f, -0.5f, 0.5f, 0.5f, 0, 0, 0, 0, 0, 0}, out[1], 1e-5f);
  }

  @Test
  void theChannelIsConstantOverPositions() {
    // Two 2x1 images with one feature: position 0 is 0 and 2 (std 1), position 1 is 0 and 6 (std 3).
    float[][] out = run(new float[] {0, 0, 2, 6}, 2, 2, 1, 1);
    assertArrayEquals(new float[] {0, 2, 0, 2, 2, 2, 6, 2}, out[0], 1e-6f);
  }

  @Test
  void discriminatorGainsOneInputToItsDense() {
    ModelConfig tiny = Preset.TINY.model();
    List<LayerSummary> plain = StandaloneNetworks.discriminator(tiny, 1).summary();
    List<LayerSummary> withStd = StandaloneNetworks.discriminator(tiny.withMinibatchStd(4), 1).summary();
    // tiny D: 32 px, widths 8/16/32 -> a 4x4x32 map before Flatten;
    // the channel adds 4 * 4 weights to the Dense and nothing else.
    int s = tiny.discriminatorFinalSize();
    assertEquals(ModelSummary.total(plain) + (long) s * s, ModelSummary.total(withStd));
    assertEquals(plain.size() + 1, withStd.size());
    assertEquals("MinibatchStdDev", withStd.get(withStd.size() - 3).type());
    assertThrows(IllegalArgumentException.class, () -> tiny.withMinibatchStd(-1));
    assertEquals(0, Preset.ARTICLE.model().minibatchStdGroup(), "the article's D is the tutorial's");
  }
}
