package eyegan.report;

/** Thinning and smoothing of plotted series; NaN marks a missing value and is skipped, never spread. */
final class SeriesMath {
  private SeriesMath() {}

  /**
   * Averages consecutive points into at most {@code max} buckets (x and y alike).
   *
   * @return {@code {x, y}}, the input itself when it is short enough
   */
  static double[][] bucketMeans(double[] x, double[] y, int max) {
    int n = x.length;
    if (n <= max) {
      return new double[][] {x, y};
    }
    double[] bx = new double[max];
    double[] by = new double[max];
    for (int b = 0; b < max; b++) {
      int from = (int) ((long) b * n / max);
      int to = (int) ((long) (b + 1) * n / max);
      double sx = 0;
      double sy = 0;
      int finite = 0;
      for (int i = from; i < to; i++) {
        sx += x[i];
        if (!Double.isNaN(y[i])) {
          sy += y[i];
          finite++;
        }
      }
      bx[b] = sx / (to - from);
      by[b] = finite > 0 ? sy / finite : Double.NaN;
    }
    return new double[][] {bx, by};
  }

  /** Trailing mean over the last {@code window} values (fewer at the start), ignoring NaN. */
  static double[] movingAverage(double[] y, int window) {
    double[] out = new double[y.length];
    double sum = 0;
    int count = 0;
    for (int i = 0; i < y.length; i++) {
      if (!Double.isNaN(y[i])) {
        sum += y[i];
        count++;
      }
      if (i >= window && !Double.isNaN(y[i - window])) {
        sum -= y[i - window];
        count--;
      }
      out[i] = count > 0 ? sum / count : Double.NaN;
    }
    return out;
  }
}
