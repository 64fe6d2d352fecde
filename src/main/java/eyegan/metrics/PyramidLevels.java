package eyegan.metrics;

/**
 * Which pyramid levels an image size gets: full size, then halves, as long as the smaller side stays at
 * least the minimum resolution (128 px: 128, 64, 32, 16). Levels are labelled by their height.
 */
final class PyramidLevels {
  private PyramidLevels() {}

  /** Number of levels for {@code height x width} images; every halving before the last must be exact. */
  static int count(int height, int width, int minResolution) {
    int smaller = Math.min(height, width);
    if (smaller < minResolution) {
      throw new IllegalArgumentException(
          "images of " + width + "x" + height + " are smaller than the smallest SWD level ("
              + minResolution + " px)");
    }
    // Largest l with smaller / 2^l >= minResolution, plus one.
    int levels = 31 - Integer.numberOfLeadingZeros(smaller / minResolution) + 1;
    int step = 1 << (levels - 1);
    if (height % step != 0 || width % step != 0) {
      throw new IllegalArgumentException(
          "SWD needs image sides divisible by " + step + " for " + levels + " pyramid levels down to "
              + minResolution + " px, got " + width + "x" + height);
    }
    return levels;
  }

  /** Height of each level: {@code height >> l}. */
  static int[] resolutions(int height, int width, int minResolution) {
    int n = count(height, width, minResolution);
    int[] res = new int[n];
    for (int l = 0; l < n; l++) {
      res[l] = height >> l;
    }
    return res;
  }
}
