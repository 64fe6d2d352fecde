package eyegan.metrics;

import eyegan.image.RgbImages;
import java.util.SplittableRandom;

/**
 * Procedural test images from one random process: a random base colour, three random oriented
 * sinusoidal gratings and per-pixel noise. Values stay inside [20, 235] so a colour shift of up to 20
 * never clips. Variants (blur, colour shift) derive clearly different distributions from the same process.
 */
final class TextureImages {
  private TextureImages() {}

  static RgbImages generate(int count, int size, long seed) {
    byte[] px = new byte[count * size * size * 3];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < count; i++) {
      double[] base = {random.nextDouble(115, 140), random.nextDouble(115, 140), random.nextDouble(115, 140)};
      double[][] gratings = new double[3][];
      for (int g = 0; g < 3; g++) {
        double angle = random.nextDouble(Math.PI);
        double freq = random.nextDouble(0.1, 0.9);
        gratings[g] =
            new double[] {Math.cos(angle) * freq, Math.sin(angle) * freq, random.nextDouble(2 * Math.PI), random.nextDouble(8, 22),
              random.nextDouble(0.3, 1.0), random.nextDouble(0.3, 1.0), random.nextDouble(0.3, 1.0)};
      }
      int o = i * size * size * 3;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          double[] v = base.clone();
          for (double[] g : gratings) {
            double s = g[3] * Math.sin(g[0] * x + g[1] * y + g[2]);
            v[0] += s * g[4];
            v[1] += s * g[5];
            v[2] += s * g[6];
          }
          for (int c = 0; c < 3; c++) {
            double noisy = v[c] + random.nextDouble(-8, 8);
            px[o++] = (byte) Math.max(20, Math.min(235, Math.round(noisy)));
          }
        }
      }
    }
    return new RgbImages(count, size, size, px);
  }

  /** Each image blurred by a 3x3 box filter, twice (edges clamped): the same scenes without fine detail. */
  static RgbImages blurred(RgbImages images) {
    return boxBlur(boxBlur(images));
  }

  /** {@code delta} added to one channel of every pixel (a colour cast). */
  static RgbImages shifted(RgbImages images, int channel, int delta) {
    byte[] px = images.pixels().clone();
    for (int p = channel; p < px.length; p += 3) {
      px[p] = (byte) Math.max(0, Math.min(255, (px[p] & 0xFF) + delta));
    }
    return new RgbImages(images.count(), images.height(), images.width(), px);
  }

  /** The images in reverse order. */
  static RgbImages reversed(RgbImages images) {
    int size = images.imageBytes();
    byte[] px = new byte[images.pixels().length];
    for (int i = 0; i < images.count(); i++) {
      System.arraycopy(images.pixels(), i * size, px, (images.count() - 1 - i) * size, size);
    }
    return new RgbImages(images.count(), images.height(), images.width(), px);
  }

  private static RgbImages boxBlur(RgbImages images) {
    int h = images.height();
    int w = images.width();
    byte[] px = new byte[images.pixels().length];
    for (int i = 0; i < images.count(); i++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          for (int c = 0; c < 3; c++) {
            int sum = 0;
            for (int dy = -1; dy <= 1; dy++) {
              for (int dx = -1; dx <= 1; dx++) {
                int yy = Math.max(0, Math.min(h - 1, y + dy));
                int xx = Math.max(0, Math.min(w - 1, x + dx));
                sum += images.get(i, yy, xx, c);
              }
            }
            px[((i * h + y) * w + x) * 3 + c] = (byte) Math.round(sum / 9f);
          }
        }
      }
    }
    return new RgbImages(images.count(), h, w, px);
  }
}
