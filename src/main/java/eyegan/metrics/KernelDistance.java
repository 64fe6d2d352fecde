package eyegan.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The kernel inception distance (KID, Binkowski et al. 2018, "Demystifying MMD GANs"): the squared
 * maximum mean discrepancy between two sets of image features under the cubic polynomial kernel
 * {@code k(x, y) = (x . y / d + 1)^3}, estimated without bias,
 *
 * <pre>MMD^2 = mean_{i != j} k(x_i, x_j) + mean_{i != j} k(y_i, y_j) - 2 mean_{i, j} k(x_i, y_j)</pre>
 *
 * on random subsets of {@code m} features of each set; the reported value is the mean over subsets
 * and its spread their standard deviation, as the paper and its reference code report it. Unlike
 * FID it has no bias that depends on the sample size, so a few hundred images suffice and two real
 * sets score 0 on average (single estimates can be slightly negative).
 *
 * <p>The kernel matrices are computed once ({@link #kernel}) and subsets index into them.
 */
public final class KernelDistance {
  /** Subsets averaged per estimate. */
  public static final int SUBSETS = 100;

  /**
   * One KID estimate.
   *
   * @param value mean of the subset estimates of MMD^2
   * @param subsetStd standard deviation of the subset estimates
   * @param subsets subsets averaged
   * @param subsetSize features of each set per subset
   */
  public record Kid(
      double value,
      @JsonProperty("subset_std") double subsetStd,
      int subsets,
      @JsonProperty("subset_size") int subsetSize) {}

  private KernelDistance() {}

  /** {@code k(a_i, b_j)} for every pair: [a.length][b.length]; all vectors of one length d. */
  public static double[][] kernel(float[][] a, float[][] b) {
    int d = a[0].length;
    double[][] k = new double[a.length][b.length];
    IntStream.range(0, a.length).parallel().forEach(i -> {
      float[] x = a[i];
      for (int j = 0; j < b.length; j++) {
        float[] y = b[j];
        if (y.length != d) {
          throw new IllegalArgumentException("features differ in length: " + d + " and " + y.length);
        }
        // Four partial sums: independent chains the CPU can overlap, and double precision for d ~ 2000.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = 0;
        for (; t + 4 <= d; t += 4) {
          s0 += x[t] * (double) y[t];
          s1 += x[t + 1] * (double) y[t + 1];
          s2 += x[t + 2] * (double) y[t + 2];
          s3 += x[t + 3] * (double) y[t + 3];
        }
        for (; t < d; t++) {
          s0 += x[t] * (double) y[t];
        }
        double v = (s0 + s1 + s2 + s3) / d + 1;
        k[i][j] = v * v * v;
      }
    });
    return k;
  }

  /**
   * KID between the features {@code xs} of one set and {@code ys} of the other, given as indices into
   * the kernel matrices {@code kxx} (x against x), {@code kyy} and {@code kxy} (x rows, y columns).
   * Subsets hold {@code m = min(|xs|, |ys|) / 2} features each (at least 2), drawn without
   * replacement, {@link #SUBSETS} of them, seeded.
   */
  public static Kid kid(double[][] kxx, double[][] kyy, double[][] kxy, int[] xs, int[] ys, long seed) {
    int m = Math.max(2, Math.min(xs.length, ys.length) / 2);
    if (xs.length < 2 || ys.length < 2) {
      throw new IllegalArgumentException("KID needs at least 2 features per set, got " + xs.length + " and " + ys.length);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double sum = 0;
    double sumSq = 0;
    for (int s = 0; s < SUBSETS; s++) {
      int[] a = choose(xs, m, rng);
      int[] b = choose(ys, m, rng);
      double v = mmd2(kxx, kyy, kxy, a, b);
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / SUBSETS;
    double var = Math.max(0, sumSq / SUBSETS - mean * mean) * SUBSETS / (SUBSETS - 1);
    return new Kid(mean, Math.sqrt(var), SUBSETS, m);
  }

  /** The unbiased MMD^2 estimate of one pair of index subsets. */
  static double mmd2(double[][] kxx, double[][] kyy, double[][] kxy, int[] a, int[] b) {
    int m = a.length;
    int n = b.length;
    double xx = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        if (i != j) {
          xx += kxx[a[i]][a[j]];
        }
      }
    }
    double yy = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          yy += kyy[b[i]][b[j]];
        }
      }
    }
    double xy = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        xy += kxy[a[i]][b[j]];
      }
    }
    return xx / (m * (m - 1.0)) + yy / (n * (n - 1.0)) - 2 * xy / ((double) m * n);
  }

  /** {@code m} distinct entries of {@code from}, a partial Fisher-Yates shuffle. */
  private static int[] choose(int[] from, int m, SplittableRandom rng) {
    int[] pool = from.clone();
    for (int i = 0; i < m; i++) {
      int j = i + rng.nextInt(pool.length - i);
      int t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
    }
    return java.util.Arrays.copyOf(pool, m);
  }
}
