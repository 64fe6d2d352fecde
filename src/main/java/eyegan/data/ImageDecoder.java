package eyegan.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes the bytes of one JPEG, PNG, BMP, GIF or TIFF file into a {@link BufferedImage}, or says in
 * one line why it cannot.
 *
 * <p>Decoding goes through ImageIO. The TwelveMonkeys JPEG plugin (on the class path) takes over
 * JPEG, which adds CMYK/YCCK (Adobe-inverted), embedded ICC profiles and lenient handling of the
 * damaged-but-viewable JPEGs found on the web; the JDK's own readers handle PNG (1-16 bits, palette,
 * grey, alpha, Adam7 interlacing), BMP, GIF (interlaced, transparent; first frame of an animation)
 * and TIFF (first page). The format is recognised from the content, not the file name.
 *
 * <p>Decompression bombs: the image size is read from the header first and the file is refused
 * before any pixel memory is allocated when it exceeds {@link #MAX_PIXELS} or {@link #MAX_SIDE}.
 * Metadata is not decoded at all (a PNG's compressed text chunk can inflate to gigabytes; the JDK
 * reader would inflate it whole when asked for metadata), only what the pixels need.
 */
public final class ImageDecoder {
  /** Largest accepted image: 100 megapixels, beyond any camera a close-up eye photo comes from. */
  public static final long MAX_PIXELS = 100_000_000L;
  /** Largest accepted width or height (a 1 x 10^8 strip is as suspicious as a huge square). */
  public static final int MAX_SIDE = 40_000;

  /** Formats accepted, as ImageIO names them (lower case). */
  private static final Set<String> FORMATS = Set.of("jpeg", "jpg", "png", "bmp", "gif", "tiff", "tif");

  private final long maxPixels;
  private final int maxSide;

  /** A decoder with the default limits {@link #MAX_PIXELS} and {@link #MAX_SIDE}. */
  public ImageDecoder() {
    this(MAX_PIXELS, MAX_SIDE);
  }

  public ImageDecoder(long maxPixels, int maxSide) {
    if (maxPixels < 1 || maxSide < 1) {
      throw new IllegalArgumentException("limits must be positive, got " + maxPixels + " pixels, side " + maxSide);
    }
    this.maxPixels = maxPixels;
    this.maxSide = maxSide;
  }

  /**
   * A decoded image.
   *
   * @param image the pixels as the file stores them (any ImageIO type; see {@link RgbRows})
   * @param format upper-case format name, e.g. {@code JPEG}
   * @param orientation EXIF orientation 1..8 (JPEG only; 1 for other formats)
   */
  public record Decoded(BufferedImage image, String format, int orientation) {}

  /**
   * Decodes {@code data}, the whole content of one file.
   *
   * @throws UnusableFileException with a one-line reason when the bytes are not a usable image
   */
  public Decoded decode(byte[] data) throws UnusableFileException {
    if (data.length == 0) {
      throw new UnusableFileException("empty file (0 bytes)");
    }
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
      ImageReader reader = readerFor(in);
      try {
        // ignoreMetadata: only what decoding needs (palette, transparency, Adobe/ICC markers) is
        // read, not text or other ancillary chunks, whose compressed contents could be a bomb too.
        reader.setInput(in, false, true);
        String format = formatName(reader);
        checkSize(reader.getWidth(0), reader.getHeight(0));
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0);
        checkComplete(warnings);
        int orientation = format.equals("JPEG") ? ExifOrientation.read(data) : ExifOrientation.UPRIGHT;
        return new Decoded(image, format, orientation);
      } finally {
        reader.dispose();
      }
    } catch (UnusableFileException e) {
      throw e;
    } catch (EOFException e) {
      throw new UnusableFileException("truncated (the file ends before the image data does)", e);
    } catch (IIOException e) {
      throw new UnusableFileException(describeCorrupt(e), e);
    } catch (IOException | RuntimeException e) {
      // Readers signal some damage with unchecked exceptions (index errors, bad arguments).
      throw new UnusableFileException(describeCorrupt(e), e);
    } catch (OutOfMemoryError e) {
      throw new UnusableFileException(
          "not enough memory to decode it (raise the Java heap with -Xmx, or shrink the photo)");
    }
  }

  private static ImageReader readerFor(ImageInputStream in) throws UnusableFileException {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      if (accepts(reader.getOriginatingProvider())) {
        return reader;
      }
      reader.dispose();
    }
    throw new UnusableFileException("not a JPEG, PNG, BMP, GIF or TIFF image");
  }

  private static boolean accepts(ImageReaderSpi spi) {
    if (spi == null) {
      return false;
    }
    for (String name : spi.getFormatNames()) {
      if (FORMATS.contains(name.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static String formatName(ImageReader reader) throws IOException {
    String name = reader.getFormatName().toUpperCase(Locale.ROOT);
    return switch (name) {
      case "JPG" -> "JPEG";
      case "TIF" -> "TIFF";
      default -> name;
    };
  }

  private void checkSize(int width, int height) throws UnusableFileException {
    if (width < 1 || height < 1) {
      throw new UnusableFileException("corrupt: header gives an image size of " + width + "x" + height);
    }
    if (width > maxSide || height > maxSide || (long) width * height > maxPixels) {
      throw new UnusableFileException(
          "too large: header claims " + width + "x" + height + " pixels (limit " + maxSide
              + " per side and " + maxPixels / 1_000_000 + " megapixels; possibly a decompression bomb)");
    }
  }

  /**
   * JPEG readers return a grey-filled image for a cut-off file and only say so in a warning; such
   * an image would teach the network grey bars, so it is refused. Other warnings (an unknown ICC
   * profile, a few stray bytes before a marker) describe files that display fine and are ignored.
   */
  private static void checkComplete(List<String> warnings) throws UnusableFileException {
    for (String warning : warnings) {
      String w = warning.toLowerCase(Locale.ROOT);
      if (w.contains("truncated") || w.contains("premature end")) {
        throw new UnusableFileException("truncated (" + warning + ")");
      }
    }
  }

  private static String describeCorrupt(Exception e) {
    StringBuilder detail = new StringBuilder();
    for (Throwable t = e; t != null && detail.length() < 200; t = t.getCause()) {
      if (t instanceof EOFException) {
        return "truncated (the file ends before the image data does)";
      }
      String message = t.getMessage();
      if (message != null && !message.isBlank()) {
        if (detail.length() > 0) {
          detail.append(": ");
        }
        detail.append(message.lines().findFirst().orElse("").strip());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return "corrupt (" + (detail.length() == 0 ? e.getClass().getSimpleName() : detail) + ")";
  }
}
