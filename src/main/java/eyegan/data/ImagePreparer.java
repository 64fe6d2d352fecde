package eyegan.data;

import eyegan.image.Resampler;
import java.awt.image.BufferedImage;

/**
 * Turns the bytes of one image file into one square training image: decode, composite alpha on the
 * background, centre crop (or pad, or stretch) to a square, resize with area averaging, apply EXIF
 * orientation.
 * Thread-safe: it keeps no state between calls.
 */
public final class ImagePreparer {
  private final ImageDecoder decoder;
  private final int resolution;
  private final SquareFit fit;
  private final int[] background;

  /**
   * @param resolution side of the result in pixels, at least 1
   * @param fit crop, pad or stretch to square
   * @param backgroundRgb 0xRRGGBB behind transparent pixels and in padding
   */
  public ImagePreparer(ImageDecoder decoder, int resolution, SquareFit fit, int backgroundRgb) {
    if (resolution < 1) {
      throw new IllegalArgumentException("resolution must be >= 1, got " + resolution);
    }
    this.decoder = decoder;
    this.resolution = resolution;
    this.fit = fit;
    this.background = new int[] {(backgroundRgb >> 16) & 0xFF, (backgroundRgb >> 8) & 0xFF, backgroundRgb & 0xFF};
  }

  public int resolution() {
    return resolution;
  }

  /**
   * @param fileBytes the whole file
   * @return {@code resolution * resolution * 3} bytes, rows top to bottom, R, G, B, 0..255
   * @throws UnusableFileException when the file cannot be used, with the reason
   */
  public byte[] prepare(byte[] fileBytes) throws UnusableFileException {
    ImageDecoder.Decoded decoded = decoder.decode(fileBytes);
    BufferedImage image = decoded.image();
    int[] region = fit.region(image.getWidth(), image.getHeight());
    byte[] square;
    try {
      square = Resampler.resizeRegion(
          new RgbRows(image, background), image.getWidth(), image.getHeight(),
          region[0], region[1], region[2], region[3], resolution, background);
    } catch (OutOfMemoryError e) {
      throw new UnusableFileException("not enough memory to resize it (raise the Java heap with -Xmx)");
    }
    return ExifOrientation.apply(square, resolution, decoded.orientation());
  }
}
