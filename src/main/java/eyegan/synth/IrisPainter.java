package eyegan.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.SplittableRandom;

/**
 * Paints an iris and pupil: a radial colour gradient (the pupil ring differs from the rim in hazel
 * and green eyes), hundreds of light and dark radial fibres, an irregular collarette, a few dark
 * crypts, the dark limbal ring at the edge, and a near-black pupil with a soft rim.
 */
final class IrisPainter {
  /** Fibre paths: light thin, dark thin, light thick, dark thick. */
  private static final int FIBRE_GROUPS = 4;

  private IrisPainter() {}

  static void paint(Graphics2D g, EyeParams p, double x, double y, SplittableRandom rng) {
    Palettes.Iris c = p.iris();
    double r = p.irisRadius();
    double pupil = r * p.pupilFraction();
    float pf = (float) p.pupilFraction();
    Ellipse2D.Double disc = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);

    g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) r,
        new float[] {0f, pf, pf + (1 - pf) * 0.35f, 0.8f, 1f},
        new Color[] {c.inner(), c.inner(), c.mid(), c.outer(), Palettes.scale(c.outer(), 0.8)},
        MultipleGradientPaint.CycleMethod.NO_CYCLE));
    g.fill(disc);

    fibres(g, c, x, y, pupil, r, rng);
    collarette(g, c, x, y, pupil, r, rng);
    crypts(g, c, x, y, pupil, r, rng);

    // Limbal ring: the iris edge darkens sharply where it meets the sclera.
    Color ring = Palettes.scale(c.dark(), 0.6);
    double thickness = rng.nextDouble(0.12, 0.25);
    g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) (r * 1.03),
        new float[] {0f, (float) (0.97 - thickness), 0.94f, 1f},
        new Color[] {Palettes.alpha(ring, 0), Palettes.alpha(ring, 0), Palettes.alpha(ring, 0.85),
            Palettes.alpha(ring, 0)},
        MultipleGradientPaint.CycleMethod.NO_CYCLE));
    g.fill(new Ellipse2D.Double(x - r * 1.03, y - r * 1.03, 2.06 * r, 2.06 * r));

    // Pupil, with a slightly soft edge.
    Color black = new Color(8, 7, 8);
    g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) (pupil * 1.12),
        new float[] {0f, 0.86f, 1f},
        new Color[] {black, black, Palettes.alpha(black, 0)},
        MultipleGradientPaint.CycleMethod.NO_CYCLE));
    g.fill(new Ellipse2D.Double(x - pupil * 1.12, y - pupil * 1.12, 2.24 * pupil, 2.24 * pupil));
  }

  private static void fibres(Graphics2D g, Palettes.Iris c, double x, double y, double pupil, double r,
      SplittableRandom rng) {
    // Fibres are gathered into a few paths (light/dark, thin/thick) and each path is stroked once.
    Path2D.Double[] paths = new Path2D.Double[FIBRE_GROUPS];
    for (int k = 0; k < FIBRE_GROUPS; k++) {
      paths[k] = new Path2D.Double(Path2D.WIND_NON_ZERO, 512);
    }
    int count = rng.nextInt(130, 220);
    for (int i = 0; i < count; i++) {
      double angle = rng.nextDouble(0, 2 * Math.PI);
      double r0 = pupil * rng.nextDouble(1.0, 1.4);
      double r1 = r * rng.nextDouble(0.7, 0.98);
      // Fibres wave a little on their way out.
      double bend = rng.nextDouble(-0.12, 0.12);
      Path2D.Double path = paths[rng.nextInt(FIBRE_GROUPS)];
      path.moveTo(x + Math.cos(angle) * r0, y + Math.sin(angle) * r0);
      double rm = (r0 + r1) / 2;
      path.quadTo(x + Math.cos(angle + bend) * rm, y + Math.sin(angle + bend) * rm,
          x + Math.cos(angle) * r1, y + Math.sin(angle) * r1);
    }
    for (int k = 0; k < FIBRE_GROUPS; k++) {
      boolean light = k % 2 == 0;
      boolean thick = k >= FIBRE_GROUPS / 2;
      g.setColor(Palettes.alpha(light ? c.light() : c.dark(), light ? rng.nextDouble(0.25, 0.45) : rng.nextDouble(0.2, 0.4)));
      g.setStroke(new BasicStroke((float) (r * (thick ? 0.04 : 0.02)), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(paths[k]);
    }
  }

  /** The zig-zag ridge about a third of the way out, often lighter or more golden than the rest. */
  private static void collarette(Graphics2D g, Palettes.Iris c, double x, double y, double pupil, double r,
      SplittableRandom rng) {
    double base = pupil + (r - pupil) * rng.nextDouble(0.22, 0.4);
    int points = 36;
    Path2D.Double ring = new Path2D.Double();
    for (int k = 0; k <= points; k++) {
      double a = 2 * Math.PI * k / points;
      double rr = base * (1 + (k % points == 0 ? 0 : rng.nextDouble(-0.1, 0.1)));
      double px = x + Math.cos(a) * rr;
      double py = y + Math.sin(a) * rr;
      if (k == 0) {
        ring.moveTo(px, py);
      } else {
        ring.lineTo(px, py);
      }
    }
    ring.closePath();
    g.setColor(Palettes.alpha(Palettes.mix(c.inner(), c.light(), 0.5), 0.45));
    g.setStroke(new BasicStroke((float) (r * 0.06), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(ring);
  }

  private static void crypts(Graphics2D g, Palettes.Iris c, double x, double y, double pupil, double r,
      SplittableRandom rng) {
    int count = rng.nextInt(3, 12);
    for (int i = 0; i < count; i++) {
      double a = rng.nextDouble(0, 2 * Math.PI);
      double d = rng.nextDouble(pupil * 1.3, r * 0.8);
      double len = r * rng.nextDouble(0.06, 0.16);
      double wid = len * rng.nextDouble(0.35, 0.6);
      double cx = x + Math.cos(a) * d;
      double cy = y + Math.sin(a) * d;
      g.setColor(Palettes.alpha(c.dark(), rng.nextDouble(0.25, 0.5)));
      g.setStroke(new BasicStroke((float) wid, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(new Line2D.Double(cx - Math.cos(a) * len / 2, cy - Math.sin(a) * len / 2,
          cx + Math.cos(a) * len / 2, cy + Math.sin(a) * len / 2));
    }
  }
}
