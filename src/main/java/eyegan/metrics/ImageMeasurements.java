package eyegan.metrics;

/**
 * What the pretrained networks and the colour statistics say about each image of a set, computed
 * once so that every measure (and every part of the set, for the spread) reads from it.
 *
 * @param features MobileNetV2 features, [count][1792]
 * @param shapes {@link EyeShape} features, [count][5], NaN where no eye geometry could be read
 * @param colours {@link ImageColour} features, [count][3]
 */
public record ImageMeasurements(float[][] features, double[][] shapes, double[][] colours) {
  public ImageMeasurements {
    if (features.length != shapes.length || features.length != colours.length) {
      throw new IllegalArgumentException("measurements of different counts: " + features.length + ", "
          + shapes.length + ", " + colours.length);
    }
  }

  /** Images measured. */
  public int count() {
    return features.length;
  }

  /** Column {@code j} of {@code rows} at the given row indices. */
  static double[] column(double[][] rows, int[] at, int j) {
    double[] out = new double[at.length];
    for (int i = 0; i < at.length; i++) {
      out[i] = rows[at[i]][j];
    }
    return out;
  }

  /** 0, 1, ..., n - 1. */
  static int[] all(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }
}
