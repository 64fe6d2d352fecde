package eyegan.export;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/**
 * Maps generator output to 8-bit pixels inside the graph, exactly as {@link
 * eyegan.image.RgbImages#toByte(float)} does in Java: {@code round_half_up((v + 1) * 127.5)}
 * clamped to 255, and 0 for {@code v <= -1} or NaN. The same pixels then come out of the PNG
 * signature and out of the Java API's float path.
 *
 * <p>TensorFlow's {@code Round} rounds halves to even and {@code floor(y + 0.5)} is off by one for
 * the float just below 0.5, so rounding is done as {@code floor(y) + (y - floor(y) >= 0.5)}, which
 * is exact for the non-negative values seen here.
 */
final class PixelQuantizer {
  private static final float HALF_RANGE = 127.5f;
  private static final float MAX_BYTE = 255f;

  private final Ops tf;

  PixelQuantizer(Ops tf) {
    this.tf = tf;
  }

  /**
   * @param images float32 [N, H, W, 3] in [-1, 1]
   * @return uint8 [N, H, W, 3] in 0..255
   */
  Operand<TUint8> apply(Operand<TFloat32> images) {
    Operand<TFloat32> scaled = tf.math.mul(tf.math.add(images, tf.constant(1f)), tf.constant(HALF_RANGE));
    Operand<TFloat32> whole = tf.math.floor(scaled);
    Operand<TBool> roundUp = tf.math.greaterEqual(tf.math.sub(scaled, whole), tf.constant(0.5f));
    Operand<TFloat32> rounded =
        tf.select(roundUp, tf.math.add(whole, tf.constant(1f)), whole);
    Operand<TFloat32> clamped = tf.math.minimum(rounded, tf.constant(MAX_BYTE));
    // v > -1 is false for NaN too, so NaN and anything at or below -1 become black.
    Operand<TFloat32> safe = tf.select(tf.math.greater(images, tf.constant(-1f)), clamped, tf.zerosLike(clamped));
    return tf.dtypes.cast(safe, TUint8.class);
  }
}
