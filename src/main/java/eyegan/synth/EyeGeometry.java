package eyegan.synth;

import java.awt.geom.Path2D;

/**
 * The curves of one eye in canvas units, right-eye orientation (outer corner left, inner corner
 * right, y down): the upper and lower lid margins (both outer to inner), the lid crease, and the
 * lower edge of the brow (inner end to outer end).
 */
final class EyeGeometry {
  /** A cubic's control points at height h put its apex at 3/4 h; this puts the apex at h. */
  private static final double APEX = 4.0 / 3.0;

  final Cubic upper;
  final Cubic lower;
  final Cubic crease;
  final Cubic brow;
  final Path2D.Double aperture;
  final double irisX;
  final double irisY;

  EyeGeometry(EyeParams p) {
    double cx = p.centreX();
    double cy = p.centreY();
    double w = p.width();
    double outerX = cx - w / 2;
    double outerY = cy - p.outerLift() / 2;
    double innerX = cx + w / 2;
    double innerY = cy + p.outerLift() / 2;
    double peak = p.upperPeak() * 0.12 * w;

    upper = new Cubic(outerX, outerY,
        cx - 0.26 * w + peak, cy - APEX * p.openUp(),
        cx + 0.30 * w + peak, cy - APEX * p.openUp(),
        innerX, innerY);
    lower = new Cubic(outerX, outerY,
        cx - 0.24 * w, cy + APEX * p.openDown(),
        cx + 0.30 * w, cy + APEX * p.openDown(),
        innerX, innerY);
    double gap = p.creaseGap();
    crease = new Cubic(outerX - 0.03 * w, outerY - 0.25 * gap,
        cx - 0.26 * w + peak, cy - APEX * (p.openUp() + gap),
        cx + 0.28 * w + peak, cy - APEX * (p.openUp() + gap * 0.95),
        innerX - 0.06 * w, innerY - 0.9 * p.openUp() - gap * 0.3);

    double by = p.browY();
    double arch = p.browArch();
    brow = new Cubic(cx + 0.56 * w, by + 0.55 * arch,
        cx + 0.25 * w, by - APEX * 0.45 * arch,
        cx - 0.30 * w, by - APEX * 0.55 * arch,
        cx - 0.70 * w, by + 0.9 * arch);

    aperture = new Path2D.Double();
    aperture.moveTo(upper.x0(), upper.y0());
    aperture.curveTo(upper.cx1(), upper.cy1(), upper.cx2(), upper.cy2(), upper.x1(), upper.y1());
    aperture.curveTo(lower.cx2(), lower.cy2(), lower.cx1(), lower.cy1(), lower.x0(), lower.y0());
    aperture.closePath();

    irisX = cx + p.gazeX();
    // Resting lids cover the top of the iris a little; the iris centre sits just above the corner line.
    irisY = cy - 0.15 * p.openUp() + p.gazeY();
  }
}
