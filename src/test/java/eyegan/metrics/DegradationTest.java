package eyegan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.image.RgbImages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calibration's image changes against values worked out by hand, and the ruler's order. */
class DegradationTest {
  private static RgbImages single(int size, int value) {
    byte[] px = new byte[size * size * 3];
    java.util.Arrays.fill(px, (byte) value);
    return new RgbImages(1, size, size, px);
  }

  @Test
  void blurKeepsAFlatImageAndSpreadsAPointByTheGaussian() {
    assertArrayEquals(single(9, 77).pixels(), Degradation.blur(single(9, 77), 1.0).pixels(), "flat stays flat");
    RgbImages dot = single(9, 0);
    dot.pixels()[(4 * 9 + 4) * 3] = (byte) 200; // red 200 at the centre
    RgbImages b = Degradation.blur(dot, 0.5);
    // sigma 0.5, radius 2: 1-D weights exp(-d^2 / 0.5) for d = 0, 1, 2 are 1, e^-2, e^-8, normalised
    // by 1 + 2e^-2 + 2e^-8; the 2-D weight is the product of two of them.
    double s = 1 + 2 * Math.exp(-2) + 2 * Math.exp(-8);
    double w0 = 1 / s;
    double w1 = Math.exp(-2) / s;
    assertEquals(Math.round(200 * w0 * w0), b.get(0, 4, 4, 0), "centre");
    assertEquals(Math.round(200 * w0 * w1), b.get(0, 4, 5, 0), "right neighbour");
    assertEquals(Math.round(200 * w1 * w1), b.get(0, 5, 5, 0), "diagonal");
    assertEquals(0, b.get(0, 4, 4, 1), "green untouched");
  }

  @Test
  void grainHasTheAskedSpreadAndIsTheSameInEveryChannel() {
    RgbImages g = Degradation.grain(single(64, 128), 6, 9);
    double sum = 0;
    double sq = 0;
    int n = 64 * 64;
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        int v = g.get(0, y, x, 0);
        assertEquals(v, g.get(0, y, x, 1));
        assertEquals(v, g.get(0, y, x, 2));
        sum += v - 128;
        sq += (v - 128) * (v - 128);
      }
    }
    double sd = Math.sqrt(sq / n - (sum / n) * (sum / n));
    // 4,096 samples: the sample sd is within about 2% of 6 (rounding adds 1/12 to the variance).
    assertEquals(Math.sqrt(36 + 1.0 / 12), sd, 0.3, "grain sd");
    assertArrayEquals(g.pixels(), Degradation.grain(single(64, 128), 6, 9).pixels(), "seeded");
  }

  @Test
  void shiftAddsPerChannelAndClips() {
    RgbImages s = Degradation.shift(single(2, 252), new int[] {6, 0, -6});
    assertEquals(255, s.get(0, 0, 0, 0), "clipped at 255");
    assertEquals(252, s.get(0, 1, 1, 1));
    assertEquals(246, s.get(0, 1, 0, 2));
  }

  @Test
  void theRulerOrdersItsRowsAsTheChangesGrow() {
    RgbImages reals = TextureImages.generate(96, 32, 5);
    SwdCalibration c = SwdCalibration.measure(new SlicedWasserstein(SwdSettings.STANDARD.withDirections(1, 64)), reals, 48, 3);
    List<SwdCalibration.Row> rows = c.rows();
    assertEquals(Degradation.values().length, rows.size());
    double floor = c.floor().average();
    double half = rows.get(Degradation.BLUR_HALF_PIXEL.ordinal()).swd().perLevelX1e3()[0];
    double one = rows.get(Degradation.BLUR_ONE_PIXEL.ordinal()).swd().perLevelX1e3()[0];
    double grain2 = rows.get(Degradation.GRAIN_2.ordinal()).swd().perLevelX1e3()[0];
    double grain6 = rows.get(Degradation.GRAIN_6.ordinal()).swd().perLevelX1e3()[0];
    double fineFloor = c.floor().perLevelX1e3()[0];
    assertTrue(fineFloor < half && half < one, "blur grows at the finest level: " + fineFloor + " " + half + " " + one);
    assertTrue(grain2 < grain6 && fineFloor < grain6, "grain grows: " + grain2 + " " + grain6);
    assertTrue(rows.get(Degradation.WARMER.ordinal()).swd().average() > floor, "a colour shift is seen");
    assertTrue(c.table().contains("Gaussian blur, sigma 0.5 px"), c.table());
  }
}
