package eyegan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eyegan.image.RgbImages;
import org.junit.jupiter.api.Test;

/** The period-2 amplitude on images whose answer is known by hand. */
class CheckerboardTest {
  private static RgbImages image(java.util.function.IntBinaryOperator value) {
    int s = 16;
    byte[] px = new byte[s * s * 3];
    for (int i = 0; i < s; i++) {
      for (int j = 0; j < s; j++) {
        for (int c = 0; c < 3; c++) {
          px[(i * s + j) * 3 + c] = (byte) value.applyAsInt(i, j);
        }
      }
    }
    return new RgbImages(1, s, s, px);
  }

  @Test
  void flatIsZeroAndACheckerboardScoresItsAmplitude() {
    assertEquals(0, Checkerboard.amplitudeX1e3(image((i, j) -> 128)), 1e-9);
    // 153 and 102 around 127.5: amplitude 25.5/255 = 0.1 at (-1)^(i+j) -> 100.
    assertEquals(100, Checkerboard.amplitudeX1e3(image((i, j) -> (i + j) % 2 == 0 ? 153 : 102)), 1e-9);
    // Stripes along one axis: amplitude 0.1 at (-1)^j alone -> 100 too.
    assertEquals(100, Checkerboard.amplitudeX1e3(image((i, j) -> j % 2 == 0 ? 153 : 102)), 1e-9);
    // A ramp of 2 levels per pixel along j: each block's alternating sum is -1 level per pair = -4 over a row
    // of 8, i.e. -(8 rows * 4 pairs * 2/255) / 64 = -1/255 -> 1000/255 = 3.92.
    assertEquals(1000.0 / 255, Checkerboard.amplitudeX1e3(image((i, j) -> 100 + 2 * j)), 1e-9);
  }
}
