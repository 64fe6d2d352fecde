package eyegan.synth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Paints the skin around the eye: base tone with low-frequency mottling, the darker orbital
 * hollow, the upper lid's own tint, the lid crease, and the fold under the lower lid.
 */
final class SkinPainter {
  private static final int COARSE_NOISE = 7;
  private static final int FINE_NOISE = 22;
  private static final int PORE_NOISE = 70;
  private static final int LID_LAYERS = 6;

  private SkinPainter() {}

  private static double lerp(double a, double b, double f) {
    return a + (b - a) * f;
  }

  /** Base tone and mottling over the whole canvas; call with an untransformed (unit-scaled) graphics. */
  static void base(Graphics2D g, EyeParams p, SplittableRandom rng) {
    g.setColor(p.skin());
    g.fill(new Rectangle2D.Double(-0.5, -0.5, 2, 2));
    noise(g, p.skin(), COARSE_NOISE, 0.10, 0.45, rng);
    noise(g, p.skin(), FINE_NOISE, 0.06, 0.30, rng);
    noise(g, p.skin(), PORE_NOISE, 0.05, 0.25, rng);
  }

  /**
   * Stretches a tiny random image over the canvas with bilinear interpolation: smooth blotches of
   * lighter and darker skin, the way real skin is never one flat colour.
   */
  private static void noise(Graphics2D g, Color skin, int cells, double amplitude, double alpha,
      SplittableRandom rng) {
    BufferedImage tile = new BufferedImage(cells, cells, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < cells; y++) {
      for (int x = 0; x < cells; x++) {
        double f = 1 + rng.nextDouble(-amplitude, amplitude);
        // Darker patches lean red (blood under the skin), lighter ones lean yellow.
        Color c = Palettes.clamp(skin.getRed() * f, skin.getGreen() * (f * f), skin.getBlue() * f * f);
        tile.setRGB(x, y, Palettes.alpha(c, alpha).getRGB());
      }
    }
    Object old = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(tile, new AffineTransform(1.4 / cells, 0, 0, 1.4 / cells, -0.2, -0.2), null);
    if (old != null) {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
    }
  }

  /** The orbital hollow, lid tint, crease and lower fold; call in eye coordinates. */
  static void eyeArea(Graphics2D g, EyeParams p, EyeGeometry geo) {
    double w = p.width();
    Color shade = Palettes.scale(Palettes.mix(p.skin(), new Color(70, 40, 50), 0.25), 0.7);

    // Orbital hollow: an elliptical shadow round the eye, deepest toward the nose.
    Point2D.Double centre = new Point2D.Double(p.centreX() + 0.12 * w, p.centreY() - 0.35 * p.openUp());
    RadialGradientPaint hollow = new RadialGradientPaint(
        new Rectangle2D.Double(centre.x - 0.85 * w, centre.y - 0.55 * w, 1.7 * w, 1.1 * w),
        new float[] {0f, 0.55f, 1f},
        new Color[] {Palettes.alpha(shade, 0.38), Palettes.alpha(shade, 0.22), Palettes.alpha(shade, 0)},
        MultipleGradientPaint.CycleMethod.NO_CYCLE);
    g.setPaint(hollow);
    g.fill(new Ellipse2D.Double(centre.x - 0.85 * w, centre.y - 0.55 * w, 1.7 * w, 1.1 * w));

    // Brow-bone highlight between crease and brow.
    Color light = Palettes.mix(p.skin(), Color.WHITE, 0.25);
    double hx = p.centreX() - 0.1 * w;
    double hy = (geo.crease.at(0.5).y + p.browY()) / 2;
    g.setPaint(new RadialGradientPaint(new Rectangle2D.Double(hx - 0.45 * w, hy - 0.12 * w, 0.9 * w, 0.24 * w),
        new float[] {0f, 1f}, new Color[] {Palettes.alpha(light, 0.22), Palettes.alpha(light, 0)},
        MultipleGradientPaint.CycleMethod.NO_CYCLE));
    g.fill(new Ellipse2D.Double(hx - 0.45 * w, hy - 0.12 * w, 0.9 * w, 0.24 * w));

    // The upper lid between crease and lashes has thinner, often darker or pinker skin. Layers
    // that start ever closer to the lash line build a soft gradient (no visible edge at the crease),
    // darkest at the lashes.
    Cubic c = geo.crease;
    Cubic u = geo.upper;
    for (int layer = 0; layer < LID_LAYERS; layer++) {
      double f = (double) layer / LID_LAYERS;
      Path2D.Double lid = new Path2D.Double();
      lid.moveTo(lerp(c.x0(), u.x0(), f), lerp(c.y0(), u.y0(), f));
      lid.curveTo(lerp(c.cx1(), u.cx1(), f), lerp(c.cy1(), u.cy1(), f), lerp(c.cx2(), u.cx2(), f),
          lerp(c.cy2(), u.cy2(), f), lerp(c.x1(), u.x1(), f), lerp(c.y1(), u.y1(), f));
      lid.lineTo(u.x1(), u.y1());
      lid.curveTo(u.cx2(), u.cy2(), u.cx1(), u.cy1(), u.x0(), u.y0());
      lid.closePath();
      g.setColor(Palettes.alpha(p.lidTint(), 0.10));
      g.fill(lid);
    }
    // A soft highlight on the convex middle of the lid.
    Point2D.Double lidMid = u.at(0.5);
    double lidH = p.creaseGap() + 0.05 * w;
    g.setPaint(new RadialGradientPaint(
        new Rectangle2D.Double(lidMid.x - 0.25 * w, lidMid.y - lidH, 0.5 * w, lidH),
        new float[] {0f, 1f}, new Color[] {Palettes.alpha(light, 0.2), Palettes.alpha(light, 0)},
        MultipleGradientPaint.CycleMethod.NO_CYCLE));
    g.fill(new Ellipse2D.Double(lidMid.x - 0.25 * w, lidMid.y - lidH, 0.5 * w, lidH));

    // The crease: a soft shadow band with a darker core, fading out toward both ends.
    Color crease = Palettes.scale(p.skin(), 0.45);
    Strokes.fadingCurve(g, geo.crease.shifted(0, 0.004), 0.030 * w, crease, 0.18 * p.creaseStrength(), 1.5);
    Strokes.fadingCurve(g, geo.crease, 0.010 * w, crease, 0.5 * p.creaseStrength(), 1.2);

    // Fold under the lower lid and a faint tear trough.
    Cubic fold = geo.lower.shifted(0, 0.9 * p.openDown() + 0.02 * w);
    Strokes.fadingCurve(g, fold, 0.04 * w, crease, 0.08, 2.5);
    Strokes.fadingCurve(g, fold.shifted(0, 0.006 * w), 0.008 * w, crease, 0.08, 2.5);
  }
}
