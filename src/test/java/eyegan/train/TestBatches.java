package eyegan.train;

import java.util.function.IntToDoubleFunction;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Deterministic image batches for tests that run real training steps. */
final class TestBatches {
  private TestBatches() {}

  /**
   * A float32 [batch, size, size, 3] tensor whose k-th value (NHWC order) is {@code value(k)}; the
   * caller closes it.
   */
  static TFloat32 images(int batch, int size, IntToDoubleFunction value) {
    float[] pixels = new float[batch * size * size * 3];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) value.applyAsDouble(i);
    }
    return TFloat32.tensorOf(Shape.of(batch, size, size, 3), DataBuffers.of(pixels, true, false));
  }
}
