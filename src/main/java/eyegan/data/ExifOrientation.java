package eyegan.data;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;

/**
 * The EXIF orientation of a JPEG (cameras and phones store the sensor image as shot and record how to
 * turn it; image viewers apply it, ImageIO does not). Values follow the EXIF 2.3 tag 0x0112:
 * 1 upright, 2 mirrored left-right, 3 turned 180 degrees, 4 mirrored top-bottom, 5 transposed,
 * 6 needs a 90 degree clockwise turn, 7 transverse, 8 needs a 90 degree anticlockwise turn.
 *
 * <p>Orientation is applied to the final square image: centre crop and centre pad commute with these
 * eight turns and mirrors, so turning 128x128 pixels is the same as turning the whole photo first.
 * So does the stretch: it scales each axis to the same output side, and a quarter turn only swaps
 * which source axis gets which scale.
 */
final class ExifOrientation {
  static final int UPRIGHT = 1;
  private static final int MAX = 8;
  private static final int CHANNELS = 3;

  private ExifOrientation() {}

  /**
   * Reads the orientation of JPEG bytes; {@link #UPRIGHT} when there is no EXIF block, no tag, or the
   * EXIF block is damaged (a broken tag should not cost a photo that decodes fine).
   */
  static int read(byte[] jpeg) {
    try {
      ImageMetadata metadata = Imaging.getMetadata(jpeg);
      if (metadata instanceof JpegImageMetadata jpegMetadata) {
        TiffField field = jpegMetadata.findExifValueWithExactMatch(TiffTagConstants.TIFF_TAG_ORIENTATION);
        if (field != null) {
          int value = field.getIntValue();
          return value >= UPRIGHT && value <= MAX ? value : UPRIGHT;
        }
      }
    } catch (Exception | StackOverflowError e) {
      // Damaged metadata: keep the pixels as stored.
    }
    return UPRIGHT;
  }

  /** Whether {@code orientation} swaps width and height (the four quarter-turn cases 5..8). */
  static boolean swapsSides(int orientation) {
    return orientation >= 5 && orientation <= MAX;
  }

  /**
   * Turns/mirrors a {@code width x height} packed-RGB image of any shape as {@code orientation} asks;
   * the result is {@code height x width} for orientations 5..8.
   *
   * @return a new array, or {@code rgb} itself for {@link #UPRIGHT}
   */
  static byte[] applyToRectangle(byte[] rgb, int width, int height, int orientation) {
    if (orientation == UPRIGHT) {
      return rgb;
    }
    int outW = swapsSides(orientation) ? height : width;
    int outH = swapsSides(orientation) ? width : height;
    int lastX = outW - 1;
    int lastY = outH - 1;
    byte[] out = new byte[rgb.length];
    for (int y = 0; y < outH; y++) {
      for (int x = 0; x < outW; x++) {
        // Source pixel (sx, sy) of the stored image that lands at (x, y) once shown upright.
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> { sx = lastX - x; sy = y; }
          case 3 -> { sx = lastX - x; sy = lastY - y; }
          case 4 -> { sx = x; sy = lastY - y; }
          case 5 -> { sx = y; sy = x; }
          case 6 -> { sx = y; sy = lastX - x; }
          case 7 -> { sx = lastY - y; sy = lastX - x; }
          case 8 -> { sx = lastY - y; sy = x; }
          default -> throw new IllegalArgumentException("EXIF orientation must be 1..8, got " + orientation);
        }
        System.arraycopy(rgb, (sy * width + sx) * CHANNELS, out, (y * outW + x) * CHANNELS, CHANNELS);
      }
    }
    return out;
  }

  /**
   * Turns/mirrors a square packed-RGB image as EXIF orientation {@code orientation} asks.
   *
   * @param rgb {@code size * size * 3} bytes
   * @return a new array, or {@code rgb} itself for {@link #UPRIGHT}
   */
  static byte[] apply(byte[] rgb, int size, int orientation) {
    if (orientation == UPRIGHT) {
      return rgb;
    }
    int last = size - 1;
    byte[] out = new byte[rgb.length];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        // Source pixel that lands at (x, y) once the image is shown upright.
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> { sx = last - x; sy = y; }
          case 3 -> { sx = last - x; sy = last - y; }
          case 4 -> { sx = x; sy = last - y; }
          case 5 -> { sx = y; sy = x; }
          case 6 -> { sx = y; sy = last - x; }
          case 7 -> { sx = last - y; sy = last - x; }
          case 8 -> { sx = last - y; sy = x; }
          default -> throw new IllegalArgumentException("EXIF orientation must be 1..8, got " + orientation);
        }
        System.arraycopy(rgb, (sy * size + sx) * CHANNELS, out, (y * size + x) * CHANNELS, CHANNELS);
      }
    }
    return out;
  }
}
