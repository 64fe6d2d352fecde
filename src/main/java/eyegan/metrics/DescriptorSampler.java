package eyegan.metrics;

import eyegan.image.RgbImages;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Cuts random square neighbourhoods out of the Laplacian pyramid levels of every image, as ProGAN's
 * {@code get_descriptors_for_minibatch}: centres uniform over the positions where the whole
 * neighbourhood lies inside the level, all three colour channels per neighbourhood.
 */
final class DescriptorSampler {
  /**
   * Pixels are centred on mid-grey before the pyramid. Standardisation removes any constant offset, but
   * centred values keep float sums small, and so exact, on the last (Gaussian) level.
   */
  private static final float PIXEL_OFFSET = 127.5f;

  private final SwdSettings settings;
  private final long seed;

  DescriptorSampler(SwdSettings settings, long seed) {
    this.settings = settings;
    this.seed = seed;
  }

  /**
   * Descriptors of the requested levels, in parallel over images.
   *
   * @param levelCount levels of the full pyramid ({@link PyramidLevels#count})
   * @param wanted level indices to sample, each in {@code [0, levelCount)}
   * @return one entry per wanted level, in the order given
   */
  LevelDescriptors[] sample(RgbImages images, int levelCount, int... wanted) {
    int maxWanted = 0;
    for (int l : wanted) {
      if (l < 0 || l >= levelCount) {
        throw new IllegalArgumentException("level " + l + " not in [0, " + levelCount + ")");
      }
      maxWanted = Math.max(maxWanted, l);
    }
    // Level l is band-pass only if level l+1 exists, so build one more than needed unless l is the last.
    int built = Math.min(maxWanted + 2, levelCount);
    int side = settings.patchSize();
    LevelDescriptors[] out = new LevelDescriptors[wanted.length];
    for (int w = 0; w < wanted.length; w++) {
      out[w] = new LevelDescriptors(images.count(), settings.patchesPerImage(), side);
    }
    IntStream.range(0, images.count()).parallel().forEach(i -> sampleImage(images, i, built, wanted, out));
    return out;
  }

  private void sampleImage(RgbImages images, int i, int built, int[] wanted, LevelDescriptors[] out) {
    int h = images.height();
    int w = images.width();
    byte[] px = images.pixels();
    int base = i * images.imageBytes();
    long hash = Seeds.contentHash(px, base, images.imageBytes());
    float[][][] pyramid = new float[RgbImages.CHANNELS][][];
    for (int c = 0; c < RgbImages.CHANNELS; c++) {
      float[] plane = new float[h * w];
      for (int p = 0; p < plane.length; p++) {
        plane[p] = (px[base + p * RgbImages.CHANNELS + c] & 0xFF) - PIXEL_OFFSET;
      }
      pyramid[c] = LaplacianPyramid.build(plane, h, w, built);
    }
    for (int n = 0; n < wanted.length; n++) {
      int level = wanted[n];
      extract(pyramid, level, h >> level, w >> level, new SplittableRandom(Seeds.mix(seed, Seeds.PATCHES, level, hash)), out[n], i);
    }
  }

  private static void extract(
      float[][][] pyramid, int level, int h, int w, SplittableRandom random, LevelDescriptors d, int image) {
    int side = d.side;
    int r = side / 2;
    int patches = d.patches;
    int first = d.firstRow(image);
    double[] sums = new double[RgbImages.CHANNELS];
    double[] squares = new double[RgbImages.CHANNELS];
    for (int p = 0; p < patches; p++) {
      // Same bounds as numpy's randint(r, size - r): the neighbourhood never leaves the level.
      int cy = random.nextInt(r, h - r);
      int cx = random.nextInt(r, w - r);
      for (int c = 0; c < RgbImages.CHANNELS; c++) {
        float[] plane = pyramid[c][level];
        for (int dy = 0; dy < side; dy++) {
          int row = (cy + dy - r) * w + cx - r;
          int k = (c * side + dy) * side;
          for (int dx = 0; dx < side; dx++) {
            float v = plane[row + dx];
            d.rows[first + k + dx][p] = v;
            sums[c] += v;
            squares[c] += (double) v * v;
          }
        }
      }
    }
    for (int c = 0; c < RgbImages.CHANNELS; c++) {
      d.channelSums[image * RgbImages.CHANNELS + c] = sums[c];
      d.channelSquares[image * RgbImages.CHANNELS + c] = squares[c];
    }
  }
}
