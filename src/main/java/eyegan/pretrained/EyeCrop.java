package eyegan.pretrained;

import com.fasterxml.jackson.annotation.JsonProperty;
import eyegan.image.RgbImages;

/**
 * A square window of an image, resampled to a square network input: centre and side as fractions of
 * the image's width and height (a side above 1 reaches past the borders, where the image's edge
 * pixels repeat). Sampling is bilinear at pixel centres, from the 8-bit pixels, optionally mirrored
 * left to right; values are scaled to [0, 1].
 *
 * @param centerX window centre, fraction of the image width
 * @param centerY window centre, fraction of the image height
 * @param side window side, fraction of the image side, > 0
 */
public record EyeCrop(
    @JsonProperty("center_x") double centerX, @JsonProperty("center_y") double centerY, double side) {
  /**
   * The window for eye close-ups framed like eyegan's training images (the eye spans 55-90% of the
   * image width, a little below the middle): 1.8 image sides centred at (0.5, 0.55), so the eye
   * fills about half the crop as in MediaPipe's own eye crops (2.3 x the corner distance). Chosen on
   * 300 built-in synthetic eyes at 64 px among sides 1.0-2.3 and centres 0.50-0.58, with both
   * orientations averaged: iris centre error 1.9% of the eye width, iris radius error 5.9%; a side of
   * 1.0 underestimates the radius by 40%, larger sides lose centre precision.
   */
  public static final EyeCrop CLOSE_UP = new EyeCrop(0.5, 0.55, 1.8);

  public EyeCrop {
    if (!(side > 0) || !Double.isFinite(centerX) || !Double.isFinite(centerY)) {
      throw new IllegalArgumentException("need a finite centre and a positive side, got " + centerX + ", " + centerY + ", " + side);
    }
  }

  /**
   * Writes the window of image {@code i} as {@code size x size x 3} floats in [0, 1] into {@code out}
   * at {@code offset}, mirrored left to right when {@code mirror}.
   */
  public void sample(RgbImages images, int i, int size, boolean mirror, float[] out, int offset) {
    int h = images.height();
    int w = images.width();
    byte[] px = images.pixels();
    int base = i * images.imageBytes();
    double left = (centerX - side / 2) * w;
    double top = (centerY - side / 2) * h;
    double stepX = side * w / size;
    double stepY = side * h / size;
    int o = offset;
    for (int y = 0; y < size; y++) {
      double sy = top + (y + 0.5) * stepY - 0.5; // source pixel-centre coordinate
      int y0 = (int) Math.floor(sy);
      double fy = sy - y0;
      int ya = clamp(y0, h);
      int yb = clamp(y0 + 1, h);
      for (int x = 0; x < size; x++) {
        int xs = mirror ? size - 1 - x : x;
        double sx = left + (xs + 0.5) * stepX - 0.5;
        int x0 = (int) Math.floor(sx);
        double fx = sx - x0;
        int xa = clamp(x0, w);
        int xb = clamp(x0 + 1, w);
        for (int c = 0; c < RgbImages.CHANNELS; c++) {
          double v00 = px[base + (ya * w + xa) * 3 + c] & 0xFF;
          double v01 = px[base + (ya * w + xb) * 3 + c] & 0xFF;
          double v10 = px[base + (yb * w + xa) * 3 + c] & 0xFF;
          double v11 = px[base + (yb * w + xb) * 3 + c] & 0xFF;
          double top2 = v00 + (v01 - v00) * fx;
          double bottom = v10 + (v11 - v10) * fx;
          out[o++] = (float) ((top2 + (bottom - top2) * fy) / 255.0);
        }
      }
    }
  }

  /** Image x (fraction of the width) of crop x {@code u} in [0, size] pixels of a {@code size} crop. */
  public double imageX(double u, int size, boolean mirror) {
    double f = u / size;
    return centerX - side / 2 + (mirror ? 1 - f : f) * side;
  }

  /** Image y (fraction of the height) of crop y {@code v} in [0, size] pixels. */
  public double imageY(double v, int size) {
    return centerY - side / 2 + v / size * side;
  }

  private static int clamp(int i, int n) {
    return i < 0 ? 0 : (i >= n ? n - 1 : i);
  }
}
