package eyegan.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Small test images with known pixels, written in the formats and variants the loader must read.
 *
 * <p>The standard test picture is {@link #WIDTH}x{@link #HEIGHT}, landscape, in four vertical
 * bands of equal width: green | red | blue | green. The centre crop is the square made of the red
 * and blue bands, so a prepared image has a red left half and a blue right half, and no green.
 */
final class Fixtures {
  static final int WIDTH = 64;
  static final int HEIGHT = 32;
  static final Color GREEN = new Color(0, 160, 0);
  static final Color RED = new Color(220, 30, 40);
  static final Color BLUE = new Color(20, 40, 200);

  private Fixtures() {}

  /** Band colour at column x of the standard picture. */
  static Color band(int x) {
    int band = x * 4 / WIDTH;
    return switch (band) {
      case 1 -> RED;
      case 2 -> BLUE;
      default -> GREEN;
    };
  }

  static BufferedImage bands(int type) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, type);
    Graphics2D g = image.createGraphics();
    for (int x = 0; x < WIDTH; x++) {
      g.setColor(band(x));
      g.fillRect(x, 0, 1, HEIGHT);
    }
    g.dispose();
    return image;
  }

  static byte[] write(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, format, out)) {
      throw new IOException("no " + format + " writer for image type " + image.getType());
    }
    return out.toByteArray();
  }

  /** Writes with a writer's progressive mode: Adam7 for PNG, interlaced for GIF, progressive for JPEG. */
  static byte[] writeProgressive(BufferedImage image, String format) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    return writeWith(writer, new IIOImage(image, null, null), param);
  }

  static byte[] writeJpeg(BufferedImage image, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    return writeWith(writer, new IIOImage(image, null, null), param);
  }

  private static byte[] writeWith(ImageWriter writer, IIOImage image, ImageWriteParam param) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, image, param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** A 16-bit-per-channel RGB (or grey, when {@code grey}) image filled with samples v * 257, which is exactly v in 8 bits. */
  static BufferedImage sixteenBit(boolean grey, int[] rgb8) {
    ColorSpace cs = ColorSpace.getInstance(grey ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
    ColorModel cm = new ComponentColorModel(cs, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
    WritableRaster raster = cm.createCompatibleWritableRaster(WIDTH, HEIGHT);
    int bands = raster.getNumBands();
    int[] px = new int[bands];
    for (int b = 0; b < bands; b++) {
      px[b] = rgb8[b] * 257;
    }
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        raster.setPixel(x, y, px);
      }
    }
    return new BufferedImage(cm, raster, false, null);
  }

  /** An 8-bit grey image with alpha (PNG colour type 4), every pixel (grey, alpha). */
  static BufferedImage greyAlpha(int grey, int alpha) {
    ColorSpace cs = ColorSpace.getInstance(ColorSpace.CS_GRAY);
    ColorModel cm = new ComponentColorModel(cs, true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
    WritableRaster raster = cm.createCompatibleWritableRaster(WIDTH, HEIGHT);
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        raster.setPixel(x, y, new int[] {grey, alpha});
      }
    }
    return new BufferedImage(cm, raster, false, null);
  }

  /** A 4-entry palette image of the standard bands; palette index 3 is fully transparent. */
  static BufferedImage palette(boolean withTransparentBand) {
    byte[] r = {(byte) GREEN.getRed(), (byte) RED.getRed(), (byte) BLUE.getRed(), 0};
    byte[] g = {(byte) GREEN.getGreen(), (byte) RED.getGreen(), (byte) BLUE.getGreen(), 0};
    byte[] b = {(byte) GREEN.getBlue(), (byte) RED.getBlue(), (byte) BLUE.getBlue(), 0};
    IndexColorModel icm = new IndexColorModel(2, 4, r, g, b, 3);
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_BINARY, icm);
    WritableRaster raster = image.getRaster();
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int index = x * 4 / WIDTH;
        int value = switch (index) {
          case 1 -> 1;
          case 2 -> withTransparentBand ? 3 : 2;
          default -> 0;
        };
        raster.setSample(x, y, 0, value);
      }
    }
    return image;
  }

  /**
   * A CMYK JPEG with every pixel (c, m, y, k), made the way Photoshop stores CMYK: an Adobe APP14
   * segment (transform 0: no colour transform) and inverted samples (255 = no ink). No ImageIO
   * writer produces this directly, so the 4-channel raster is written as plain JPEG components and
   * the Adobe segment is inserted after SOI by hand.
   */
  static byte[] cmykJpeg(int c, int m, int y, int k) throws IOException {
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, WIDTH, HEIGHT, 4, new Point(0, 0));
    int[] px = {255 - c, 255 - m, 255 - y, 255 - k};
    for (int yy = 0; yy < HEIGHT; yy++) {
      for (int x = 0; x < WIDTH; x++) {
        raster.setPixel(x, yy, px);
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(1f);
    byte[] plain = writeWith(writer, new IIOImage(raster, null, null), param);
    byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
    byte[] out = new byte[plain.length + adobe.length];
    System.arraycopy(plain, 0, out, 0, 2);
    System.arraycopy(adobe, 0, out, 2, adobe.length);
    System.arraycopy(plain, 2, out, 2 + adobe.length, plain.length - 2);
    return out;
  }

  /** A PNG signature and IHDR for a width x height RGB image (valid CRC), then IEND: a header with no pixels. */
  static byte[] pngHeaderOnly(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /**
   * Inserts a zTXt (compressed text) chunk after IHDR whose text inflates to {@code inflatedBytes}
   * zero bytes: a valid PNG whose metadata, not its pixels, is a decompression bomb.
   */
  static byte[] withTextBomb(byte[] png, int inflatedBytes) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (java.util.zip.DeflaterOutputStream deflate = new java.util.zip.DeflaterOutputStream(compressed,
        new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION))) {
      byte[] zeros = new byte[1 << 20];
      for (int written = 0; written < inflatedBytes; written += zeros.length) {
        deflate.write(zeros, 0, Math.min(zeros.length, inflatedBytes - written));
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("Comment".getBytes(StandardCharsets.US_ASCII));
    body.write(0); // keyword terminator
    body.write(0); // compression method: deflate
    body.writeBytes(compressed.toByteArray());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int afterIhdr = 8 + 4 + 4 + 13 + 4;
    out.write(png, 0, afterIhdr);
    chunk(out, "zTXt", body.toByteArray());
    out.write(png, afterIhdr, png.length - afterIhdr);
    return out.toByteArray();
  }

  /** Rewrites the frame size in a JPEG's first SOF0/SOF2 segment (height and width are 16-bit there). */
  static byte[] withJpegSize(byte[] jpeg, int width, int height) {
    byte[] out = jpeg.clone();
    for (int i = 2; i + 8 < out.length; i++) {
      int marker = out[i + 1] & 0xFF;
      if ((out[i] & 0xFF) == 0xFF && (marker == 0xC0 || marker == 0xC2)) {
        // FF Cx, length(2), precision(1), height(2), width(2)
        out[i + 5] = (byte) (height >> 8);
        out[i + 6] = (byte) height;
        out[i + 7] = (byte) (width >> 8);
        out[i + 8] = (byte) width;
        return out;
      }
    }
    throw new IllegalArgumentException("no SOF0/SOF2 marker found");
  }

  /** Rewrites a GIF's logical screen and first image descriptor to width x height (16-bit little-endian). */
  static byte[] withGifSize(byte[] gif, int width, int height) {
    byte[] out = gif.clone();
    putLe16(out, 6, width);
    putLe16(out, 8, height);
    int flags = out[10] & 0xFF;
    int i = 13 + ((flags & 0x80) != 0 ? 3 * (1 << ((flags & 7) + 1)) : 0);
    while (i < out.length && (out[i] & 0xFF) != 0x2C) {
      // Skip extension blocks (0x21 label, then sub-blocks until a zero-length one).
      i += 2;
      while ((out[i] & 0xFF) != 0) {
        i += (out[i] & 0xFF) + 1;
      }
      i++;
    }
    putLe16(out, i + 5, width);
    putLe16(out, i + 7, height);
    return out;
  }

  private static void putLe16(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >> 8);
  }
}
