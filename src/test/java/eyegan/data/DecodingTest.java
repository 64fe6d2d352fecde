package eyegan.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;

/**
 * Every format and variant decodes to the known pixels of its fixture. Fixtures are the standard
 * green|red|blue|green bands (see {@link Fixtures}); prepared at 8x8 with a centre crop the left four
 * columns must be red and the right four blue. Lossless formats must match exactly; JPEG within
 * {@link #JPEG_TOLERANCE} per channel (quantisation and chroma subsampling).
 */
class DecodingTest {
  private static final int SIZE = 8;
  private static final int JPEG_TOLERANCE = 12;
  private static final int WHITE = 255;

  private static byte[] prepare(byte[] file) throws UnusableFileException {
    return new ImagePreparer(new ImageDecoder(), SIZE, SquareFit.CROP, LoadOptions.BACKGROUND_RGB).prepare(file);
  }

  private static int[] pixel(byte[] rgb, int x, int y) {
    int p = (y * SIZE + x) * 3;
    return new int[] {rgb[p] & 0xFF, rgb[p + 1] & 0xFF, rgb[p + 2] & 0xFF};
  }

  private static void assertPixel(int[] expected, int[] actual, int tolerance, String what) {
    for (int c = 0; c < 3; c++) {
      assertTrue(Math.abs(expected[c] - actual[c]) <= tolerance,
          what + ": expected ~(" + expected[0] + "," + expected[1] + "," + expected[2] + "), got ("
              + actual[0] + "," + actual[1] + "," + actual[2] + ")");
    }
  }

  private static int[] rgb(Color c) {
    return new int[] {c.getRed(), c.getGreen(), c.getBlue()};
  }

  /** Left half {@code left}, right half {@code right}; with tolerance, only columns away from the edge. */
  private static void assertHalves(byte[] out, int[] left, int[] right, int tolerance, String what) {
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        if (tolerance > 0 && (x == 0 || x == SIZE / 2 - 1 || x == SIZE / 2 || x == SIZE - 1)) {
          continue; // JPEG's chroma upsampling blends colours across the band edges next to these
        }
        assertPixel(x < SIZE / 2 ? left : right, pixel(out, x, y), tolerance, what + " at " + x + "," + y);
      }
    }
  }

  private static void assertBands(byte[] file, int tolerance, String what) throws UnusableFileException {
    assertHalves(prepare(file), rgb(Fixtures.RED), rgb(Fixtures.BLUE), tolerance, what);
  }

  @Test
  void pngRgb() throws Exception {
    assertBands(Fixtures.write(Fixtures.bands(BufferedImage.TYPE_3BYTE_BGR), "png"), 0, "PNG RGB");
  }

  @Test
  void pngInterlaced() throws Exception {
    byte[] png = Fixtures.writeProgressive(Fixtures.bands(BufferedImage.TYPE_INT_RGB), "png");
    assertEquals(1, png[28], "IHDR interlace method should be Adam7 (1)");
    assertBands(png, 0, "interlaced PNG");
  }

  @Test
  void pngPaletteTwoBit() throws Exception {
    assertBands(Fixtures.write(Fixtures.palette(false), "png"), 0, "palette PNG");
  }

  @Test
  void pngPaletteTransparentEntryBecomesBackground() throws Exception {
    byte[] out = prepare(Fixtures.write(Fixtures.palette(true), "png"));
    assertHalves(out, rgb(Fixtures.RED), new int[] {WHITE, WHITE, WHITE}, 0, "palette PNG with tRNS");
  }

  @Test
  void pngSixteenBitRgb() throws Exception {
    int[] colour = {200, 100, 7};
    byte[] png = Fixtures.write(Fixtures.sixteenBit(false, colour), "png");
    assertEquals(16, png[24], "IHDR bit depth should be 16");
    assertHalves(prepare(png), colour, colour, 0, "16-bit PNG");
  }

  @Test
  void pngSixteenBitGreyKeepsItsValue() throws Exception {
    byte[] png = Fixtures.write(Fixtures.sixteenBit(true, new int[] {128}), "png");
    assertEquals(16, png[24]);
    assertHalves(prepare(png), new int[] {128, 128, 128}, new int[] {128, 128, 128}, 0, "16-bit grey PNG");
  }

  @Test
  void pngGreyIsNotGammaShifted() throws Exception {
    // Java's getRGB would turn grey 128 into 188 (it treats grey as linear); files mean 128.
    BufferedImage grey = new BufferedImage(Fixtures.WIDTH, Fixtures.HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < Fixtures.HEIGHT; y++) {
      for (int x = 0; x < Fixtures.WIDTH; x++) {
        grey.getRaster().setSample(x, y, 0, x < Fixtures.WIDTH / 2 ? 128 : 30);
      }
    }
    assertHalves(prepare(Fixtures.write(grey, "png")), new int[] {128, 128, 128}, new int[] {30, 30, 30}, 0,
        "grey PNG");
  }

  @Test
  void pngAlphaIsCompositedOnWhite() throws Exception {
    BufferedImage argb = new BufferedImage(Fixtures.WIDTH, Fixtures.HEIGHT, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < Fixtures.HEIGHT; y++) {
      for (int x = 0; x < Fixtures.WIDTH; x++) {
        // Left: red at alpha 128; right: black at alpha 0 (fully transparent).
        argb.setRGB(x, y, x < Fixtures.WIDTH / 2 ? 0x80FF0000 : 0x00000000);
      }
    }
    // Red at alpha a=128/255 over white: R = 255a + 255(1-a) = 255, G = B = 255(1-a) = 127.
    assertHalves(prepare(Fixtures.write(argb, "png")), new int[] {255, 127, 127}, new int[] {255, 255, 255}, 0,
        "RGBA PNG");
  }

  @Test
  void pngGreyWithAlpha() throws Exception {
    // Grey 0 at alpha 51 (= 0.2) over white: 255 * 0.8 = 204.
    byte[] png = Fixtures.write(Fixtures.greyAlpha(0, 51), "png");
    assertEquals(4, png[25], "IHDR colour type should be grey + alpha (4)");
    assertHalves(prepare(png), new int[] {204, 204, 204}, new int[] {204, 204, 204}, 0, "grey+alpha PNG");
  }

  @Test
  void gif() throws Exception {
    assertBands(Fixtures.write(Fixtures.palette(false), "gif"), 0, "GIF");
  }

  @Test
  void gifInterlacedWithTransparency() throws Exception {
    byte[] gif = Fixtures.writeProgressive(Fixtures.palette(true), "gif");
    assertTrue(interlacedGif(gif), "the fixture should be an interlaced GIF");
    assertHalves(prepare(gif), rgb(Fixtures.RED), new int[] {WHITE, WHITE, WHITE}, 0, "interlaced GIF");
  }

  private static boolean interlacedGif(byte[] gif) {
    for (int i = 13; i + 9 < gif.length; i++) {
      if ((gif[i] & 0xFF) == 0x2C && (gif[i + 1] | gif[i + 2] | gif[i + 3] | gif[i + 4]) == 0) {
        return (gif[i + 9] & 0x40) != 0; // image descriptor packed field, interlace bit
      }
    }
    return false;
  }

  @Test
  void bmp() throws Exception {
    assertBands(Fixtures.write(Fixtures.bands(BufferedImage.TYPE_3BYTE_BGR), "bmp"), 0, "BMP");
  }

  @Test
  void tiff() throws Exception {
    assertBands(Fixtures.write(Fixtures.bands(BufferedImage.TYPE_INT_RGB), "tiff"), 0, "TIFF");
  }

  @Test
  void jpegBaseline() throws Exception {
    assertBands(Fixtures.writeJpeg(Fixtures.bands(BufferedImage.TYPE_3BYTE_BGR), 0.95f), JPEG_TOLERANCE, "JPEG");
  }

  @Test
  void jpegProgressive() throws Exception {
    byte[] jpeg = Fixtures.writeProgressive(Fixtures.bands(BufferedImage.TYPE_3BYTE_BGR), "jpeg");
    assertTrue(hasMarker(jpeg, 0xC2), "the fixture should be progressive (SOF2)");
    assertBands(jpeg, JPEG_TOLERANCE, "progressive JPEG");
  }

  @Test
  void jpegGreyIsNotGammaShifted() throws Exception {
    BufferedImage grey = new BufferedImage(Fixtures.WIDTH, Fixtures.HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < Fixtures.HEIGHT; y++) {
      for (int x = 0; x < Fixtures.WIDTH; x++) {
        grey.getRaster().setSample(x, y, 0, x < Fixtures.WIDTH / 2 ? 128 : 30);
      }
    }
    byte[] jpeg = Fixtures.writeJpeg(grey, 0.95f);
    assertHalves(prepare(jpeg), new int[] {128, 128, 128}, new int[] {30, 30, 30}, 3, "grey JPEG");
  }

  @Test
  void jpegCmykUsesAdobeInvertedSamples() throws Exception {
    // Without an ICC profile the conversion is R = (255-C)(255-K)/255 etc.:
    // C=0, M=128, Y=0, K=64 gives R = 191, G = 127 * 191 / 255 = 95, B = 191.
    byte[] jpeg = Fixtures.cmykJpeg(0, 128, 0, 64);
    int[] expected = {191, 95, 191};
    assertHalves(prepare(jpeg), expected, expected, 4, "CMYK JPEG");
    int[] red = {255, 0, 0};
    assertHalves(prepare(Fixtures.cmykJpeg(0, 255, 255, 0)), red, red, 4, "CMYK JPEG, full magenta + yellow");
  }

  @Test
  void jpegExifOrientationIsApplied() throws Exception {
    // A square picture, top half red, bottom half blue, stored with orientation 6 ("turn 90 degrees
    // clockwise to view"): turned clockwise, the top goes to the right, so left blue, right red.
    BufferedImage square = new BufferedImage(32, 32, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        square.setRGB(x, y, (y < 16 ? Fixtures.RED : Fixtures.BLUE).getRGB());
      }
    }
    byte[] plain = Fixtures.writeJpeg(square, 0.95f);
    TiffOutputSet exif = new TiffOutputSet();
    exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
    ByteArrayOutputStream rotated = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(plain, rotated, exif);
    assertHalves(prepare(rotated.toByteArray()), rgb(Fixtures.BLUE), rgb(Fixtures.RED), JPEG_TOLERANCE,
        "JPEG with EXIF orientation 6");
  }

  @Test
  void padKeepsTheWholePictureOnWhite() throws Exception {
    // 64x32 padded to 64x64 (16 rows of white above and below), shrunk to 8x8: rows 0-1 and 6-7
    // are white, rows 2-5 show the four bands, two columns each.
    byte[] png = Fixtures.write(Fixtures.bands(BufferedImage.TYPE_3BYTE_BGR), "png");
    byte[] out = new ImagePreparer(new ImageDecoder(), SIZE, SquareFit.PAD, LoadOptions.BACKGROUND_RGB).prepare(png);
    int[] white = {WHITE, WHITE, WHITE};
    for (int x = 0; x < SIZE; x++) {
      assertPixel(white, pixel(out, x, 0), 0, "top padding");
      assertPixel(white, pixel(out, x, 7), 0, "bottom padding");
      assertPixel(rgb(Fixtures.band(x * 8)), pixel(out, x, 3), 0, "band at column " + x);
    }
  }

  @Test
  void stretchSquashesTheWholePictureIntoTheSquare() throws Exception {
    // The tutorial's plain resize: 64x32 becomes 8x8 with each axis scaled on its own (8 source
    // columns and 4 source rows per pixel), so every row shows all four bands, two columns each.
    byte[] png = Fixtures.write(Fixtures.bands(BufferedImage.TYPE_3BYTE_BGR), "png");
    byte[] out = new ImagePreparer(new ImageDecoder(), SIZE, SquareFit.STRETCH, LoadOptions.BACKGROUND_RGB).prepare(png);
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        assertPixel(rgb(Fixtures.band(x * 8)), pixel(out, x, y), 0, "band at " + x + "," + y);
      }
    }
  }

  @Test
  void stretchAppliesExifOrientationToTheWholePhoto() throws Exception {
    // Stored 64x32 with vertical bands; orientation 6 turns it a quarter clockwise, so upright it is
    // 32x64 with the bands as rows, top to bottom in stored left-to-right order. Stretched, each
    // band fills two rows.
    byte[] plain = Fixtures.writeJpeg(Fixtures.bands(BufferedImage.TYPE_3BYTE_BGR), 0.95f);
    TiffOutputSet exif = new TiffOutputSet();
    exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
    ByteArrayOutputStream rotated = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(plain, rotated, exif);
    byte[] out = new ImagePreparer(new ImageDecoder(), SIZE, SquareFit.STRETCH, LoadOptions.BACKGROUND_RGB)
        .prepare(rotated.toByteArray());
    for (int y = 0; y < SIZE; y++) {
      for (int x = 1; x < SIZE - 1; x++) {
        assertPixel(rgb(Fixtures.band(y * 8)), pixel(out, x, y), JPEG_TOLERANCE * 2, "band at " + x + "," + y);
      }
    }
  }

  private static boolean hasMarker(byte[] jpeg, int marker) {
    for (int i = 0; i + 1 < jpeg.length; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
        return true;
      }
    }
    return false;
  }

  @Test
  void formatIsRecognisedFromContentNotName() throws IOException, UnusableFileException {
    ImageDecoder.Decoded d = new ImageDecoder().decode(Fixtures.write(Fixtures.bands(BufferedImage.TYPE_INT_RGB), "tiff"));
    assertEquals("TIFF", d.format());
  }
}
