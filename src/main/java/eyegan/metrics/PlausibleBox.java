package eyegan.metrics;

/**
 * The box of plausible eye geometry: per {@link EyeShape} feature, the 1st to 99th percentile of the
 * real images. An image is a plausible eye when every feature lies inside (a missing feature counts
 * as outside). About 95% of other real images land inside (five features each cut 2%, correlated),
 * noise and malformed eyes far fewer.
 */
final class PlausibleBox {
  /** Lower and upper percentile of the box. */
  static final double LOW = 0.01;
  static final double HIGH = 0.99;

  private final double[] lo;
  private final double[] hi;

  private PlausibleBox(double[] lo, double[] hi) {
    this.lo = lo;
    this.hi = hi;
  }

  /** The box of the rows {@code at} of {@code shapes} (NaN values left out). */
  static PlausibleBox of(double[][] shapes, int[] at) {
    int f = EyeShape.NAMES.length;
    double[] lo = new double[f];
    double[] hi = new double[f];
    for (int j = 0; j < f; j++) {
      double[] v = java.util.Arrays.stream(ImageMeasurements.column(shapes, at, j)).filter(x -> !Double.isNaN(x)).sorted().toArray();
      lo[j] = v.length == 0 ? Double.NaN : quantile(v, LOW);
      hi[j] = v.length == 0 ? Double.NaN : quantile(v, HIGH);
    }
    return new PlausibleBox(lo, hi);
  }

  /** Share of the rows {@code at} inside the box on every feature. */
  double share(double[][] shapes, int[] at) {
    int inside = 0;
    for (int i : at) {
      boolean ok = true;
      for (int j = 0; j < lo.length && ok; j++) {
        double v = shapes[i][j];
        ok = v >= lo[j] && v <= hi[j]; // false for NaN
      }
      inside += ok ? 1 : 0;
    }
    return (double) inside / at.length;
  }

  /** Linear interpolation between order statistics (numpy's default) of sorted {@code v}. */
  static double quantile(double[] v, double q) {
    double pos = q * (v.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(i + 1, v.length - 1);
    return v[i] + (v[j] - v[i]) * (pos - i);
  }
}
