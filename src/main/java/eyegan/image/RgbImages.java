package eyegan.image;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * A batch of same-sized 8-bit RGB images stored as one NHWC byte array: shape [count, height, width,
 * 3], channel order R, G, B, values 0..255 (read as unsigned). This is eyegan's exchange format
 * between decoding, caching, metrics and image files; training converts it to float [-1, 1].
 *
 * @param count number of images, at least 0
 * @param height image height in pixels, at least 1
 * @param width image width in pixels, at least 1
 * @param pixels {@code count * height * width * 3} bytes, NHWC
 */
public record RgbImages(int count, int height, int width, byte[] pixels) {
  /** Channels per pixel: eyegan works in RGB only. */
  public static final int CHANNELS = 3;

  public RgbImages {
    if (count < 0 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "need count >= 0 and a positive size, got " + count + " x " + height + "x" + width);
    }
    Objects.requireNonNull(pixels, "pixels");
    long expected = (long) count * height * width * CHANNELS;
    if (pixels.length != expected) {
      throw new IllegalArgumentException(
          "pixels has " + pixels.length + " bytes, expected " + expected
              + " for " + count + " images of " + height + "x" + width + "x3");
    }
  }

  /** Bytes of one image (height * width * 3). */
  public int imageBytes() {
    return height * width * CHANNELS;
  }

  /** Unsigned value 0..255 of channel {@code c} at row {@code y}, column {@code x} of image {@code i}. */
  public int get(int i, int y, int x, int c) {
    return pixels[((i * height + y) * width + x) * CHANNELS + c] & 0xFF;
  }

  /** Image {@code i} as a {@link BufferedImage#TYPE_INT_RGB} image. */
  public BufferedImage toBufferedImage(int i) {
    Objects.checkIndex(i, count);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int base = i * imageBytes();
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = base + (y * width + x) * CHANNELS;
        row[x] = (pixels[p] & 0xFF) << 16 | (pixels[p + 1] & 0xFF) << 8 | (pixels[p + 2] & 0xFF);
      }
      image.setRGB(0, y, width, 1, row, 0, width);
    }
    return image;
  }

  /** Packs images that all have the same size; their alpha, if any, is ignored. */
  public static RgbImages of(List<BufferedImage> images) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no images");
    }
    int h = images.get(0).getHeight();
    int w = images.get(0).getWidth();
    byte[] out = new byte[images.size() * h * w * CHANNELS];
    int[] row = new int[w];
    int p = 0;
    for (BufferedImage image : images) {
      if (image.getHeight() != h || image.getWidth() != w) {
        throw new IllegalArgumentException(
            "images differ in size: " + w + "x" + h + " and " + image.getWidth() + "x" + image.getHeight());
      }
      for (int y = 0; y < h; y++) {
        image.getRGB(0, y, w, 1, row, 0, w);
        for (int x = 0; x < w; x++) {
          out[p++] = (byte) (row[x] >> 16);
          out[p++] = (byte) (row[x] >> 8);
          out[p++] = (byte) row[x];
        }
      }
    }
    return new RgbImages(images.size(), h, w, out);
  }

  /**
   * Converts generator output to 8-bit: {@code round((v + 1) * 127.5)} clamped to 0..255, the
   * inverse of the training mapping {@code (p - 127.5) / 127.5}.
   *
   * @param nhwc float values in [-1, 1], shape [count, height, width, 3]
   */
  public static RgbImages fromUnitRange(float[] nhwc, int count, int height, int width) {
    long expected = (long) count * height * width * CHANNELS;
    if (nhwc.length != expected) {
      throw new IllegalArgumentException(
          "got " + nhwc.length + " floats, expected " + expected + " for " + count + "x" + height + "x" + width + "x3");
    }
    byte[] out = new byte[nhwc.length];
    for (int k = 0; k < nhwc.length; k++) {
      out[k] = (byte) toByte(nhwc[k]);
    }
    return new RgbImages(count, height, width, out);
  }

  /** One [-1, 1] value as 0..255; NaN maps to 0 so a broken generator shows black, not garbage. */
  public static int toByte(float v) {
    if (!(v > -1f)) {
      return 0;
    }
    int b = Math.round((v + 1f) * 127.5f);
    return Math.min(255, b);
  }

  /** Writes all images as float [-1, 1] NHWC into {@code out} starting at {@code offset}: (p - 127.5) / 127.5. */
  public void toUnitRange(int first, int n, float[] out, int offset) {
    int start = first * imageBytes();
    int len = n * imageBytes();
    for (int k = 0; k < len; k++) {
      out[offset + k] = ((pixels[start + k] & 0xFF) - 127.5f) / 127.5f;
    }
  }
}
