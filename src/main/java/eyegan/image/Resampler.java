package eyegan.image;

import java.util.Arrays;

/**
 * Resizes a region of an RGB image (square, or stretched when it is not) to {@code size x size}
 * pixels without aliasing.
 *
 * <p>Shrinking uses exact area averaging: every output pixel is the mean of the source area it
 * covers, with partly covered source pixels weighted by the covered fraction. That is the ideal box
 * prefilter, so fine detail (eyelashes, iris fibres) averages out instead of turning into the moiré
 * that nearest-neighbour or plain bilinear sampling produce. Enlarging uses bilinear interpolation
 * between pixel centres (edge pixels repeat), since a box filter would only make blocks.
 *
 * <p>The filter is separable: rows first into a float buffer of {@code side * size * 3}, then columns.
 * Pixels of the region that lie outside the image (padding) take the given background colour.
 */
public final class Resampler {
  private static final int CHANNELS = 3;

  private Resampler() {}

  /** Supplies row {@code y} of an image as packed 8-bit RGB ({@code width * 3} bytes, R, G, B). */
  @FunctionalInterface
  public interface RowSource {
    void row(int y, byte[] rgb);
  }

  /**
   * Resamples the square {@code [x0, x0 + side) x [y0, y0 + side)} of a {@code width x height} image.
   *
   * @param rows the image, row by row
   * @param x0 left edge of the region; may be negative (padding)
   * @param y0 top edge of the region; may be negative (padding)
   * @param side side of the region in source pixels, at least 1
   * @param size side of the result, at least 1
   * @param background R, G, B (0..255) for region pixels outside the image
   * @return {@code size * size * 3} bytes, rows top to bottom, R, G, B
   */
  public static byte[] resizeSquare(
      RowSource rows, int width, int height, int x0, int y0, int side, int size, int[] background) {
    return resizeRegion(rows, width, height, x0, y0, side, side, size, background);
  }

  /**
   * Resamples the region {@code [x0, x0 + regionWidth) x [y0, y0 + regionHeight)} of a
   * {@code width x height} image to {@code size x size}; a region that is not square is stretched
   * (each axis is resampled on its own, with its own scale).
   *
   * @param rows the image, row by row
   * @param x0 left edge of the region; may be negative (padding)
   * @param y0 top edge of the region; may be negative (padding)
   * @param regionWidth width of the region in source pixels, at least 1
   * @param regionHeight height of the region in source pixels, at least 1
   * @param size side of the result, at least 1
   * @param background R, G, B (0..255) for region pixels outside the image
   * @return {@code size * size * 3} bytes, rows top to bottom, R, G, B
   */
  public static byte[] resizeRegion(RowSource rows, int width, int height, int x0, int y0,
      int regionWidth, int regionHeight, int size, int[] background) {
    if (width < 1 || height < 1 || regionWidth < 1 || regionHeight < 1 || size < 1) {
      throw new IllegalArgumentException("need positive sizes, got image " + width + "x" + height
          + ", region " + regionWidth + "x" + regionHeight + ", output " + size);
    }
    Taps horizontal = Taps.of(regionWidth, size);
    Taps vertical = Taps.of(regionHeight, size);

    // Horizontal pass over every region row that any output row needs.
    float[] rowsOut = new float[regionHeight * size * CHANNELS];
    byte[] src = new byte[width * CHANNELS];
    float[] line = new float[regionWidth * CHANNELS];
    for (int r = 0; r < regionHeight; r++) {
      int y = y0 + r;
      if (y < 0 || y >= height) {
        fillBackground(line, background);
      } else {
        rows.row(y, src);
        regionLine(src, width, x0, line, background);
      }
      horizontal.apply(line, rowsOut, r * size * CHANNELS, CHANNELS);
    }

    // Vertical pass: each output row is a weighted sum of horizontally resampled rows.
    byte[] out = new byte[size * size * CHANNELS];
    int stride = size * CHANNELS;
    float[] acc = new float[stride];
    for (int i = 0; i < size; i++) {
      Arrays.fill(acc, 0f);
      float[] w = vertical.weights[i];
      for (int t = 0; t < w.length; t++) {
        int base = (vertical.first[i] + t) * stride;
        float wt = w[t];
        for (int k = 0; k < stride; k++) {
          acc[k] += wt * rowsOut[base + k];
        }
      }
      for (int k = 0; k < stride; k++) {
        out[i * stride + k] = (byte) toByte(acc[k]);
      }
    }
    return out;
  }

  /** Convenience for packed RGB arrays ({@code width * height * 3} bytes). */
  public static byte[] resizeSquare(
      byte[] rgb, int width, int height, int x0, int y0, int side, int size, int[] background) {
    if (rgb.length != width * height * CHANNELS) {
      throw new IllegalArgumentException(
          "rgb has " + rgb.length + " bytes, expected " + (width * height * CHANNELS) + " for " + width + "x" + height);
    }
    int rowBytes = width * CHANNELS;
    return resizeSquare(
        (y, row) -> System.arraycopy(rgb, y * rowBytes, row, 0, rowBytes),
        width, height, x0, y0, side, size, background);
  }

  /** Resizes a whole square packed-RGB image (e.g. a supersampled rendering) to {@code size}. */
  public static byte[] resize(byte[] rgb, int side, int size) {
    return resizeSquare(rgb, side, side, 0, 0, side, size, new int[] {0, 0, 0});
  }

  private static void regionLine(byte[] src, int width, int x0, float[] line, int[] background) {
    int side = line.length / CHANNELS;
    int inStart = Math.max(0, -x0);
    int inEnd = Math.min(side, width - x0);
    // Padding on the left and right (only when padding to square), then the pixels in between.
    for (int x = 0; x < Math.min(inStart, side); x++) {
      setBackground(line, x, background);
    }
    for (int x = Math.max(inEnd, 0); x < side; x++) {
      setBackground(line, x, background);
    }
    for (int k = inStart * CHANNELS, s = (x0 + inStart) * CHANNELS, end = inEnd * CHANNELS; k < end; k++, s++) {
      line[k] = src[s] & 0xFF;
    }
  }

  private static void setBackground(float[] line, int x, int[] background) {
    line[x * CHANNELS] = background[0];
    line[x * CHANNELS + 1] = background[1];
    line[x * CHANNELS + 2] = background[2];
  }

  private static void fillBackground(float[] line, int[] background) {
    for (int k = 0; k < line.length; k++) {
      line[k] = background[k % CHANNELS];
    }
  }

  private static int toByte(float v) {
    int b = (int) (v + 0.5f);
    return b < 0 ? 0 : Math.min(b, 255);
  }

  /** Per-output-pixel source spans and weights along one axis (weights sum to 1). */
  static final class Taps {
    final int[] first;
    final float[][] weights;

    private Taps(int[] first, float[][] weights) {
      this.first = first;
      this.weights = weights;
    }

    static Taps of(int srcLength, int dstLength) {
      return srcLength >= dstLength ? area(srcLength, dstLength) : bilinear(srcLength, dstLength);
    }

    /** Output pixel i covers source interval [i * scale, (i + 1) * scale). */
    private static Taps area(int src, int dst) {
      double scale = (double) src / dst;
      int[] first = new int[dst];
      float[][] weights = new float[dst][];
      for (int i = 0; i < dst; i++) {
        double start = i * scale;
        double end = Math.min(src, (i + 1) * scale);
        int j0 = (int) Math.floor(start);
        int j1 = Math.min(src, (int) Math.ceil(end));
        float[] w = new float[j1 - j0];
        for (int j = j0; j < j1; j++) {
          double overlap = Math.min(end, j + 1) - Math.max(start, j);
          w[j - j0] = (float) (overlap / scale);
        }
        first[i] = j0;
        weights[i] = w;
      }
      return new Taps(first, weights);
    }

    /** Centre-aligned bilinear: output centre (i + 0.5) maps to source coordinate (i + 0.5) * scale. */
    private static Taps bilinear(int src, int dst) {
      double scale = (double) src / dst;
      int[] first = new int[dst];
      float[][] weights = new float[dst][];
      for (int i = 0; i < dst; i++) {
        double c = Math.max(0, Math.min(src - 1, (i + 0.5) * scale - 0.5));
        int j0 = Math.min((int) Math.floor(c), Math.max(0, src - 2));
        if (src == 1) {
          first[i] = 0;
          weights[i] = new float[] {1f};
          continue;
        }
        float f = (float) (c - j0);
        first[i] = j0;
        weights[i] = new float[] {1f - f, f};
      }
      return new Taps(first, weights);
    }

    /** Resamples interleaved RGB {@code line} into {@code out} at {@code offset}. */
    void apply(float[] line, float[] out, int offset, int channels) {
      if (channels != CHANNELS) {
        throw new IllegalArgumentException("RGB lines only, got " + channels + " channels");
      }
      for (int i = 0; i < first.length; i++) {
        float[] w = weights[i];
        float r = 0f;
        float g = 0f;
        float b = 0f;
        for (int t = 0, idx = first[i] * CHANNELS; t < w.length; t++, idx += CHANNELS) {
          float wt = w[t];
          r += wt * line[idx];
          g += wt * line[idx + 1];
          b += wt * line[idx + 2];
        }
        int o = offset + i * CHANNELS;
        out[o] = r;
        out[o + 1] = g;
        out[o + 2] = b;
      }
    }
  }
}
