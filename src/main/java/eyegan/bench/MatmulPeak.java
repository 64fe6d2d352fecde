package eyegan.bench;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The machine's dense float32 matrix-multiply throughput as TensorFlow itself reaches it: the
 * yardstick for "how much of this machine does a training step use". Multiplies two n x n matrices
 * that live in the graph (no feeding) and keeps the best of several runs.
 */
public final class MatmulPeak {
  private MatmulPeak() {}

  /** Best GFLOP/s over {@code repeats} products of size {@code n} (2 n^3 FLOPs each). */
  public static double measure(int n, int repeats) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> a = tf.random.statelessRandomUniform(tf.constant(new long[] {n, n}), tf.constant(new long[] {1, 2}));
      Operand<TFloat32> b = tf.random.statelessRandomUniform(tf.constant(new long[] {n, n}), tf.constant(new long[] {3, 4}));
      var va = tf.variable(a);
      var vb = tf.variable(b);
      // Reduce to a scalar so the fetch costs nothing next to the product.
      Operand<TFloat32> product = tf.math.mean(tf.linalg.matMul(va, vb), tf.constant(new int[] {0, 1}));
      s.initialize();
      double best = 0;
      for (int i = 0; i < repeats + 1; i++) {
        long t0 = System.nanoTime();
        s.runner().fetch(product).run().close();
        double secs = (System.nanoTime() - t0) / 1e9;
        if (i > 0) { // the first run pays for graph optimisation and allocation
          best = Math.max(best, 2.0 * n * n * (double) n / secs / 1e9);
        }
      }
      return best;
    }
  }
}
