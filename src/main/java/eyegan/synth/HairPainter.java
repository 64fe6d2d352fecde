package eyegan.synth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.SplittableRandom;

/**
 * Paints hair: the eyebrow (a soft tinted band under hundreds of tapered hairs that rise at the
 * inner end and lie along the brow toward the tail), the dark lash line on the upper lid margin,
 * and curved, tapered upper and lower lashes that sweep outward toward the outer corner.
 */
final class HairPainter {
  /** Brow hairs per unit of brow length and thickness at density 1. */
  private static final double BROW_HAIRS = 500;
  private static final int BAND_STEPS = 24;
  /** Shades of hair per brow or lash row. */
  private static final int TONES = 4;

  private HairPainter() {}

  static void brow(Graphics2D g, EyeParams p, EyeGeometry geo, SplittableRandom rng) {
    Cubic brow = geo.brow;
    double w = p.width();
    // The band: skin tinted toward the hair colour, so the brow reads as a shape at low resolution.
    Path2D.Double band = new Path2D.Double();
    for (int i = 0; i <= BAND_STEPS; i++) {
      double t = (double) i / BAND_STEPS;
      Point2D.Double pt = brow.at(t);
      if (i == 0) {
        band.moveTo(pt.x, pt.y);
      } else {
        band.lineTo(pt.x, pt.y);
      }
    }
    for (int i = BAND_STEPS; i >= 0; i--) {
      double t = (double) i / BAND_STEPS;
      Point2D.Double pt = brow.at(t);
      Point2D.Double up = up(brow, t);
      double thick = thickness(p, t);
      band.lineTo(pt.x + up.x * thick, pt.y + up.y * thick);
    }
    band.closePath();
    g.setColor(Palettes.alpha(Palettes.mix(p.skin(), p.hair(), 0.6), 0.45));
    g.fill(band);

    int hairs = (int) (BROW_HAIRS * p.browDensity());
    HairBatch batch = new HairBatch(p.hair(), TONES, 0.25, 0.4, 0.8, rng);
    for (int i = 0; i < hairs; i++) {
      // More hairs toward the head of the brow, where it is thickest.
      double t = Math.pow(rng.nextDouble(), 1.15);
      double across = rng.nextDouble();
      double thick = thickness(p, t);
      Point2D.Double root = brow.at(t);
      Point2D.Double up = up(brow, t);
      Point2D.Double along = brow.tangent(t);
      double x0 = root.x + up.x * across * thick * 0.9;
      double y0 = root.y + up.y * across * thick * 0.9;
      // Near the head hairs stand up; further on they lie along the brow, the lower ones angled
      // up and the upper ones down so they meet in the middle.
      double rise = t < 0.15 ? 1.2 * (1 - t / 0.15) + 0.3 : (0.5 - across) * 0.7;
      double dx = along.x + up.x * rise;
      double dy = along.y + up.y * rise;
      double len = Math.hypot(dx, dy);
      double hairLength = w * rng.nextDouble(0.06, 0.12);
      dx = dx / len * hairLength;
      dy = dy / len * hairLength;
      double curl = rng.nextDouble(-0.25, 0.25);
      Strokes.hair(batch.pick(rng), x0, y0, x0 + dx * 0.5 - dy * curl, y0 + dy * 0.5 + dx * curl, x0 + dx, y0 + dy,
          w * rng.nextDouble(0.007, 0.011), w * 0.002);
    }
    batch.fill(g);
  }

  /** Brow thickness at t (0 head, 1 tail): full at the head, thinning toward the tail. */
  private static double thickness(EyeParams p, double t) {
    return p.browThickness() * (1 - 0.6 * t * t);
  }

  /** Unit vector from the brow's lower edge toward its upper edge (up the forehead). */
  private static Point2D.Double up(Cubic brow, double t) {
    Point2D.Double n = brow.normal(t);
    // The brow runs inner -> outer (right to left), so its left normal points down; flip it.
    return n.y > 0 ? new Point2D.Double(-n.x, -n.y) : n;
  }

  /** The lash line and upper lashes. */
  static void upperLashes(Graphics2D g, EyeParams p, EyeGeometry geo, SplittableRandom rng) {
    double w = p.width();
    Color lash = Palettes.mix(p.hair(), new Color(10, 8, 8), 0.6);
    Color line = Palettes.mix(lash, p.skin(), 0.25);
    Strokes.curve(g, geo.upper.shifted(0, -0.006 * w), 0.03 * w, Palettes.alpha(line, 0.35));
    Strokes.curve(g, geo.upper.shifted(0, -0.002 * w), 0.016 * w, Palettes.alpha(line, 0.9));

    int n = p.lashCount();
    // Lashes are not a comb: neighbours clump and lean together. A slow random wave along the lid
    // sets each lash's lean and length, plus a little individual scatter.
    double phase1 = rng.nextDouble(0, 2 * Math.PI);
    double phase2 = rng.nextDouble(0, 2 * Math.PI);
    double clumps = rng.nextDouble(5, 11);
    HairBatch batch = new HairBatch(lash, TONES, 0.15, 0.7, 0.95, rng);
    for (int i = 0; i < n; i++) {
      double t = 0.03 + 0.94 * (i + rng.nextDouble(-0.45, 0.45)) / (n - 1);
      t = Math.max(0.01, Math.min(0.97, t));
      double wave = Math.sin(2 * Math.PI * clumps * t + phase1) * 0.6
          + Math.sin(2 * Math.PI * 2.3 * clumps * t + phase2) * 0.4;
      Point2D.Double root = geo.upper.at(t);
      Point2D.Double up = geo.upper.normal(t);
      // Lashes sweep toward the outer corner (left), most strongly at the outer end.
      double sweep = 1.0 - 1.2 * t + 0.18 * wave + rng.nextDouble(-0.08, 0.08);
      double dx = up.x * Math.cos(sweep) - Math.sin(sweep);
      double dy = up.y * Math.cos(sweep);
      double norm = Math.hypot(dx, dy);
      dx /= norm;
      dy /= norm;
      double len = p.lashLength() * (0.3 + 0.7 * Math.sin(Math.PI * Math.pow(t, 0.7)))
          * (0.85 + 0.15 * wave) * rng.nextDouble(0.7, 1.1);
      // Curl: the second half bends away from the eye (up) by a random amount.
      double cx = root.x + dx * len * 0.5;
      double cy = root.y + dy * len * 0.5;
      double curl = rng.nextDouble(0.5, 1.0);
      double tx = cx + (dx * (1 - curl * 0.5)) * len * 0.55;
      double ty = cy + (dy - curl * 0.9) * len * 0.45;
      Strokes.hair(batch.pick(rng), root.x, root.y + 0.005 * w, cx, cy, tx, ty,
          w * rng.nextDouble(0.008, 0.012), w * 0.0012);
    }
    batch.fill(g);
  }

  static void lowerLashes(Graphics2D g, EyeParams p, EyeGeometry geo, SplittableRandom rng) {
    double w = p.width();
    Color lash = Palettes.mix(p.hair(), new Color(10, 8, 8), 0.5);
    Color margin = Palettes.mix(Palettes.scale(p.skin(), 0.55), new Color(120, 60, 60), 0.2);
    Strokes.fadingCurve(g, geo.lower.shifted(0, 0.004 * w), 0.009 * w, margin, 0.6, 0.4);
    int n = (int) (p.lashCount() * 0.4);
    HairBatch batch = new HairBatch(lash, 2, 0.15, 0.4, 0.75, rng);
    for (int i = 0; i < n; i++) {
      double t = 0.05 + 0.75 * (i + rng.nextDouble(-0.5, 0.5)) / n;
      Point2D.Double root = geo.lower.at(t);
      Point2D.Double in = geo.lower.normal(t); // points up, into the eye
      double sweep = 0.9 - 0.9 * t + rng.nextDouble(-0.2, 0.2);
      double dx = -in.x * Math.cos(sweep) - Math.sin(sweep);
      double dy = -in.y * Math.cos(sweep);
      double norm = Math.hypot(dx, dy);
      dx /= norm;
      dy /= norm;
      double len = p.lashLength() * rng.nextDouble(0.2, 0.4) * (1 - 0.5 * t);
      double x0 = root.x;
      double y0 = root.y + 0.006 * w;
      Strokes.hair(batch.pick(rng), x0, y0, x0 + dx * len * 0.5, y0 + dy * len * 0.5, x0 + dx * len, y0 + dy * len + 0.2 * len,
          w * 0.006, w * 0.0012);
    }
    batch.fill(g);
  }
}
