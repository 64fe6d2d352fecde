package eyegan.metrics;

import eyegan.pretrained.EyeLandmarks;

/**
 * Five numbers that describe the geometry of one eye, from the iris model's landmarks, each free of
 * the image's scale (lengths are divided by the eye's width, the distance between its corners):
 *
 * <ol>
 *   <li>{@code iris_radius}: iris radius / eye width (the mean distance of the four iris boundary
 *       points from the iris centre). Human eyes: about 0.2.
 *   <li>{@code iris_along}: where the iris centre sits between the corners, 0 at the corner on the
 *       image's left, 1 at the right one (0.5 = looking straight ahead).
 *   <li>{@code iris_across}: how far the iris centre sits below (+) or above (-) the line through
 *       the corners, / eye width.
 *   <li>{@code opening}: the eye's opening, the largest distance of a lower-lid point below that line
 *       plus the largest of an upper-lid point above it, / eye width.
 *   <li>{@code iris_roundness}: the spread of the four iris boundary points around their circle, the
 *       standard deviation of their distances from the centre / their mean (0 = a perfect circle).
 * </ol>
 *
 * Every feature is measured in image coordinates (left and right as the viewer sees them), so
 * landmarks found on an image and on its mirror image (mapped back) describe the same eye; {@link
 * #mean} averages the two.
 */
public record EyeShape(double irisRadius, double irisAlong, double irisAcross, double opening, double irisRoundness) {
  /** Feature names, in {@link #features()} order, as JSON and tables print them. */
  public static final String[] NAMES = {"iris_radius", "iris_along", "iris_across", "opening", "iris_roundness"};

  /** The five features in {@link #NAMES} order. */
  public double[] features() {
    return new double[] {irisRadius, irisAlong, irisAcross, opening, irisRoundness};
  }

  /** The shape the landmarks describe. */
  public static EyeShape of(EyeLandmarks l) {
    // The corners ordered by image x, so "along" runs left to right whatever the model took for outer.
    int first = l.x(EyeLandmarks.OUTER_CORNER) <= l.x(EyeLandmarks.INNER_CORNER) ? EyeLandmarks.OUTER_CORNER : EyeLandmarks.INNER_CORNER;
    int second = first == EyeLandmarks.OUTER_CORNER ? EyeLandmarks.INNER_CORNER : EyeLandmarks.OUTER_CORNER;
    double ax = l.x(first);
    double ay = l.y(first);
    double ex = l.x(second) - ax;
    double ey = l.y(second) - ay;
    double width = Math.hypot(ex, ey);
    if (!(width > 0)) {
      return new EyeShape(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    ex /= width;
    ey /= width;
    // Unit normal pointing down the image (y grows downward): the axis turned a quarter clockwise.
    double nx = -ey;
    double ny = ex;
    double midX = ax + ex * width / 2;
    double midY = ay + ey * width / 2;

    int c = EyeLandmarks.IRIS_CENTER;
    double cx = l.x(c);
    double cy = l.y(c);
    double along = ((cx - ax) * ex + (cy - ay) * ey) / width;
    double across = ((cx - midX) * nx + (cy - midY) * ny) / width;

    double[] r = new double[4];
    double mean = 0;
    for (int k = 0; k < 4; k++) {
      r[k] = Math.hypot(l.x(c + 1 + k) - cx, l.y(c + 1 + k) - cy);
      mean += r[k] / 4;
    }
    double var = 0;
    for (double v : r) {
      var += (v - mean) * (v - mean) / 4;
    }
    double below = Double.NEGATIVE_INFINITY;
    for (int p = 0; p < EyeLandmarks.LOWER_LID_END; p++) {
      below = Math.max(below, (l.x(p) - midX) * nx + (l.y(p) - midY) * ny);
    }
    double above = Double.NEGATIVE_INFINITY;
    for (int p = EyeLandmarks.LOWER_LID_END; p < EyeLandmarks.UPPER_LID_END; p++) {
      above = Math.max(above, -((l.x(p) - midX) * nx + (l.y(p) - midY) * ny));
    }
    return new EyeShape(mean / width, along, across, (below + above) / width, mean > 0 ? Math.sqrt(var) / mean : Double.NaN);
  }

  /** The feature-wise mean of two readings of one eye (the image and its mirror image). */
  public static EyeShape mean(EyeShape a, EyeShape b) {
    return new EyeShape((a.irisRadius + b.irisRadius) / 2, (a.irisAlong + b.irisAlong) / 2,
        (a.irisAcross + b.irisAcross) / 2, (a.opening + b.opening) / 2, (a.irisRoundness + b.irisRoundness) / 2);
  }
}
