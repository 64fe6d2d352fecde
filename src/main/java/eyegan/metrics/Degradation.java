package eyegan.metrics;

import eyegan.image.RgbImages;
import java.util.SplittableRandom;

/**
 * Small, known changes to real images that {@link SwdCalibration} measures SWD against, so that a
 * generator's SWD can be read as "about as far from the data as a blur of half a pixel". Each works
 * on 8-bit RGB images of any size and returns new images of the same shape; the input is not changed.
 */
public enum Degradation {
  /** Nothing: the real-vs-real floor itself. */
  NONE("none (the floor)") {
    @Override
    public RgbImages apply(RgbImages images, long seed) {
      return images;
    }
  },
  /** A Gaussian blur of sigma 0.5 px: barely visible at 1:1. */
  BLUR_HALF_PIXEL("Gaussian blur, sigma 0.5 px") {
    @Override
    public RgbImages apply(RgbImages images, long seed) {
      return blur(images, 0.5);
    }
  },
  /** A Gaussian blur of sigma 1 px: a visibly soft image. */
  BLUR_ONE_PIXEL("Gaussian blur, sigma 1 px") {
    @Override
    public RgbImages apply(RgbImages images, long seed) {
      return blur(images, 1.0);
    }
  },
  /** Added luminance grain, sigma 2 levels of 255. */
  GRAIN_2("added grain, sigma 2 levels") {
    @Override
    public RgbImages apply(RgbImages images, long seed) {
      return grain(images, 2, seed);
    }
  },
  /** Added luminance grain, sigma 6 levels of 255. */
  GRAIN_6("added grain, sigma 6 levels") {
    @Override
    public RgbImages apply(RgbImages images, long seed) {
      return grain(images, 6, seed);
    }
  },
  /** A white-balance shift: red up 6 levels, blue down 6, on every pixel. */
  WARMER("white balance: red +6, blue -6 levels") {
    @Override
    public RgbImages apply(RgbImages images, long seed) {
      return shift(images, new int[] {6, 0, -6});
    }
  },
  /** Every channel of every pixel uniform on 0..255: nothing of the data left, the far end of the ruler. */
  NOISE("pure noise (uniform random pixels)") {
    @Override
    public RgbImages apply(RgbImages images, long seed) {
      SplittableRandom rng = new SplittableRandom(seed ^ 0x401CE);
      byte[] out = new byte[images.pixels().length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (byte) rng.nextInt(256);
      }
      return new RgbImages(images.count(), images.height(), images.width(), out);
    }
  };

  private final String label;

  Degradation(String label) {
    this.label = label;
  }

  /** What was done, as a table row says it. */
  public String label() {
    return label;
  }

  /** The degraded copy of {@code images}; {@code seed} keys any randomness (grain, noise). */
  public abstract RgbImages apply(RgbImages images, long seed);

  /**
   * Separable Gaussian blur, kernel radius ceil(3 sigma), weights normalised to sum 1, edges
   * clamped (the border pixel repeats), rounded back to 8 bits.
   */
  static RgbImages blur(RgbImages in, double sigma) {
    int radius = (int) Math.ceil(3 * sigma);
    double[] k = new double[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      k[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
      sum += k[i + radius];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= sum;
    }
    int h = in.height();
    int w = in.width();
    int c3 = RgbImages.CHANNELS;
    byte[] out = new byte[in.pixels().length];
    double[] rows = new double[h * w * c3];
    for (int n = 0; n < in.count(); n++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          for (int c = 0; c < c3; c++) {
            double v = 0;
            for (int d = -radius; d <= radius; d++) {
              v += k[d + radius] * in.get(n, y, clamp(x + d, w), c);
            }
            rows[(y * w + x) * c3 + c] = v;
          }
        }
      }
      int base = n * in.imageBytes();
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          for (int c = 0; c < c3; c++) {
            double v = 0;
            for (int d = -radius; d <= radius; d++) {
              v += k[d + radius] * rows[(clamp(y + d, h) * w + x) * c3 + c];
            }
            out[base + (y * w + x) * c3 + c] = toByte(v);
          }
        }
      }
    }
    return new RgbImages(in.count(), h, w, out);
  }

  /** Adds the same N(0, sigma^2) value to the three channels of each pixel (luminance grain), seeded. */
  static RgbImages grain(RgbImages in, double sigma, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] px = in.pixels();
    byte[] out = new byte[px.length];
    for (int p = 0; p < px.length; p += RgbImages.CHANNELS) {
      double g = gaussian(rng) * sigma;
      for (int c = 0; c < RgbImages.CHANNELS; c++) {
        out[p + c] = toByte((px[p + c] & 0xFF) + g);
      }
    }
    return new RgbImages(in.count(), in.height(), in.width(), out);
  }

  /** Adds {@code delta[c]} to channel c of every pixel, clipped to 0..255. */
  static RgbImages shift(RgbImages in, int[] delta) {
    byte[] px = in.pixels();
    byte[] out = new byte[px.length];
    for (int p = 0; p < px.length; p++) {
      out[p] = toByte((px[p] & 0xFF) + delta[p % RgbImages.CHANNELS]);
    }
    return new RgbImages(in.count(), in.height(), in.width(), out);
  }

  private static int clamp(int i, int size) {
    return i < 0 ? 0 : (i >= size ? size - 1 : i);
  }

  private static byte toByte(double v) {
    long r = Math.round(v);
    return (byte) (r < 0 ? 0 : (r > 255 ? 255 : r));
  }

  /** Box-Muller from two uniforms of {@code rng}. */
  private static double gaussian(SplittableRandom rng) {
    double u = 1.0 - rng.nextDouble(); // (0, 1]: log is finite
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
