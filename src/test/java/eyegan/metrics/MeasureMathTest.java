package eyegan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.image.RgbImages;
import eyegan.pretrained.EyeLandmarks;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic of the realism measures against values worked out by hand: 1-D Wasserstein, the
 * KID kernel and estimator, the eye-shape features of drawn landmarks, per-image colour, the
 * plausible box and the parts' standard error.
 */
class MeasureMathTest {
  @Test
  void wassersteinIsTheAreaBetweenTheDistributionFunctions() {
    assertEquals(2.5, Wasserstein1D.distance(new double[] {1, 2, 3}, new double[] {3.5, 4.5, 5.5}), 1e-12, "a shift");
    // equal sizes: mean |sorted a - sorted b| = (|0-1| + |2-2| + |4-6|) / 3
    assertEquals(1.0, Wasserstein1D.distance(new double[] {4, 0, 2}, new double[] {6, 1, 2}), 1e-12);
    // {0, 1} against {0, 0, 1}: F_a = 1/2 and F_b = 2/3 on [0, 1), so the area is 1/6
    assertEquals(1.0 / 6, Wasserstein1D.distance(new double[] {0, 1}, new double[] {0, 0, 1}), 1e-12);
    assertEquals(0, Wasserstein1D.distance(new double[] {5, 5}, new double[] {5}), 0);
  }

  @Test
  void kidKernelAndUnbiasedEstimatorByHand() {
    float[][] x = {{1, 0}, {0, 1}, {1, 1}};
    float[][] y = {{2, 0}, {0, 0}};
    double[][] kxy = KernelDistance.kernel(x, y);
    // (x . y / d + 1)^3 with d = 2: x0.y0 = 2 -> 2^3 = 8; x2.y1 = 0 -> 1
    assertEquals(8, kxy[0][0], 1e-12);
    assertEquals(1, kxy[2][1], 1e-12);
    assertEquals(Math.pow(1.5, 3), KernelDistance.kernel(x, x)[2][0], 1e-12);
    double[][] kxx = KernelDistance.kernel(x, x);
    double[][] kyy = KernelDistance.kernel(y, y);
    // MMD^2 of x[0], x[1] against y[0], y[1]: xx off-diagonal k = (0/2 + 1)^3 = 1 (both ways),
    // yy off-diagonal = 1, xy: x0.y0 = 2 -> 8, x0.y1 = 0 -> 1, x1.y0 = 0 -> 1, x1.y1 -> 1.
    double want = (1 + 1) / 2.0 + (1 + 1) / 2.0 - 2 * (8 + 1 + 1 + 1) / 4.0;
    assertEquals(want, KernelDistance.mmd2(kxx, kyy, kxy, new int[] {0, 1}, new int[] {0, 1}), 1e-12);
  }

  @Test
  void kidOfTwoSamplesOfOneDistributionIsNearZeroAndOfShiftedOnesPositive() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    float[][] a = new float[200][8];
    float[][] b = new float[200][8];
    float[][] c = new float[200][8];
    for (int i = 0; i < 200; i++) {
      for (int d = 0; d < 8; d++) {
        a[i][d] = (float) r.nextDouble();
        b[i][d] = (float) r.nextDouble();
        c[i][d] = (float) r.nextDouble() + 0.3f;
      }
    }
    int[] all = ImageMeasurements.all(200);
    KernelDistance.Kid same = KernelDistance.kid(KernelDistance.kernel(a, a), KernelDistance.kernel(b, b), KernelDistance.kernel(a, b), all, all, 1);
    KernelDistance.Kid shifted = KernelDistance.kid(KernelDistance.kernel(a, a), KernelDistance.kernel(c, c), KernelDistance.kernel(a, c), all, all, 1);
    // The subsets share their features, so the mean over them is about as noisy as one subset.
    assertTrue(Math.abs(same.value()) < 2 * same.subsetStd(), "unbiased: " + same);
    assertTrue(shifted.value() > 10 * Math.abs(same.value()) && shifted.value() > 0, same + " vs " + shifted);
    assertEquals(100, same.subsetSize());
  }

  /** An eye drawn by hand: corners (0.2, 0.5) and (0.6, 0.5), width 0.4. */
  private static EyeLandmarks drawnEye(boolean swapCorners) {
    float[] xyz = new float[EyeLandmarks.POINTS * 3];
    java.util.function.BiConsumer<Integer, double[]> put = (i, p) -> {
      xyz[3 * i] = (float) p[0];
      xyz[3 * i + 1] = (float) p[1];
    };
    for (int i = 0; i < EyeLandmarks.POINTS; i++) {
      put.accept(i, new double[] {0.4, 0.5}); // everything else on the corner line's midpoint
    }
    put.accept(swapCorners ? 8 : 0, new double[] {0.2, 0.5});
    put.accept(swapCorners ? 0 : 8, new double[] {0.6, 0.5});
    put.accept(4, new double[] {0.4, 0.56}); // lower lid 0.06 below the line
    put.accept(12, new double[] {0.4, 0.40}); // upper lid 0.10 above it
    // iris centre (0.36, 0.48), radius 0.08 and 0.08, 0.08, 0.08: round
    double cx = 0.36;
    double cy = 0.48;
    put.accept(71, new double[] {cx, cy});
    put.accept(72, new double[] {cx + 0.08, cy});
    put.accept(73, new double[] {cx, cy - 0.08});
    put.accept(74, new double[] {cx - 0.08, cy});
    put.accept(75, new double[] {cx, cy + 0.08});
    return new EyeLandmarks(xyz);
  }

  @Test
  void eyeShapeOfDrawnLandmarks() {
    EyeShape s = EyeShape.of(drawnEye(false));
    assertEquals(0.08 / 0.4, s.irisRadius(), 1e-6);
    assertEquals((0.36 - 0.2) / 0.4, s.irisAlong(), 1e-6);
    assertEquals(-0.02 / 0.4, s.irisAcross(), 1e-6, "above the corner line is negative");
    assertEquals((0.06 + 0.10) / 0.4, s.opening(), 1e-6);
    assertEquals(0, s.irisRoundness(), 1e-6);
    EyeShape swapped = EyeShape.of(drawnEye(true));
    assertEquals(s.irisAlong(), swapped.irisAlong(), 1e-9, "'along' runs left to right whichever corner the model calls outer");
  }

  @Test
  void colourOfOnePixelAndOfAWhiteBalanceShift() {
    RgbImages px = new RgbImages(1, 1, 1, new byte[] {(byte) 200, 100, 50});
    double[] c = ImageColour.of(px)[0];
    assertEquals(0.299 * 200 + 0.587 * 100 + 0.114 * 50, c[0], 1e-9);
    assertEquals(150, c[1], 1e-9);
    assertEquals(100 - 125, c[2], 1e-9);
    RgbImages warm = Degradation.WARMER.apply(px, 0);
    assertEquals(150 + 12, ImageColour.of(warm)[0][1], 1e-9, "red +6, blue -6: warmth +12");
  }

  @Test
  void plausibleBoxHoldsTheMiddle98PercentPerFeature() {
    double[][] shapes = new double[101][5];
    for (int i = 0; i <= 100; i++) {
      java.util.Arrays.fill(shapes[i], i); // 0..100: percentiles 1 and 99 at 1 and 99
    }
    PlausibleBox box = PlausibleBox.of(shapes, ImageMeasurements.all(101));
    assertEquals(99.0 / 101, box.share(shapes, ImageMeasurements.all(101)), 1e-12, "0 and 100 fall outside");
    double[][] nan = {{Double.NaN, 50, 50, 50, 50}};
    assertEquals(0, box.share(nan, new int[] {0}), "a missing feature is outside");
  }

  @Test
  void standardErrorIsTheStandardDeviationOfThePartsOverRootN() {
    // parts 1, 2, 3, 4: s.d. (n - 1) = sqrt(5/3), over sqrt(4)
    assertEquals(Math.sqrt(5.0 / 3) / 2, Measure.standardError(new double[] {1, 2, 3, 4}), 1e-12);
    assertTrue(Double.isNaN(Measure.standardError(new double[] {1, Double.NaN})));
  }
}
