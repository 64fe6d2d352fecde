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
  /*
   * Upsampling inserts a zero after every sample, which keeps a quarter of the 2-D energy, so pyrUp's
   * kernel is 4x the binomial one, 2x per axis: [2, 8, 12, 8, 2] / 16.
   */
  /** Scale of (1, 6, 1), the taps 2, 12, 2 of [2, 8, 12, 8, 2] / 16 that an even output of pyrUp sees. */
  private static final float EVEN_TAP = 2 / 16f;
  /** The taps 8, 8 of [2, 8, 12, 8, 2] / 16 that an odd output of pyrUp sees. */
  private static final float ODD_TAP = 8 / 16f;

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
   *
   * <p>Of the 5 taps per axis only those on non-zero samples count, so per axis an even output is
   * {@code (s[i-1] + 6 s[i] + s[i+1]) / 8} and an odd one {@code (s[i] + s[i+1]) / 2}. Mirroring the
   * doubled grid maps {@code s[-1]} to {@code s[1]} but {@code s[w]} to {@code s[w-1]}: the two borders
   * differ, which is why this is not simply a mirrored convolution of the source.
   */
  static float[] pyrUp(float[] src, int h, int w) {
    int wide = 2 * w;
    int tall = 2 * h;
    float[] rows = new float[h * wide];
    float[] padded = new float[w + 2];
    for (int y = 0; y < h; y++) {
      System.arraycopy(src, y * w, padded, 1, w);
      padded[0] = w > 1 ? src[y * w + 1] : src[y * w];
      padded[w + 1] = src[y * w + w - 1];
      int o = y * wide;
      for (int i = 0; i < w; i++) {
        rows[o + 2 * i] = (padded[i] + 6 * padded[i + 1] + padded[i + 2]) * EVEN_TAP;
        rows[o + 2 * i + 1] = (padded[i + 1] + padded[i + 2]) * ODD_TAP;
      }
    }
    float[] out = new float[tall * wide];
    for (int i = 0; i < h; i++) {
      int above = (i == 0 ? (h > 1 ? 1 : 0) : i - 1) * wide;
      int here = i * wide;
      int below = (i == h - 1 ? i : i + 1) * wide;
      int even = 2 * i * wide;
      int odd = even + wide;
      for (int x = 0; x < wide; x++) {
        out[even + x] = (rows[above + x] + 6 * rows[here + x] + rows[below + x]) * EVEN_TAP;
        out[odd + x] = (rows[here + x] + rows[below + x]) * ODD_TAP;
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
