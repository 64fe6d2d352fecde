package eyegan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Where the checkerboard comes from: a stride-2 transposed convolution with a 5x5 kernel covers the
 * interior output pixels unevenly (3 or 2 input pixels per axis, so 9, 6 or 4 taps), which paints a
 * period-2 pattern into every layer's output; a 4x4 kernel, divisible by the stride, covers every
 * pixel with exactly 2 x 2 taps. Counted with all-ones inputs and kernels, as Odena et al. (2016) do.
 */
class TransposedOverlapTest {
  private static TreeSet<Float> interiorCoverage(int kernel) {
    int in = 8;
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = tf.fill(tf.constant(new int[] {1, in, in, 1}), tf.constant(1f));
      Operand<TFloat32> k = tf.fill(tf.constant(new int[] {kernel, kernel, 1, 1}), tf.constant(1f));
      Operand<TFloat32> y = tf.nn.conv2dBackpropInput(tf.constant(new int[] {1, 2 * in, 2 * in, 1}), k, x,
          List.of(1L, 2L, 2L, 1L), "SAME");
      TreeSet<Float> values = new TreeSet<>();
      try (org.tensorflow.Result r = s.runner().fetch(y).run()) {
        TFloat32 out = (TFloat32) r.get(0);
        for (int i = 4; i < 2 * in - 4; i++) {
          for (int j = 4; j < 2 * in - 4; j++) {
            values.add(out.getFloat(0, i, j, 0));
          }
        }
      }
      return values;
    }
  }

  @Test
  void fiveByFiveOverlapsUnevenlyFourByFourEvenly() {
    assertEquals(new TreeSet<>(List.of(4f, 6f, 9f)), interiorCoverage(5));
    assertEquals(new TreeSet<>(List.of(4f)), interiorCoverage(4));
  }
}
