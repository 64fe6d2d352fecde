package eyegan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

class SeedNoiseTest {
  private static final int DIM = 100;

  @Test
  void graphMatchesTheWrittenOutAlgorithmForAnySeed() {
    long[] seeds = {0, 1, 42, -1, -42, Long.MIN_VALUE, Long.MAX_VALUE, 0x1_0000_0000L, 0xFFFF_FFFFL, 1234567890123L};
    float[] graph = run(seeds, DIM);
    for (int i = 0; i < seeds.length; i++) {
      float[] expected = SeedNoiseReference.noise(seeds[i], DIM);
      for (int k = 0; k < DIM; k++) {
        // float64 Box-Muller rounded to float32: equal unless a device's log/cos differ in the last double bit
        assertEquals(expected[k], graph[i * DIM + k], Math.ulp(expected[k]), "seed " + seeds[i] + " element " + k);
      }
    }
  }

  @Test
  void oddSizesDropTheLastSine() {
    float[] five = run(new long[] {7}, 5);
    float[] six = run(new long[] {7}, 6);
    for (int k = 0; k < 5; k++) {
      assertEquals(six[k], five[k]);
    }
  }

  @Test
  void rowsAreStandardNormalAndIndependentOfEachOther() {
    int n = 1000;
    long[] seeds = new long[n];
    for (int i = 0; i < n; i++) {
      seeds[i] = i;
    }
    float[] z = run(seeds, DIM);
    double sum = 0;
    double squares = 0;
    for (float v : z) {
      sum += v;
      squares += v * (double) v;
    }
    double mean = sum / z.length;
    double var = squares / z.length - mean * mean;
    // 100,000 N(0,1) samples: the mean's standard error is 0.003, the variance's about 0.0045
    assertEquals(0, mean, 0.015);
    assertEquals(1, var, 0.025);
    // neighbouring seeds must not give correlated rows
    double dot = 0;
    for (int i = 0; i + 1 < n; i++) {
      for (int k = 0; k < DIM; k++) {
        dot += z[i * DIM + k] * (double) z[(i + 1) * DIM + k];
      }
    }
    double corr = dot / ((n - 1) * (double) DIM);
    assertTrue(Math.abs(corr) < 0.015, "correlation of neighbouring rows " + corr);
  }

  private static float[] run(long[] seeds, int dim) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var in = tf.withName("seeds").placeholder(TInt64.class, Placeholder.shape(Shape.of(-1)));
      var out = new SeedNoise(tf).apply(in, dim);
      try (Session s = new Session(g);
          TInt64 t = TInt64.vectorOf(seeds);
          Result r = s.runner().feed(in, t).fetch(out).run()) {
        float[] z = new float[seeds.length * dim];
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(z, false, false));
        return z;
      }
    }
  }
}
