package eyegan.eyecrop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.image.RgbImages;
import org.junit.jupiter.api.Test;

/** Window geometry and sampling against positions and pixels worked out by hand. */
class EyeWindowTest {
  private static final double EPS = 1e-9;

  @Test
  void levelWindowMapsItsCornersAndCentre() {
    EyeWindow w = new EyeWindow(50, 40, 20, 0, false);
    assertEquals(40, w.photoX(0, 0, 10), EPS);
    assertEquals(30, w.photoY(0, 0, 10), EPS);
    assertEquals(60, w.photoX(10, 10, 10), EPS);
    assertEquals(50, w.photoY(10, 10, 10), EPS);
    assertEquals(50, w.photoX(5, 5, 10), EPS);
    assertEquals(40, w.photoY(5, 5, 10), EPS);
  }

  @Test
  void aQuarterTurnPointsTheWindowsXAxisDownThePhoto() {
    EyeWindow w = new EyeWindow(50, 40, 20, Math.PI / 2, false);
    // Right middle of the window: 10 px along its x axis, which points down the photo.
    assertEquals(50, w.photoX(10, 5, 10), EPS);
    assertEquals(50, w.photoY(10, 5, 10), EPS);
    // Top middle: 10 px against its y axis, which points to the photo's left.
    assertEquals(60, w.photoX(5, 0, 10), EPS);
    assertEquals(40, w.photoY(5, 0, 10), EPS);
  }

  @Test
  void aMirroredWindowReadsRightToLeft() {
    EyeWindow w = new EyeWindow(50, 40, 20, 0, true);
    assertEquals(60, w.photoX(0, 5, 10), EPS);
    assertEquals(40, w.photoX(10, 5, 10), EPS);
  }

  /** A 4 x 4 photo whose pixel (col, row) is (10 * row + col, 100 + col, 200 - row). */
  private static RgbImages numbered() {
    byte[] px = new byte[4 * 4 * 3];
    for (int row = 0; row < 4; row++) {
      for (int col = 0; col < 4; col++) {
        int p = (row * 4 + col) * 3;
        px[p] = (byte) (10 * row + col);
        px[p + 1] = (byte) (100 + col);
        px[p + 2] = (byte) (200 - row);
      }
    }
    return new RgbImages(1, 4, 4, px);
  }

  private static byte[] pixel(RgbImages p, int row, int col) {
    int i = (row * 4 + col) * 3;
    return new byte[] {p.pixels()[i], p.pixels()[i + 1], p.pixels()[i + 2]};
  }

  private static byte[] at(byte[] window, int v, int u) {
    int i = (v * 4 + u) * 3;
    return new byte[] {window[i], window[i + 1], window[i + 2]};
  }

  @Test
  void samplingALevelWindowOverThePhotoCopiesIt() {
    RgbImages photo = numbered();
    assertArrayEquals(photo.pixels(), new EyeWindow(2, 2, 4, 0, false).sampleBytes(photo, 0, 4));
  }

  @Test
  void samplingTurnedAndMirroredWindowsMovesWholePixels() {
    RgbImages photo = numbered();
    // Turned a quarter: window pixel (u, v) has its centre at photo (3.5 - v, u + 0.5), pixel (row u, col 3 - v).
    byte[] turned = new EyeWindow(2, 2, 4, Math.PI / 2, false).sampleBytes(photo, 0, 4);
    byte[] mirrored = new EyeWindow(2, 2, 4, 0, true).sampleBytes(photo, 0, 4);
    for (int v = 0; v < 4; v++) {
      for (int u = 0; u < 4; u++) {
        assertArrayEquals(pixel(photo, u, 3 - v), at(turned, v, u), "turned " + u + "," + v);
        assertArrayEquals(pixel(photo, v, 3 - u), at(mirrored, v, u), "mirrored " + u + "," + v);
      }
    }
  }

  @Test
  void unitSamplesAreBytesOver255() {
    RgbImages photo = numbered();
    float[] out = new float[1 + 4 * 4 * 3];
    new EyeWindow(2, 2, 4, 0, false).sampleUnit(photo, 0, 4, out, 1);
    assertEquals(0f, out[0]);
    assertEquals(23 / 255f, out[1 + (2 * 4 + 3) * 3], 1e-6f); // row 2, col 3, red = 10 * 2 + 3
  }

  @Test
  void insideAllowsForTheTurn() {
    assertTrue(new EyeWindow(10, 10, 10, 0, false).inside(20, 20, 0.5));
    // Turned 45 degrees, the square reaches 5 * sqrt(2) = 7.07 px from its centre.
    assertTrue(new EyeWindow(10, 10, 10, Math.PI / 4, false).inside(20, 20, 0.5));
    assertFalse(new EyeWindow(6, 10, 10, Math.PI / 4, false).inside(20, 20, 0.5));
    assertTrue(new EyeWindow(6, 10, 10, 0, false).inside(20, 20, 0.5));
    assertFalse(new EyeWindow(16, 10, 10, 0, false).inside(20, 20, 0.5));
  }
}
