package eyegan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.image.RgbImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole photos read upright at full size. */
class PhotoReaderTest {
  @TempDir Path tmp;

  private static void assertColour(Color expected, RgbImages image, int x, int y, int tolerance) {
    int[] got = {image.get(0, y, x, 0), image.get(0, y, x, 1), image.get(0, y, x, 2)};
    int[] want = {expected.getRed(), expected.getGreen(), expected.getBlue()};
    for (int c = 0; c < 3; c++) {
      assertEquals(want[c], got[c], tolerance, "channel " + c + " at " + x + "," + y);
    }
  }

  @Test
  void aPngIsReadAtItsOwnSizeWithExactPixels() throws Exception {
    Path file = Files.write(tmp.resolve("bands.png"), Fixtures.write(Fixtures.bands(BufferedImage.TYPE_3BYTE_BGR), "png"));
    RgbImages image = new PhotoReader().read(file);
    assertEquals(1, image.count());
    assertEquals(Fixtures.WIDTH, image.width());
    assertEquals(Fixtures.HEIGHT, image.height());
    for (int x = 0; x < Fixtures.WIDTH; x++) {
      assertColour(Fixtures.band(x), image, x, 5, 0);
    }
  }

  @Test
  void aJpegOnItsSideIsTurnedUprightAndChangesShape() throws Exception {
    // Stored 64x32 with vertical bands; orientation 6 turns it a quarter clockwise, so upright it is
    // 32x64 and the stored columns become rows, top to bottom: upright (x, y) shows band(y).
    byte[] plain = Fixtures.writeJpeg(Fixtures.bands(BufferedImage.TYPE_3BYTE_BGR), 0.95f);
    TiffOutputSet exif = new TiffOutputSet();
    exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
    ByteArrayOutputStream turned = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(plain, turned, exif);
    RgbImages image = new PhotoReader().decode(turned.toByteArray());
    assertEquals(Fixtures.HEIGHT, image.width());
    assertEquals(Fixtures.WIDTH, image.height());
    for (int y = 4; y < Fixtures.WIDTH; y += 16) { // band centres, away from JPEG's edge ringing
      assertColour(Fixtures.band(y), image, 16, y + 4, 12);
    }
  }

  @Test
  void everyOrientationOfASquareMatchesTheSquareTurns() {
    int side = 5;
    byte[] rgb = new byte[side * side * 3];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (byte) (i * 7);
    }
    for (int o = 1; o <= 8; o++) {
      assertArrayEquals(ExifOrientation.apply(rgb, side, o), ExifOrientation.applyToRectangle(rgb, side, side, o), "orientation " + o);
    }
  }

  @Test
  void quarterTurnsOfARectangleMoveItsCornersAsExifSays() {
    // 3 x 2 stored, pixel (x, y) red = 10 * y + x. Orientation 6 (turn clockwise): upright 2 x 3,
    // its top-left is the stored bottom-left (0, 1) = 10. Orientation 8 (anticlockwise): its
    // top-left is the stored top-right (2, 0) = 2. Orientation 3 (half turn) keeps the shape.
    byte[] rgb = new byte[3 * 2 * 3];
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 3; x++) {
        rgb[(y * 3 + x) * 3] = (byte) (10 * y + x);
      }
    }
    assertEquals(10, ExifOrientation.applyToRectangle(rgb, 3, 2, 6)[0]);
    assertEquals(2, ExifOrientation.applyToRectangle(rgb, 3, 2, 8)[0]);
    assertEquals(12, ExifOrientation.applyToRectangle(rgb, 3, 2, 3)[0]);
    // Upright 2 x 3 under orientation 6: the last pixel (x 1, y 2) is the stored top-right (2, 0) = 2.
    assertEquals(2, ExifOrientation.applyToRectangle(rgb, 3, 2, 6)[(2 * 2 + 1) * 3]);
    assertTrue(ExifOrientation.swapsSides(6) && !ExifOrientation.swapsSides(3));
  }

  @Test
  void aTextFileIsRefusedWithTheLoadersReason() throws Exception {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "not a photo");
    UnusableFileException e = assertThrows(UnusableFileException.class, () -> new PhotoReader().read(file));
    assertTrue(e.getMessage().startsWith("not a JPEG, PNG"), e.getMessage());
  }
}
