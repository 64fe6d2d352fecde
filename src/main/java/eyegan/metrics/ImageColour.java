package eyegan.metrics;

import eyegan.image.RgbImages;

/**
 * Per-image colour, in 8-bit levels: the three numbers a white-balance or exposure change moves.
 * Their distributions over a set are compared with the 1-D Wasserstein distance ({@link
 * Wasserstein1D}), which SWD cannot do on its own (it standardises descriptors before comparing).
 *
 * <ul>
 *   <li>{@code brightness}: mean luma, 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601), 0..255;
 *   <li>{@code warmth}: mean R - B, the warm-cool axis of white balance (+ warmer);
 *   <li>{@code tint}: mean G - (R + B) / 2, the green-magenta axis.
 * </ul>
 *
 * A shift of red by +6 and blue by -6 levels on every pixel moves each image's warmth by exactly
 * +12 (where nothing clips), and so the warmth distance by 12.
 */
public final class ImageColour {
  /** Feature names, in {@link #of} column order. */
  public static final String[] NAMES = {"brightness", "warmth", "tint"};

  private ImageColour() {}

  /** [count][3]: brightness, warmth and tint of each image. */
  public static double[][] of(RgbImages images) {
    int pixels = images.height() * images.width();
    byte[] px = images.pixels();
    double[][] out = new double[images.count()][];
    for (int i = 0; i < images.count(); i++) {
      long r = 0;
      long g = 0;
      long b = 0;
      int base = i * images.imageBytes();
      for (int p = 0; p < pixels; p++) {
        r += px[base + 3 * p] & 0xFF;
        g += px[base + 3 * p + 1] & 0xFF;
        b += px[base + 3 * p + 2] & 0xFF;
      }
      double mr = (double) r / pixels;
      double mg = (double) g / pixels;
      double mb = (double) b / pixels;
      out[i] = new double[] {0.299 * mr + 0.587 * mg + 0.114 * mb, mr - mb, mg - (mr + mb) / 2};
    }
    return out;
  }
}
