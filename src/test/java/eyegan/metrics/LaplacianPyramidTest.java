package eyegan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Pyramid values worked out by hand. Every image here is an outer product u(y) * v(x), and pyrDown and
 * pyrUp are separable, so each 2-D result is the outer product of 1-D results computed in comments:
 * down[x] = sum_t w[t] u[mirror(2x + t)], w = [1,4,6,4,1]/16, t = -2..2;
 * up[x] = sum_t 2w[t] z[mirror(x + t)], z = u with a zero inserted after every sample.
 */
class LaplacianPyramidTest {

  @Test
  void mirrorReflectsWithoutRepeatingTheEdge() {
    // Row "a b c d" padded by 2 each side reads "c b | a b c d | c b".
    assertEquals(2, LaplacianPyramid.mirror(-2, 4));
    assertEquals(1, LaplacianPyramid.mirror(-1, 4));
    assertEquals(0, LaplacianPyramid.mirror(0, 4));
    assertEquals(2, LaplacianPyramid.mirror(4, 4));
    assertEquals(1, LaplacianPyramid.mirror(5, 4));
  }

  @Test
  void singleBrightPixelOn8x8() {
    // 256 at (row 2, column 2) of an 8x8 image = 256 * e2(y) * e2(x).
    float[] image = new float[64];
    image[2 * 8 + 2] = 256f;

    // 1-D pyrDown of e2 (length 8), even positions 0, 2, 4, 6:
    //   x=0: taps at -2..2 mirror to 2,1,0,1,2: e2 is hit twice with weight 1/16 -> 2/16
    //   x=2: taps 0..4: e2 under the centre weight 6/16                             -> 6/16
    //   x=4: taps 2..6: e2 under the first weight 1/16                               -> 1/16
    //   x=6: taps 4..8 (8 mirrors to 6): e2 not reached                              -> 0
    // so d = [2, 6, 1, 0] / 16, and 256 * d(y) d(x) = D(y) D(x) with D = [2, 6, 1, 0].
    float[] d = {2, 6, 1, 0};
    float[][] pyramid = LaplacianPyramid.build(image, 8, 8, 2);
    assertArrayEquals(outer(d, d), pyramid[1], 0f, "level 1 is the 4x4 Gaussian level");

    // 1-D pyrUp of D = [2, 6, 1, 0]: z = [2,0,6,0,1,0,0,0], kernel 2w = [2,8,12,8,2]/16:
    //   x=0: z at 2,1,0,1,2 = 6,0,2,0,6    -> (2*6 + 12*2 + 2*6)/16 = 48/16 = 3
    //   x=1: z at 1,0,1,2,3 = 0,2,0,6,0    -> (8*2 + 8*6)/16        = 64/16 = 4
    //   x=2: z at 0..4      = 2,0,6,0,1    -> (2*2 + 12*6 + 2*1)/16 = 78/16 = 4.875
    //   x=3: z at 1..5      = 0,6,0,1,0    -> (8*6 + 8*1)/16        = 56/16 = 3.5
    //   x=4: z at 2..6      = 6,0,1,0,0    -> (2*6 + 12*1)/16       = 24/16 = 1.5
    //   x=5: z at 3..7      = 0,1,0,0,0    -> 8*1/16                =  8/16 = 0.5
    //   x=6: z at 4,5,6,7,6 = 1,0,0,0,0    -> 2*1/16                =         0.125
    //   x=7: z at 5,6,7,6,5 = 0            ->                                 0
    float[] up = {3, 4, 4.875f, 3.5f, 1.5f, 0.5f, 0.125f, 0};
    float[] expected = outer(up, up);
    for (int i = 0; i < expected.length; i++) {
      expected[i] = image[i] - expected[i];
    }
    // e.g. (2,2): 256 - 4.875^2 = 232.234375; (0,0): -9; (2,6): -4.875 * 0.125 = -0.609375
    assertEquals(232.234375f, expected[2 * 8 + 2]);
    assertArrayEquals(expected, pyramid[0], 1e-5f, "level 0 is image - pyrUp(pyrDown(image))");
  }

  @Test
  void rampIsReflectedAtBothBorders() {
    // Every row is x = 0..7; columns are constant, so the vertical blur changes nothing.
    //   x=0: taps mirror to 2,1,0,1,2 -> (1*2 + 4*1 + 6*0 + 4*1 + 1*2)/16 = 12/16 = 0.75
    //   x=2: taps 0..4 (a linear ramp is kept inside)                      = 2
    //   x=4: taps 2..6                                                      = 4
    //   x=6: taps 4,5,6,7,6 -> (4 + 4*5 + 6*6 + 4*7 + 6)/16 = 94/16          = 5.875
    // Replicating the edge instead would give 0.375 and 95/16.
    float[] image = new float[8 * 8];
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        image[y * 8 + x] = x;
      }
    }
    float[] down = LaplacianPyramid.pyrDown(image, 8, 8);
    float[] row = {0.75f, 2, 4, 5.875f};
    assertArrayEquals(outer(new float[] {1, 1, 1, 1}, row), down, 1e-6f);
  }

  @Test
  void levelsAddBackToTheImage() {
    float[] image = new float[16 * 16];
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < image.length; i++) {
      image[i] = random.nextInt(256);
    }
    float[][] p = LaplacianPyramid.build(image, 16, 16, 3);
    float[] rebuilt = p[2];
    for (int l = 1; l >= 0; l--) {
      int size = 16 >> (l + 1);
      float[] up = LaplacianPyramid.pyrUp(rebuilt, size, size);
      for (int i = 0; i < up.length; i++) {
        up[i] += p[l][i];
      }
      rebuilt = up;
    }
    assertArrayEquals(image, rebuilt, 1e-3f);
  }

  @Test
  void constantImageHasZeroBandsAndKeepsItsValue() {
    // The kernel sums to 1 and mirroring keeps a constant constant, so only the last level carries it.
    float[] image = new float[32 * 32];
    java.util.Arrays.fill(image, 7f);
    float[][] p = LaplacianPyramid.build(image, 32, 32, 3);
    assertArrayEquals(new float[32 * 32], p[0], 1e-6f);
    assertArrayEquals(new float[16 * 16], p[1], 1e-6f);
    float[] sevens = new float[8 * 8];
    java.util.Arrays.fill(sevens, 7f);
    assertArrayEquals(sevens, p[2], 1e-6f);
  }

  @Test
  void sizeMustHalveEvenly() {
    // 10 -> 5 -> 2.5: a third level does not exist.
    assertThrows(IllegalArgumentException.class, () -> LaplacianPyramid.build(new float[10 * 10], 10, 10, 3));
  }

  private static float[] outer(float[] col, float[] row) {
    float[] out = new float[col.length * row.length];
    for (int y = 0; y < col.length; y++) {
      for (int x = 0; x < row.length; x++) {
        out[y * row.length + x] = col[y] * row[x];
      }
    }
    return out;
  }
}
