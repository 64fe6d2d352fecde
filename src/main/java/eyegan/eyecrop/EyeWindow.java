package eyegan.eyecrop;

import eyegan.image.RgbImages;

/**
 * A square window of a photo that may be turned and mirrored: what the iris network looks at, and
 * what becomes a levelled eye crop. Coordinates are photo pixels, continuous: pixel {@code (i, j)}
 * covers {@code [i, i + 1) x [j, j + 1)}, its centre is {@code (i + 0.5, j + 0.5)}; x right, y down.
 *
 * <p>The window's own x axis points along {@code (cos angle, sin angle)} in the photo and its y axis
 * a quarter turn clockwise from it (down, for {@code angle = 0}); a window pixel {@code (u, v)}, with
 * {@code u, v} in {@code [0, size]}, lies {@code (u / size - 1/2) * side} along x and {@code (v / size
 * - 1/2) * side} along y from the centre ({@code u} counted from the right when mirrored). Sampling is
 * bilinear between pixel centres; outside the photo the nearest edge pixel repeats.
 *
 * @param centerX window centre, photo pixels
 * @param centerY window centre, photo pixels
 * @param side window side, photo pixels, > 0
 * @param angle turn of the window's x axis from the photo's, radians (clockwise on screen, since y points down)
 * @param mirror whether the window is read right to left (a left eye shown as a right eye)
 */
public record EyeWindow(double centerX, double centerY, double side, double angle, boolean mirror) {
  public EyeWindow {
    if (!(side > 0) || !Double.isFinite(side) || !Double.isFinite(centerX) || !Double.isFinite(centerY)
        || !Double.isFinite(angle)) {
      throw new IllegalArgumentException("need a finite centre and angle and a positive side, got ("
          + centerX + ", " + centerY + "), side " + side + ", angle " + angle);
    }
  }

  /** Photo x of window point {@code (u, v)} of a {@code size}-pixel window. */
  public double photoX(double u, double v, int size) {
    double a = along(u, size);
    double b = (v / size - 0.5) * side;
    return centerX + a * Math.cos(angle) - b * Math.sin(angle);
  }

  /** Photo y of window point {@code (u, v)} of a {@code size}-pixel window. */
  public double photoY(double u, double v, int size) {
    double a = along(u, size);
    double b = (v / size - 0.5) * side;
    return centerY + a * Math.sin(angle) + b * Math.cos(angle);
  }

  private double along(double u, int size) {
    double f = u / size - 0.5;
    return (mirror ? -f : f) * side;
  }

  /** Whether the whole window lies inside a {@code width x height} photo, with {@code slack} pixels to spare. */
  public boolean inside(int width, int height, double slack) {
    double h = side / 2;
    double c = Math.abs(Math.cos(angle)) * h + Math.abs(Math.sin(angle)) * h; // half extent of the turned square
    return centerX - c >= -slack && centerY - c >= -slack && centerX + c <= width + slack && centerY + c <= height + slack;
  }

  /**
   * Writes the window of image {@code i} of {@code photos} as {@code size x size x 3} floats in
   * [0, 1] (what the iris network takes) into {@code out} at {@code offset}.
   */
  public void sampleUnit(RgbImages photos, int i, int size, float[] out, int offset) {
    sample(photos, i, size, (o, v) -> out[offset + o] = (float) (v / 255.0));
  }

  /** The window of image {@code i} as {@code size x size} packed RGB bytes, rounded. */
  public byte[] sampleBytes(RgbImages photos, int i, int size) {
    byte[] out = new byte[size * size * RgbImages.CHANNELS];
    sample(photos, i, size, (o, v) -> out[o] = (byte) Math.min(255, (int) (v + 0.5)));
    return out;
  }

  private interface Sink {
    void put(int index, double value);
  }

  private void sample(RgbImages photos, int i, int size, Sink sink) {
    int w = photos.width();
    int h = photos.height();
    byte[] px = photos.pixels();
    int base = i * photos.imageBytes();
    // Step between neighbouring window pixels along the window's x and y axes, in photo pixels.
    double step = side / size;
    double ux = Math.cos(angle) * step * (mirror ? -1 : 1);
    double uy = Math.sin(angle) * step * (mirror ? -1 : 1);
    double vx = -Math.sin(angle) * step;
    double vy = Math.cos(angle) * step;
    // Photo coordinate of window pixel (0, 0)'s centre, shifted by -0.5 to index pixel centres.
    double x0 = photoX(0.5, 0.5, size) - 0.5;
    double y0 = photoY(0.5, 0.5, size) - 0.5;
    int o = 0;
    for (int v = 0; v < size; v++) {
      double rowX = x0 + v * vx;
      double rowY = y0 + v * vy;
      for (int u = 0; u < size; u++) {
        double sx = rowX + u * ux;
        double sy = rowY + u * uy;
        int xf = (int) Math.floor(sx);
        int yf = (int) Math.floor(sy);
        double fx = sx - xf;
        double fy = sy - yf;
        int xa = clamp(xf, w);
        int xb = clamp(xf + 1, w);
        int ya = clamp(yf, h);
        int yb = clamp(yf + 1, h);
        int p00 = base + (ya * w + xa) * 3;
        int p01 = base + (ya * w + xb) * 3;
        int p10 = base + (yb * w + xa) * 3;
        int p11 = base + (yb * w + xb) * 3;
        for (int c = 0; c < RgbImages.CHANNELS; c++) {
          double top = (px[p00 + c] & 0xFF) * (1 - fx) + (px[p01 + c] & 0xFF) * fx;
          double bottom = (px[p10 + c] & 0xFF) * (1 - fx) + (px[p11 + c] & 0xFF) * fx;
          sink.put(o++, top * (1 - fy) + bottom * fy);
        }
      }
    }
  }

  private static int clamp(int i, int n) {
    return i < 0 ? 0 : (i >= n ? n - 1 : i);
  }
}
