package eyegan.data;

import eyegan.image.RgbImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads one photo at its full size, upright: the same decoding, transparency handling and EXIF
 * orientation as the training loader ({@link ImagePreparer}), but without the square crop and the
 * resize, for callers that look for things in the photo (faces, eyes) and cut their own regions.
 * Thread-safe: it keeps no state between calls.
 */
public final class PhotoReader {
  private final ImageDecoder decoder;
  private final int[] background;

  /** A reader with the loader's limits and its white background behind transparent pixels. */
  public PhotoReader() {
    this(new ImageDecoder(), LoadOptions.BACKGROUND_RGB);
  }

  /** @param backgroundRgb 0xRRGGBB behind transparent pixels */
  public PhotoReader(ImageDecoder decoder, int backgroundRgb) {
    this.decoder = decoder;
    this.background = new int[] {(backgroundRgb >> 16) & 0xFF, (backgroundRgb >> 8) & 0xFF, backgroundRgb & 0xFF};
  }

  /**
   * Reads the file at {@code path}; files over the loader's size limit are refused unread.
   *
   * @return one image [1, height, width, 3], RGB 0..255, as a viewer shows it (EXIF orientation applied)
   * @throws UnusableFileException with a one-line reason (unreadable, not an image, truncated, too large, ...)
   */
  public RgbImages read(Path path) throws UnusableFileException {
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > ParallelDecoder.MAX_FILE_BYTES) {
        throw new UnusableFileException("too large: the file has " + size / (1 << 20) + " MiB (limit "
            + ParallelDecoder.MAX_FILE_BYTES / (1 << 20) + " MiB)");
      }
      bytes = Files.readAllBytes(path);
    } catch (AccessDeniedException e) {
      throw new UnusableFileException("cannot be read (permission denied)");
    } catch (NoSuchFileException e) {
      throw new UnusableFileException("disappeared while reading");
    } catch (IOException e) {
      throw new UnusableFileException("cannot be read (" + e.getMessage() + ")");
    } catch (OutOfMemoryError e) {
      throw new UnusableFileException("not enough memory to read it (raise the Java heap with -Xmx)");
    }
    return decode(bytes);
  }

  /**
   * Decodes {@code fileBytes}, the whole content of one file.
   *
   * @return one image [1, height, width, 3], RGB 0..255, upright
   * @throws UnusableFileException with a one-line reason
   */
  public RgbImages decode(byte[] fileBytes) throws UnusableFileException {
    ImageDecoder.Decoded decoded = decoder.decode(fileBytes);
    BufferedImage image = decoded.image();
    int w = image.getWidth();
    int h = image.getHeight();
    try {
      byte[] rgb = new byte[Math.multiplyExact(Math.multiplyExact(w, h), RgbImages.CHANNELS)];
      RgbRows rows = new RgbRows(image, background);
      byte[] row = new byte[w * RgbImages.CHANNELS];
      for (int y = 0; y < h; y++) {
        rows.row(y, row);
        System.arraycopy(row, 0, rgb, y * row.length, row.length);
      }
      int o = decoded.orientation();
      byte[] upright = ExifOrientation.applyToRectangle(rgb, w, h, o);
      boolean swap = ExifOrientation.swapsSides(o);
      return new RgbImages(1, swap ? w : h, swap ? h : w, upright);
    } catch (OutOfMemoryError | ArithmeticException e) {
      throw new UnusableFileException("not enough memory to hold its pixels (raise the Java heap with -Xmx, or shrink the photo)");
    }
  }
}
