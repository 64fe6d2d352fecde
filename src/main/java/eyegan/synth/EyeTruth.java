package eyegan.synth;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.SplittableRandom;

/**
 * Where the renderer put the iris and the eye corners of one built-in synthetic eye, in image
 * coordinates as fractions of the image side (x right, y down, (0, 0) the top-left corner of the
 * top-left pixel; multiply by the image size for pixels). What the renderer knows and an eye
 * landmark model has to estimate, so its estimates can be scored.
 *
 * @param irisX iris centre
 * @param irisY iris centre
 * @param irisRadius iris radius (the whole disc, including what the lids cover)
 * @param outerX outer eye corner (where the lids meet away from the nose)
 * @param outerY outer eye corner
 * @param innerX inner eye corner
 * @param innerY inner eye corner
 * @param mirrored true for a left eye (outer corner on the viewer's right)
 */
public record EyeTruth(
    double irisX, double irisY, double irisRadius,
    double outerX, double outerY, double innerX, double innerY, boolean mirrored) {

  /** Distance between the corners: the eye's width. */
  public double eyeWidth() {
    return Math.hypot(innerX - outerX, innerY - outerY);
  }

  /** The truth of image {@code index} of the set for {@code seed} (any size: it is size-free). */
  public static EyeTruth of(long seed, int index) {
    EyeParams p = EyeParams.sample(new SplittableRandom(SyntheticEyes.mix(seed, index)));
    EyeGeometry geo = new EyeGeometry(p);
    AffineTransform t = EyeRenderer.framing(p);
    Point2D iris = t.transform(new Point2D.Double(geo.irisX, geo.irisY), null);
    Point2D outer = t.transform(new Point2D.Double(geo.upper.x0(), geo.upper.y0()), null);
    Point2D inner = t.transform(new Point2D.Double(geo.upper.x1(), geo.upper.y1()), null);
    return new EyeTruth(iris.getX(), iris.getY(), p.irisRadius() * p.scale(),
        outer.getX(), outer.getY(), inner.getX(), inner.getY(), p.mirrored());
  }
}
