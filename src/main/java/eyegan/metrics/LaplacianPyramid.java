package eyegan.metrics;

/**
 * The Laplacian pyramid of one image plane as ProGAN's SWD builds it, which matches OpenCV's
 * {@code pyrDown}/{@code pyrUp}: a 5x5 binomial kernel ([1,4,6,4,1]/16 on each axis), borders mirrored
 * without repeating the edge pixel ({@code d c b | a b c d | c b a}, scipy's "mirror",
 * OpenCV's REFLECT_101).
 *
 * <p>Planes are row-major float arrays of {@code height * width}. Level 0 has the input size and each
 * further level half of it; every level but the last is a band-pass (Laplacian) image, the last is the
 * smallest Gaussian (blurred, downsampled) image, so the levels sum back to the input.
 */
final class LaplacianPyramid {
  /** Border pixels a 5-tap kernel reaches past each side. */
  private static final int RADIUS = 2;
  /** [1, 4, 6, 4, 1] / 16; its outer product with itself is the 5x5 kernel. */
  static final float[] BINOMIAL = {1 / 16f, 4 / 16f, 6 / 16f, 4 / 16f, 1 / 16f};
  /**
   * Upsampling inserts a zero after every sample, which keeps a quarter of the 2-D energy, so the kernel
   * is multiplied by 4, that is by 2 per axis.
   */
  private static final float[] BINOMIAL_X2 = {2 / 16f, 8 / 16f, 12 / 16f, 8 / 16f, 2 / 16f};

  private LaplacianPyramid() {}

  /**
   * Builds {@code levels} planes from {@code plane}.
   *
   * @param height rows, divisible by {@code 2^(levels-1)}
   * @param width columns, divisible by {@code 2^(levels-1)}
   * @return level {@code l} has size {@code (height >> l) x (width >> l)}
   */
  static float[][] build(float[] plane, int height, int width, int levels) {
    if (levels < 1) {
      throw new IllegalArgumentException("levels must be >= 1, got " + levels);
    }
    int step = 1 << (levels - 1);
    if (height % step != 0 || width % step != 0) {
      throw new IllegalArgumentException(
          levels + " pyramid levels need a size divisible by " + step + ", got " + height + "x" + width);
    }
    float[][] out = new float[levels][];
    float[] gaussian = plane;
    int h = height;
    int w = width;
    for (int l = 0; l < levels - 1; l++) {
      float[] down = pyrDown(gaussian, h, w);
      float[] up = pyrUp(down, h / 2, w / 2);
      float[] band = new float[h * w];
      for (int i = 0; i < band.length; i++) {
        band[i] = gaussian[i] - up[i];
      }
      out[l] = band;
      gaussian = down;
      h /= 2;
      w /= 2;
    }
    out[levels - 1] = gaussian == plane ? plane.clone() : gaussian;
    return out;
  }

  /** Blurs with the 5x5 binomial kernel and keeps every second pixel: {@code (h/2) x (w/2)}; h, w even. */
  static float[] pyrDown(float[] src, int h, int w) {
    int w2 = w / 2;
    int h2 = h / 2;
    // Horizontal pass, only at the even columns that survive.
    float[] rows = new float[h * w2];
    float[] padded = new float[w + 2 * RADIUS];
    for (int y = 0; y < h; y++) {
      padMirrored(src, y * w, w, padded);
      int o = y * w2;
      for (int x = 0; x < w2; x++) {
        int p = 2 * x;
        rows[o + x] =
            BINOMIAL[0] * padded[p]
                + BINOMIAL[1] * padded[p + 1]
                + BINOMIAL[2] * padded[p + 2]
                + BINOMIAL[3] * padded[p + 3]
                + BINOMIAL[4] * padded[p + 4];
      }
    }
    // Vertical pass, only at the even rows; row-wise so the inner loop is contiguous.
    float[] out = new float[h2 * w2];
    for (int y = 0; y < h2; y++) {
      int o = y * w2;
      for (int t = 0; t < BINOMIAL.length; t++) {
        int r = mirror(2 * y + t - RADIUS, h) * w2;
        float k = BINOMIAL[t];
        for (int x = 0; x < w2; x++) {
          out[o + x] += k * rows[r + x];
        }
      }
    }
    return out;
  }

  /**
   * Inserts a zero after every sample on both axes and blurs with 4x the binomial kernel, mirrored at
   * the borders of the doubled grid: {@code (2h) x (2w)}.
   */
  static float[] pyrUp(float[] src, int h, int w) {
    int wide = 2 * w;
    int tall = 2 * h;
    // Horizontal pass on each source row (the zero rows between them stay zero).
    float[] rows = new float[h * wide];
    float[] padded = new float[wide + 2 * RADIUS];
    for (int y = 0; y < h; y++) {
      for (int e = -RADIUS; e < wide + RADIUS; e++) {
        int m = mirror(e, wide);
        padded[e + RADIUS] = (m & 1) == 0 ? src[y * w + m / 2] : 0f;
      }
      int o = y * wide;
      for (int x = 0; x < wide; x++) {
        rows[o + x] =
            BINOMIAL_X2[0] * padded[x]
                + BINOMIAL_X2[1] * padded[x + 1]
                + BINOMIAL_X2[2] * padded[x + 2]
                + BINOMIAL_X2[3] * padded[x + 3]
                + BINOMIAL_X2[4] * padded[x + 4];
      }
    }
    // Vertical pass: of the 5 taps only those landing on an even (non-zero) row of the doubled grid count.
    float[] out = new float[tall * wide];
    for (int y = 0; y < tall; y++) {
      int o = y * wide;
      for (int t = 0; t < BINOMIAL_X2.length; t++) {
        int m = mirror(y + t - RADIUS, tall);
        if ((m & 1) != 0) {
          continue;
        }
        int r = (m / 2) * wide;
        float k = BINOMIAL_X2[t];
        for (int x = 0; x < wide; x++) {
          out[o + x] += k * rows[r + x];
        }
      }
    }
    return out;
  }

  /** Copies {@code n} values from {@code src[offset..]} into {@code padded} with RADIUS mirrored values each side. */
  private static void padMirrored(float[] src, int offset, int n, float[] padded) {
    System.arraycopy(src, offset, padded, RADIUS, n);
    for (int e = 1; e <= RADIUS; e++) {
      padded[RADIUS - e] = src[offset + mirror(-e, n)];
      padded[RADIUS + n - 1 + e] = src[offset + mirror(n - 1 + e, n)];
    }
  }

  /** Index {@code i} reflected into {@code [0, n)} without repeating the edge (period {@code 2n - 2}). */
  static int mirror(int i, int n) {
    if (n == 1) {
      return 0;
    }
    int period = 2 * n - 2;
    int m = Math.floorMod(i, period);
    return m < n ? m : period - m;
  }
}
