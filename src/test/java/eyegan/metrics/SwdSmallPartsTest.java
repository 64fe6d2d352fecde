package eyegan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pieces under the distance: level sizes, sorting, the 1-D distance, directions. */
class SwdSmallPartsTest {

  @Test
  void levelsRunFromFullSizeDownTo16() {
    assertArrayEquals(new int[] {128, 64, 32, 16}, PyramidLevels.resolutions(128, 128, 16));
    assertArrayEquals(new int[] {100, 50, 25}, PyramidLevels.resolutions(100, 100, 16));
    assertArrayEquals(new int[] {24}, PyramidLevels.resolutions(24, 24, 16));
    assertArrayEquals(new int[] {64, 32, 16}, PyramidLevels.resolutions(64, 96, 16));
  }

  @Test
  void unusableSizesAreExplained() {
    IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> PyramidLevels.count(15, 15, 16));
    assertTrue(small.getMessage().contains("15x15"), small.getMessage());
    IllegalArgumentException odd = assertThrows(IllegalArgumentException.class, () -> PyramidLevels.count(66, 66, 16));
    assertTrue(odd.getMessage().contains("divisible by 4"), odd.getMessage());
  }

  @Test
  void radixSortAgreesWithArraysSort() {
    Random random = new Random(5);
    float[] values = new float[10_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 4));
    }
    values[0] = -0f;
    values[1] = 0f;
    values[2] = Float.NEGATIVE_INFINITY;
    values[3] = Float.MAX_VALUE;
    values[4] = -Float.MIN_VALUE;
    float[] expected = values.clone();
    Arrays.sort(expected);
    new FloatRadixSort().sort(values);
    assertArrayEquals(expected, values);
  }

  @Test
  void quantileDistanceOfEqualSizesIsMeanAbsoluteDifference() {
    float[] a = {0, 1, 2, 3};
    float[] b = {1, 1, 4, 3};
    // |0-1| + |1-1| + |2-4| + |3-3| = 3, over 4
    assertEquals(0.75, SlicedDistance.quantileDistance(a, b), 1e-12);
  }

  @Test
  void quantileDistanceOfUnequalSizesIntegratesTheQuantileFunctions() {
    // Qa = 0 on [0, 1/2), 1 on [1/2, 1); Qb = 0, 0.5, 1 on thirds. |Qa - Qb| is 0.5 on [1/3, 2/3)
    // and 0 elsewhere: 0.5 * 1/3 = 1/6.
    float[] a = {0, 1};
    float[] b = {0, 0.5f, 1};
    assertEquals(1.0 / 6, SlicedDistance.quantileDistance(a, b), 1e-12);
    assertEquals(1.0 / 6, SlicedDistance.quantileDistance(b, a), 1e-12);
    // Repeating each sample does not change an empirical distribution.
    assertEquals(0.0, SlicedDistance.quantileDistance(new float[] {2, 5}, new float[] {2, 2, 2, 5, 5, 5}), 0.0);
  }

  @Test
  void directionsAreUnitVectorsFixedBySeedAndLevel() {
    float[][] d = RandomDirections.draw(16, 147, 9, 0);
    for (float[] v : d) {
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      assertEquals(1.0, norm, 1e-5);
    }
    assertArrayEquals(d[3], RandomDirections.draw(16, 147, 9, 0)[3]);
    assertTrue(!Arrays.equals(d[3], RandomDirections.draw(16, 147, 9, 1)[3]), "each level draws its own");
  }

  @Test
  void settingsRejectNonsense() {
    assertThrows(IllegalArgumentException.class, () -> SwdSettings.STANDARD.withDirections(0, 128));
    assertThrows(IllegalArgumentException.class, () -> SwdSettings.STANDARD.withImagesPerSet(-1));
    assertEquals(147, SwdSettings.STANDARD.descriptorLength());
    assertEquals(512, SwdSettings.STANDARD.directions());
  }
}
