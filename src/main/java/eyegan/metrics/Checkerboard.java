package eyegan.metrics;

import eyegan.image.RgbImages;

/**
 * How much checkerboard an image set has: the amplitude of the period-2 patterns that transposed
 * convolutions with uneven overlap paint (Odena et al. 2016, "Deconvolution and Checkerboard
 * Artifacts"). For every 8x8 block of every channel, with pixels scaled to [0, 1], it takes the
 * block's discrete Fourier coefficients at the three highest frequencies, (-1)^(i+j), (-1)^i and
 * (-1)^j, averaged over the block, and their root sum of squares; the result is the mean over
 * blocks, channels and images, x1000. A flat or smoothly shaded block scores about 0; a pure
 * checkerboard of amplitude a scores 1000 a. Photos and the built-in eyes score a few units.
 */
public final class Checkerboard {
  /** Side of the blocks the pattern is measured in (its phase may differ from block to block). */
  public static final int BLOCK = 8;

  private Checkerboard() {}

  /** Mean period-2 amplitude x1000 (images smaller than a block score 0). */
  public static double amplitudeX1e3(RgbImages images) {
    int h = images.height();
    int w = images.width();
    double sum = 0;
    long blocks = 0;
    for (int n = 0; n < images.count(); n++) {
      for (int c = 0; c < RgbImages.CHANNELS; c++) {
        for (int by = 0; by + BLOCK <= h; by += BLOCK) {
          for (int bx = 0; bx + BLOCK <= w; bx += BLOCK) {
            double both = 0;
            double rows = 0;
            double cols = 0;
            for (int i = 0; i < BLOCK; i++) {
              for (int j = 0; j < BLOCK; j++) {
                double v = images.get(n, by + i, bx + j, c) / 255.0;
                both += ((i + j) % 2 == 0 ? v : -v);
                rows += (i % 2 == 0 ? v : -v);
                cols += (j % 2 == 0 ? v : -v);
              }
            }
            double area = BLOCK * BLOCK;
            sum += Math.sqrt(both * both + rows * rows + cols * cols) / area;
            blocks++;
          }
        }
      }
    }
    return blocks == 0 ? 0 : 1000 * sum / blocks;
  }
}
