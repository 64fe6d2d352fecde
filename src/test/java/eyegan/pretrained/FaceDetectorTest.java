package eyegan.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.image.RgbImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BlazeFace's wrapper: anchors and box decoding against MediaPipe's definition worked by hand, and
 * the whole path on the fixture face, whose eyes {@link FixtureImages#face} drew at (98, 118) and
 * (158, 118) of 256 px.
 */
class FaceDetectorTest {
  private static FaceDetector detector;

  @BeforeAll
  static void open() {
    detector = FaceDetector.open();
  }

  @AfterAll
  static void close() {
    detector.close();
  }

  @Test
  void anchorsAreCellCentresOfTheTwoGridsInOutputOrder() {
    double[][] a = FaceDetector.anchors();
    assertEquals(896, a.length);
    assertArrayEquals(new double[] {8, 8}, a[0]);
    assertArrayEquals(new double[] {8, 8}, a[1], "two anchors per 16 px cell");
    assertArrayEquals(new double[] {24, 8}, a[2]);
    assertArrayEquals(new double[] {8, 24}, a[32], "row 1 starts after 16 cells x 2");
    assertArrayEquals(new double[] {16, 16}, a[512], "the 32 px grid follows");
    assertArrayEquals(new double[] {16, 16}, a[517], "six anchors per 32 px cell");
    assertArrayEquals(new double[] {48, 16}, a[518]);
    assertArrayEquals(new double[] {240, 240}, a[895]);
  }

  @Test
  void decodingOffsetsBoxesFromTheirAnchorAndSuppressesOverlaps() {
    float[] logits = new float[896];
    java.util.Arrays.fill(logits, -10f);
    float[] reg = new float[896 * 16];
    // anchor 600: 32 px grid, (600 - 512) / 6 = cell 14 -> row 1, column 6: centre (208, 48)
    logits[600] = 2f;
    set(reg, 600, 4, -2, 40, 30, -10, -5);
    // anchor 601: same cell, weaker, nearly the same box: suppressed
    logits[601] = 1f;
    set(reg, 601, 5, -1, 40, 30, -10, -5);
    // anchor 100: 16 px grid, cell 50 -> row 3, column 2: centre (40, 56); weak but apart: kept
    logits[100] = 0.5f;
    set(reg, 100, 0, 0, 20, 20, 1, 2);
    List<FaceDetector.Face> faces = FaceDetector.decode(logits, reg, 0.6, 0.3, 2.0, 10, 0);
    assertEquals(2, faces.size(), faces.toString());
    FaceDetector.Face f = faces.get(0);
    assertEquals(1 / (1 + Math.exp(-2)), f.score(), 1e-12);
    // centre (212, 46), size 40 x 30 -> box 192..232 x 31..61, then x * 2 + 10, y * 2
    assertEquals(394, f.left(), 1e-9);
    assertEquals(474, f.right(), 1e-9);
    assertEquals(62, f.top(), 1e-9);
    assertEquals(122, f.bottom(), 1e-9);
    assertEquals((208 - 10) * 2 + 10, f.keypointX(0), 1e-9);
    assertEquals((48 - 5) * 2, f.keypointY(0), 1e-9);
    assertEquals(1 / (1 + Math.exp(-0.5)), faces.get(1).score(), 1e-12);
    assertEquals((40 + 1) * 2 + 10, faces.get(1).keypointX(0), 1e-9);
    assertTrue(FaceDetector.decode(logits, reg, 0.95, 0.3, 1, 0, 0).isEmpty(), "nothing reaches 0.95");
  }

  private static void set(float[] reg, int anchor, float dx, float dy, float w, float h, float kx, float ky) {
    int r = anchor * 16;
    reg[r] = dx;
    reg[r + 1] = dy;
    reg[r + 2] = w;
    reg[r + 3] = h;
    for (int k = 0; k < 6; k++) {
      reg[r + 4 + 2 * k] = kx;
      reg[r + 5 + 2 * k] = ky;
    }
  }

  @Test
  void findsTheDrawnFaceWithItsEyesWhereTheyWereDrawn() {
    RgbImages face = RgbImages.of(List.of(TfjsReference.image("face-256.png")));
    List<FaceDetector.Face> faces = detector.detect(face, 0);
    assertEquals(1, faces.size(), faces.toString());
    FaceDetector.Face f = faces.get(0);
    // TF.js's largest logit on this image (the reference fixture) is 1.166: score 0.762
    assertEquals(1 / (1 + Math.exp(-1.1663)), f.score(), 1e-3);
    assertEquals(98, f.keypointX(FaceDetector.Face.RIGHT_EYE), 8);
    assertEquals(118, f.keypointY(FaceDetector.Face.RIGHT_EYE), 8);
    assertEquals(158, f.keypointX(FaceDetector.Face.LEFT_EYE), 8);
    assertEquals(118, f.keypointY(FaceDetector.Face.LEFT_EYE), 8);
    assertTrue(f.left() < 98 && f.right() > 158 && f.top() < 118 && f.bottom() > 185, "the box holds eyes and mouth: " + f);
    RgbImages pattern = RgbImages.of(List.of(TfjsReference.image("pattern-256.png")));
    assertTrue(detector.detect(pattern, 0).isEmpty(), "no face in the pattern");
  }

  @Test
  void aWideImageIsPaddedToASquareAndMappedBack() {
    // The face on a 320 x 256 canvas, 40 px from the left: the padding centres it vertically.
    BufferedImage wide = new BufferedImage(320, 256, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = wide.createGraphics();
    g.setColor(new Color(75, 84, 99));
    g.fillRect(0, 0, 320, 256);
    g.drawImage(TfjsReference.image("face-256.png"), 40, 0, null);
    g.dispose();
    List<FaceDetector.Face> faces = detector.detect(RgbImages.of(List.of(wide)), 0);
    assertEquals(1, faces.size(), faces.toString());
    assertEquals(98 + 40, faces.get(0).keypointX(FaceDetector.Face.RIGHT_EYE), 10);
    assertEquals(118, faces.get(0).keypointY(FaceDetector.Face.RIGHT_EYE), 10);
  }
}
