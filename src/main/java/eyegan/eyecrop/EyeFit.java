package eyegan.eyecrop;

import eyegan.metrics.EyeShape;
import eyegan.pretrained.EyeLandmarks;

/**
 * One eye as the iris network found it, in photo pixels (x right, y down): its two corners, iris and
 * opening. The corners are those of the lid contour ({@link EyeLandmarks#OUTER_CORNER} and {@link
 * EyeLandmarks#INNER_CORNER}), named by where they lie in the photo, so that the line from {@code
 * left} to {@code right} runs left to right across the face and its angle is the eye's tilt.
 *
 * @param points the 76 landmarks, x and y in photo pixels, flattened (z dropped)
 * @param leftX corner on the photo's left
 * @param leftY corner on the photo's left
 * @param rightX corner on the photo's right
 * @param rightY corner on the photo's right
 * @param irisX iris centre
 * @param irisY iris centre
 * @param irisRadius mean distance of the four iris boundary points from the iris centre, pixels
 * @param irisRoundness standard deviation of those four distances / their mean (0 = a perfect circle)
 * @param opening largest distance of a lower-lid point below the corner line plus the largest of an
 *     upper-lid point above it, / the eye's width (about 0.3 for an open eye, under 0.1 for a closed one)
 */
public record EyeFit(float[] points, double leftX, double leftY, double rightX, double rightY,
    double irisX, double irisY, double irisRadius, double irisRoundness, double opening) {

  /** Distance between the corners, pixels. */
  public double width() {
    return Math.hypot(rightX - leftX, rightY - leftY);
  }

  /** Tilt of the corner line, radians, positive when the right corner is lower (clockwise on screen). */
  public double angle() {
    return Math.atan2(rightY - leftY, rightX - leftX);
  }

  /** Midpoint of the corners: the centre of the eye opening. */
  public double centerX() {
    return (leftX + rightX) / 2;
  }

  public double centerY() {
    return (leftY + rightY) / 2;
  }

  /**
   * Fits the eye to the 76 landmarks {@code xy} (x, y pairs in photo pixels, MediaPipe's point order,
   * see {@link EyeLandmarks}).
   */
  public static EyeFit of(float[] xy) {
    if (xy.length != EyeLandmarks.POINTS * 2) {
      throw new IllegalArgumentException("need " + EyeLandmarks.POINTS * 2 + " values, got " + xy.length);
    }
    int a = EyeLandmarks.OUTER_CORNER;
    int b = EyeLandmarks.INNER_CORNER;
    if (xy[2 * a] > xy[2 * b]) {
      int t = a;
      a = b;
      b = t;
    }
    double lx = xy[2 * a];
    double ly = xy[2 * a + 1];
    double rx = xy[2 * b];
    double ry = xy[2 * b + 1];
    double width = Math.hypot(rx - lx, ry - ly);
    // The iris and the opening as the realism measures see them (the same landmarks, the same
    // corner line), scaled back to photo pixels where they are lengths.
    float[] xyz = new float[EyeLandmarks.POINTS * 3];
    for (int p = 0; p < EyeLandmarks.POINTS; p++) {
      xyz[3 * p] = xy[2 * p];
      xyz[3 * p + 1] = xy[2 * p + 1];
    }
    EyeShape shape = EyeShape.of(new EyeLandmarks(xyz));
    int c = EyeLandmarks.IRIS_CENTER;
    return new EyeFit(xy.clone(), lx, ly, rx, ry, xy[2 * c], xy[2 * c + 1], shape.irisRadius() * width,
        shape.irisRoundness(), width > 0 ? shape.opening() : 0);
  }
}
