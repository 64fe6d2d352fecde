package eyegan.metrics;

import java.util.Arrays;

/**
 * The 1-D Wasserstein-1 distance between two empirical distributions: the area between their
 * cumulative distribution functions, {@code integral |F_a(t) - F_b(t)| dt}, which for equal sizes is
 * the mean absolute difference of the sorted samples. In the samples' own units (a shift of every
 * value by c gives exactly |c|). Sizes may differ.
 */
public final class Wasserstein1D {
  private Wasserstein1D() {}

  /** W1 between the samples {@code a} and {@code b}, both non-empty; NaN values are refused. */
  public static double distance(double[] a, double[] b) {
    if (a.length == 0 || b.length == 0) {
      throw new IllegalArgumentException("both samples need values, got " + a.length + " and " + b.length);
    }
    double[] x = a.clone();
    double[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    if (Double.isNaN(x[x.length - 1]) || Double.isNaN(y[y.length - 1])) {
      throw new IllegalArgumentException("NaN in a sample");
    }
    // Walk both sorted samples; between consecutive breakpoints both CDFs are constant.
    int i = 0;
    int j = 0;
    double sum = 0;
    double prev = Math.min(x[0], y[0]);
    while (i < x.length || j < y.length) {
      double next;
      if (j >= y.length || (i < x.length && x[i] <= y[j])) {
        next = x[i];
      } else {
        next = y[j];
      }
      double fa = (double) i / x.length;
      double fb = (double) j / y.length;
      sum += Math.abs(fa - fb) * (next - prev);
      prev = next;
      if (j >= y.length || (i < x.length && x[i] <= y[j])) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }
}
