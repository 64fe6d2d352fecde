package eyegan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eyegan.image.RgbImages;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

class PixelQuantizerTest {
  @Test
  void graphMapsEveryValueLikeTheJavaConversion() {
    int sweep = 3 * 100_000;
    float[] v = new float[sweep + 12];
    for (int k = 0; k < sweep; k++) {
      v[k] = -1.01f + 2.02f * k / sweep;
    }
    // the edges: exact ends, NaN, the float just below a half step, exact half steps
    float[] special = {-1f, Math.nextUp(-1f), 1f, Math.nextDown(1f), Float.NaN, 0f, -0f,
        0.5f / 127.5f - 1f, Math.nextDown(0.5f) / 127.5f - 1f, 1.5f / 127.5f - 1f, 254.5f / 127.5f - 1f, 2f};
    System.arraycopy(special, 0, v, sweep, special.length);
    byte[] graph = quantize(v);
    for (int k = 0; k < v.length; k++) {
      assertEquals(RgbImages.toByte(v[k]), graph[k] & 0xFF, "value " + v[k]);
    }
  }

  private static byte[] quantize(float[] values) {
    int n = values.length / 3;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1, 1, 3)));
      var out = new PixelQuantizer(tf).apply(in);
      try (Session s = new Session(g);
          TFloat32 t = TFloat32.tensorOf(Shape.of(n, 1, 1, 3), DataBuffers.of(values, true, false));
          Result r = s.runner().feed(in, t).fetch(out).run()) {
        byte[] b = new byte[values.length];
        ((TUint8) r.get(0)).copyTo(DataBuffers.of(b, false, false));
        return b;
      }
    }
  }
}
