package eyegan.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.SplittableRandom;

/**
 * Paints what shows between the lids: the sclera with its shading and vessels, the caruncle in the
 * inner corner, the iris (radial fibres, collarette, crypts, limbal ring), the pupil, the shadow the
 * upper lid casts, the wet lower margin and the corneal highlights. Everything is clipped to the
 * opening.
 */
final class EyeballPainter {
  private EyeballPainter() {}

  static void paint(Graphics2D g, EyeParams p, EyeGeometry geo, SplittableRandom rng) {
    Shape oldClip = g.getClip();
    g.clip(geo.aperture);
    double w = p.width();

    g.setColor(p.sclera());
    g.fill(geo.aperture.getBounds2D());
    scleraShading(g, p, geo);
    vessels(g, p, geo, rng);
    caruncle(g, p, geo);
    IrisPainter.paint(g, p, geo.irisX, geo.irisY, rng);
    lidShadow(g, p, geo);
    highlights(g, p, geo, rng);

    g.setClip(oldClip);
    // The wet rim of the lower lid catches light along its length.
    Strokes.fadingCurve(g, geo.lower.shifted(0, -0.004 * w), 0.006 * w, new Color(255, 235, 230), 0.45, 0.7);
  }

  /** The eyeball is a sphere: darker toward the corners, where it turns away from the light. */
  private static void scleraShading(Graphics2D g, EyeParams p, EyeGeometry geo) {
    double w = p.width();
    Color shadow = Palettes.mix(Palettes.scale(p.sclera(), 0.55), p.skin(), 0.3);
    double r = 0.55 * w;
    Rectangle2D.Double box = new Rectangle2D.Double(geo.irisX - r, geo.irisY - 0.8 * r, 2 * r, 1.6 * r);
    g.setPaint(new RadialGradientPaint(box, new float[] {0f, 0.35f, 0.75f, 1f},
        new Color[] {Palettes.alpha(shadow, 0), Palettes.alpha(shadow, 0.08), Palettes.alpha(shadow, 0.45),
            Palettes.alpha(shadow, 0.8)},
        MultipleGradientPaint.CycleMethod.NO_CYCLE));
    g.fill(geo.aperture.getBounds2D());
  }

  /** Thin, wandering red vessels running in from the corners toward the iris. */
  private static void vessels(Graphics2D g, EyeParams p, EyeGeometry geo, SplittableRandom rng) {
    double w = p.width();
    for (int v = 0; v < p.vessels(); v++) {
      boolean outer = rng.nextBoolean();
      double t = outer ? rng.nextDouble(0.02, 0.2) : rng.nextDouble(0.8, 0.98);
      Point2D.Double start = (rng.nextBoolean() ? geo.upper : geo.lower).at(t);
      double towardIris = Math.atan2(geo.irisY - start.y, geo.irisX - start.x) + rng.nextDouble(-0.6, 0.6);
      double length = w * rng.nextDouble(0.08, 0.22);
      double width = w * rng.nextDouble(0.003, 0.006);
      Color red = new Color(rng.nextInt(170, 215), rng.nextInt(40, 80), rng.nextInt(50, 80));
      g.setColor(Palettes.alpha(red, rng.nextDouble(0.15, 0.4)));
      branch(g, start.x, start.y, towardIris, length, width, 2, rng);
    }
  }

  private static void branch(Graphics2D g, double x, double y, double angle, double length, double width,
      int depth, SplittableRandom rng) {
    int steps = 7;
    Path2D.Double path = new Path2D.Double();
    path.moveTo(x, y);
    for (int i = 0; i < steps; i++) {
      angle += rng.nextDouble(-0.5, 0.5);
      x += Math.cos(angle) * length / steps;
      y += Math.sin(angle) * length / steps;
      path.lineTo(x, y);
      if (depth > 0 && rng.nextDouble() < 0.18) {
        branch(g, x, y, angle + rng.nextDouble(-1.2, 1.2), length * 0.5, width * 0.7, depth - 1, rng);
      }
    }
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(path);
  }

  /** The pink fleshy mound in the inner corner, with the fold (plica) just outside it. */
  private static void caruncle(Graphics2D g, EyeParams p, EyeGeometry geo) {
    double w = p.width();
    double x = geo.upper.x1() - 0.045 * w;
    double y = geo.upper.y1() - 0.004 * w;
    Color pink = Palettes.mix(new Color(215, 120, 120), p.skin(), 0.3);
    Rectangle2D.Double box = new Rectangle2D.Double(x - 0.06 * w, y - 0.045 * w, 0.12 * w, 0.09 * w);
    g.setPaint(new RadialGradientPaint(box, new float[] {0f, 0.6f, 1f},
        new Color[] {Palettes.alpha(pink, 0.95), Palettes.alpha(pink, 0.7), Palettes.alpha(pink, 0)},
        MultipleGradientPaint.CycleMethod.NO_CYCLE));
    g.fill(box);
    g.setColor(Palettes.alpha(Palettes.mix(pink, p.sclera(), 0.5), 0.45));
    g.setStroke(new BasicStroke((float) (0.01 * w)));
    g.draw(new Line2D.Double(x - 0.065 * w, y - 0.05 * w, x - 0.07 * w, y + 0.04 * w));
  }

  /** Shadow of the upper lid and lashes on the eyeball: strongest at the margin, gone a third of the way down. */
  private static void lidShadow(Graphics2D g, EyeParams p, EyeGeometry geo) {
    double w = p.width();
    Color dark = Palettes.scale(p.skin(), 0.25);
    double[] widths = {0.16, 0.11, 0.07, 0.04};
    for (double width : widths) {
      Strokes.curve(g, geo.upper, width * w, Palettes.alpha(dark, 0.14));
    }
    Strokes.curve(g, geo.lower, 0.035 * w, Palettes.alpha(dark, 0.12));
  }

  /** Reflections of the light source (a window or lamp) on the cornea, over the iris. */
  private static void highlights(Graphics2D g, EyeParams p, EyeGeometry geo, SplittableRandom rng) {
    double r = p.irisRadius();
    double a = p.lightAngle();
    double dist = r * rng.nextDouble(0.3, 0.6);
    double hx = geo.irisX + Math.cos(a) * dist * (p.mirrored() ? -1 : 1);
    double hy = geo.irisY - Math.sin(a) * dist;
    double size = r * p.highlightSize();
    double aspect = rng.nextDouble(0.7, 1.3);
    double hw = size * aspect;
    double hh = size / aspect;
    boolean window = rng.nextBoolean();
    Shape halo = new Ellipse2D.Double(hx - hw, hy - hh, 2 * hw, 2 * hh);
    g.setPaint(new RadialGradientPaint(new Point2D.Double(hx, hy), (float) Math.max(hw, hh),
        new float[] {0f, 1f}, new Color[] {new Color(255, 255, 255, 90), new Color(255, 255, 255, 0)}));
    g.fill(halo);
    Shape core = window
        ? new RoundRectangle2D.Double(hx - hw / 2, hy - hh / 2, hw, hh, hw * 0.4, hh * 0.4)
        : new Ellipse2D.Double(hx - hw / 2, hy - hh / 2, hw, hh);
    g.setColor(new Color(255, 255, 255, 235));
    g.fill(core);
    if (p.highlights() > 1) {
      // A second, smaller source, usually on the other side of the pupil.
      double b = a + Math.PI + rng.nextDouble(-0.8, 0.8);
      double d2 = r * rng.nextDouble(0.35, 0.7);
      double sx = geo.irisX + Math.cos(b) * d2;
      double sy = geo.irisY - Math.sin(b) * d2;
      double s = size * rng.nextDouble(0.25, 0.5);
      g.setColor(new Color(255, 255, 255, rng.nextInt(120, 220)));
      g.fill(new Ellipse2D.Double(sx - s / 2, sy - s / 2, s, s));
    }
  }
}
