package eyegan.pretrained;

/**
 * The 76 points the iris model finds on one eye, mapped back into the source image: x and y as
 * fractions of its width and height, z (relative depth, as the model reports it) scaled like x.
 * Point order is MediaPipe's: 0..8 the lower lid margin from the outer to the inner corner (0 and 8
 * are the corners), 9..15 the upper lid margin from outer to inner, 16..62 rings further out around
 * the eye, 63..70 the brow, then {@link #IRIS_CENTER} and four iris boundary points.
 *
 * <p>"Outer" is in the model's frame: it expects a right eye (outer corner on the viewer's left).
 * On a left eye shown as it is, point 0 lands on the corner the model takes for the outer one.
 *
 * @param xyz 76 x (x, y, z), flattened
 */
public record EyeLandmarks(float[] xyz) {
  /** Points per eye. */
  public static final int POINTS = 76;
  /** Index of the outer corner (lower lid's first point). */
  public static final int OUTER_CORNER = 0;
  /** Index of the inner corner (lower lid's last point). */
  public static final int INNER_CORNER = 8;
  /** Lower lid margin: indices {@code [0, 9)}. */
  public static final int LOWER_LID_END = 9;
  /** Upper lid margin: indices {@code [9, 16)}. */
  public static final int UPPER_LID_END = 16;
  /** Iris centre; the next four points lie on the iris boundary. */
  public static final int IRIS_CENTER = 71;

  public EyeLandmarks {
    if (xyz.length != POINTS * 3) {
      throw new IllegalArgumentException("need " + POINTS * 3 + " values, got " + xyz.length);
    }
  }

  public double x(int point) {
    return xyz[3 * point];
  }

  public double y(int point) {
    return xyz[3 * point + 1];
  }
}
