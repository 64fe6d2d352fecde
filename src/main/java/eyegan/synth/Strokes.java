package eyegan.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;

/** Drawing helpers for hair-like and fading strokes. */
final class Strokes {
  private static final int HAIR_SEGMENTS = 4;
  /** Pieces a fading curve is drawn in: enough for a smooth fade, few enough to stay cheap. */
  private static final int FADE_PIECES = 16;

  private Strokes() {}

  /**
   * Adds the outline of a hair to {@code path}: the quadratic curve (x0,y0) -> control (cx,cy) -> (x1,y1), width w0 at the root
   * tapering to w1 at the tip, as a closed outline (a stroked line has the same width all along and
   * looks like a painted stick).
   */
  static void hair(Path2D.Double path, double x0, double y0, double cx, double cy, double x1, double y1,
      double w0, double w1) {
    double[] lx = new double[HAIR_SEGMENTS + 1];
    double[] ly = new double[HAIR_SEGMENTS + 1];
    double[] rx = new double[HAIR_SEGMENTS + 1];
    double[] ry = new double[HAIR_SEGMENTS + 1];
    for (int i = 0; i <= HAIR_SEGMENTS; i++) {
      double t = (double) i / HAIR_SEGMENTS;
      double u = 1 - t;
      double px = u * u * x0 + 2 * u * t * cx + t * t * x1;
      double py = u * u * y0 + 2 * u * t * cy + t * t * y1;
      double dx = 2 * u * (cx - x0) + 2 * t * (x1 - cx);
      double dy = 2 * u * (cy - y0) + 2 * t * (y1 - cy);
      double len = Math.hypot(dx, dy);
      if (len == 0) {
        dx = 1;
        len = 1;
      }
      double half = (w0 + (w1 - w0) * t) / 2;
      double nx = -dy / len * half;
      double ny = dx / len * half;
      lx[i] = px + nx;
      ly[i] = py + ny;
      rx[i] = px - nx;
      ry[i] = py - ny;
    }
    path.moveTo(lx[0], ly[0]);
    for (int i = 1; i <= HAIR_SEGMENTS; i++) {
      path.lineTo(lx[i], ly[i]);
    }
    for (int i = HAIR_SEGMENTS; i >= 0; i--) {
      path.lineTo(rx[i], ry[i]);
    }
    path.closePath();
  }

  /**
   * Strokes a cubic in short pieces whose opacity follows {@code sin(pi t)^fade}: strongest in the
   * middle, vanishing at both ends, as a skin fold or crease does.
   */
  static void fadingCurve(Graphics2D g, Cubic curve, double width, Color colour, double maxAlpha, double fade) {
    int pieces = FADE_PIECES;
    // Butt caps: round caps of neighbouring translucent pieces would overlap into visible beads.
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
    Point2D.Double prev = curve.at(0);
    for (int i = 1; i <= pieces; i++) {
      double t = (double) i / pieces;
      Point2D.Double next = curve.at(t);
      double mid = (i - 0.5) / pieces;
      double alpha = maxAlpha * Math.pow(Math.sin(Math.PI * mid), fade);
      g.setColor(Palettes.alpha(colour, alpha));
      g.draw(new Line2D.Double(prev, next));
      prev = next;
    }
  }

  /** Strokes a whole cubic with one colour. */
  static void curve(Graphics2D g, Cubic curve, double width, Color colour) {
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(colour);
    g.draw(curve.shape());
  }
}
