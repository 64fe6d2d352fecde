package eyegan.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResamplerTest {
  private static final int[] BLACK = {0, 0, 0};

  /** Packed RGB of a grey image given row by row. */
  private static byte[] grey(int[][] values) {
    int h = values.length;
    int w = values[0].length;
    byte[] out = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          out[(y * w + x) * 3 + c] = (byte) values[y][x];
        }
      }
    }
    return out;
  }

  private static int red(byte[] rgb, int size, int x, int y) {
    return rgb[(y * size + x) * 3] & 0xFF;
  }

  @Test
  void halvingAveragesEachTwoByTwoBlock() {
    byte[] src = grey(new int[][] {
        {0, 100, 200, 200},
        {100, 0, 40, 80},
        {10, 10, 255, 255},
        {10, 10, 255, 255}});
    byte[] out = Resampler.resize(src, 4, 2);
    // (0+100+100+0)/4 = 50; (200+200+40+80)/4 = 130; 10; 255
    assertEquals(50, red(out, 2, 0, 0));
    assertEquals(130, red(out, 2, 1, 0));
    assertEquals(10, red(out, 2, 0, 1));
    assertEquals(255, red(out, 2, 1, 1));
  }

  @Test
  void nonIntegerShrinkWeightsPartlyCoveredPixelsByArea() {
    // 3 -> 2: output 0 covers source [0, 1.5): pixel 0 fully, pixel 1 half. Weights 2/3, 1/3.
    byte[] src = grey(new int[][] {{0, 90, 180}, {0, 90, 180}, {0, 90, 180}});
    byte[] out = Resampler.resize(src, 3, 2);
    assertEquals(30, red(out, 2, 0, 0)); // 0 * 2/3 + 90 * 1/3
    assertEquals(150, red(out, 2, 1, 0)); // 90 * 1/3 + 180 * 2/3
    assertEquals(30, red(out, 2, 0, 1)); // rows are constant, so vertical averaging changes nothing
  }

  @Test
  void finePatternAveragesToGreyInsteadOfAliasing() {
    // A one-pixel checkerboard shrunk 32x: nearest-neighbour would return all black or all white.
    int side = 256;
    int[][] v = new int[side][side];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        v[y][x] = (x + y) % 2 == 0 ? 0 : 255;
      }
    }
    byte[] out = Resampler.resize(grey(v), side, 8);
    for (int k = 0; k < out.length; k++) {
      assertEquals(128, out[k] & 0xFF, "pixel byte " + k); // 127.5 rounds half up
    }
  }

  @Test
  void enlargingInterpolatesBetweenPixelCentres() {
    // 2 -> 4: output centres 0.5, 1.5, 2.5, 3.5 map to source -0.25, 0.25, 0.75, 1.25 (clamped to 0..1).
    byte[] src = grey(new int[][] {{0, 200}, {0, 200}});
    byte[] out = Resampler.resize(src, 2, 4);
    assertEquals(0, red(out, 4, 0, 0));
    assertEquals(50, red(out, 4, 1, 0));
    assertEquals(150, red(out, 4, 2, 0));
    assertEquals(200, red(out, 4, 3, 0));
  }

  @Test
  void regionOutsideTheImageTakesTheBackground() {
    // A 2-wide, 1-high white strip padded to a 2x2 square (row -1 is padding) on blue.
    byte[] src = grey(new int[][] {{255, 255}});
    int[] blue = {0, 0, 255};
    byte[] out = Resampler.resizeSquare(src, 2, 1, 0, -1, 2, 2, blue);
    assertArrayEquals(new byte[] {0, 0, (byte) 255, 0, 0, (byte) 255, (byte) 255, (byte) 255, (byte) 255,
        (byte) 255, (byte) 255, (byte) 255}, out);
  }

  @Test
  void sameSizeIsIdentity() {
    byte[] src = grey(new int[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
    assertArrayEquals(src, Resampler.resizeSquare(src, 3, 3, 0, 0, 3, 3, BLACK));
  }
}
