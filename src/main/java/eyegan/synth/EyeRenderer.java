package eyegan.synth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

/**
 * Renders one synthetic close-up eye with Java2D. The picture is drawn at {@link #SUPERSAMPLE} times
 * the requested size and shrunk by area averaging (cleaner than Java2D's own anti-aliasing for
 * hundreds of thin overlapping hairs), then lit, colour-balanced, vignetted and given sensor grain
 * at the final size.
 *
 * <p>Deterministic: the same {@link EyeParams} give the same bytes (Java2D's software pipeline, no
 * fonts, no system state).
 */
final class EyeRenderer {
  /** Drawing resolution relative to the output. */
  static final int SUPERSAMPLE = 2;
  private static final int CHANNELS = 3;
  private static final double[] NORMAL_TABLE = normalTable();

  private EyeRenderer() {}

  /** Renders {@code p} as {@code size x size} packed RGB (rows top to bottom, R, G, B). */
  static byte[] render(EyeParams p, int size) {
    int canvas = size * SUPERSAMPLE;
    BufferedImage image = new BufferedImage(canvas, canvas, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
      g.scale(canvas, canvas); // from here on, the canvas is the unit square
      SplittableRandom rng = new SplittableRandom(p.detailSeed());

      SkinPainter.base(g, p, rng);
      AffineTransform canvasTransform = g.getTransform();
      g.transform(framing(p));
      EyeGeometry geo = new EyeGeometry(p);
      SkinPainter.eyeArea(g, p, geo);
      HairPainter.brow(g, p, geo, rng);
      EyeballPainter.paint(g, p, geo, rng);
      HairPainter.lowerLashes(g, p, geo, rng);
      HairPainter.upperLashes(g, p, geo, rng);
      g.setTransform(canvasTransform);
      lighting(g, p);
    } finally {
      g.dispose();
    }
    byte[] small = shrink(((DataBufferInt) image.getRaster().getDataBuffer()).getData(), size);
    finish(small, size, p);
    return small;
  }

  /**
   * Area-averages each {@link #SUPERSAMPLE} x {@link #SUPERSAMPLE} block of the canvas into one
   * output pixel (the same box filter as {@link eyegan.image.Resampler}, specialised to a whole
   * factor and read straight from the canvas's int pixels).
   */
  private static byte[] shrink(int[] argb, int size) {
    int canvas = size * SUPERSAMPLE;
    int block = SUPERSAMPLE * SUPERSAMPLE;
    byte[] out = new byte[size * size * CHANNELS];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int r = 0;
        int gr = 0;
        int b = 0;
        for (int dy = 0; dy < SUPERSAMPLE; dy++) {
          int row = (y * SUPERSAMPLE + dy) * canvas + x * SUPERSAMPLE;
          for (int dx = 0; dx < SUPERSAMPLE; dx++) {
            int px = argb[row + dx];
            r += (px >> 16) & 0xFF;
            gr += (px >> 8) & 0xFF;
            b += px & 0xFF;
          }
        }
        int o = (y * size + x) * CHANNELS;
        out[o] = (byte) ((r + block / 2) / block);
        out[o + 1] = (byte) ((gr + block / 2) / block);
        out[o + 2] = (byte) ((b + block / 2) / block);
      }
    }
    return out;
  }

  /** Head tilt, framing scale and shift about the canvas centre, and the left/right mirror. */
  static AffineTransform framing(EyeParams p) {
    AffineTransform t = new AffineTransform();
    t.translate(0.5 + p.shiftX(), 0.5 + p.shiftY());
    t.rotate(p.rotation());
    t.scale(p.mirrored() ? -p.scale() : p.scale(), p.scale());
    t.translate(-0.5, -0.5);
    return t;
  }

  /** One-sided light: brighter toward the light, darker away from it. */
  private static void lighting(Graphics2D g, EyeParams p) {
    double a = p.lightAngle();
    double dx = Math.cos(a);
    double dy = -Math.sin(a);
    Point2D.Double lit = new Point2D.Double(0.5 + 0.6 * dx, 0.5 + 0.6 * dy);
    Point2D.Double dark = new Point2D.Double(0.5 - 0.6 * dx, 0.5 - 0.6 * dy);
    float s = (float) p.lightStrength();
    g.setPaint(new LinearGradientPaint(lit, dark, new float[] {0f, 0.5f, 1f},
        new Color[] {new Color(1f, 1f, 0.95f, 0.18f * s), new Color(0f, 0f, 0f, 0f), new Color(0f, 0f, 0f, 0.55f * s)},
        MultipleGradientPaint.CycleMethod.NO_CYCLE));
    g.fill(new Rectangle2D.Double(0, 0, 1, 1));
  }

  /** Exposure, white balance, vignette and grain on the final pixels. */
  private static void finish(byte[] rgb, int size, EyeParams p) {
    SplittableRandom grain = new SplittableRandom(p.detailSeed() ^ 0x5DEECE66DL);
    double warm = 0.06 * p.warmth();
    double[] gain = {p.exposure() * (1 + warm), p.exposure(), p.exposure() * (1 - warm)};
    double half = (size - 1) / 2.0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double rx = (x - half) / half;
        double ry = (y - half) / half;
        double vignette = 1 - 0.12 * (rx * rx + ry * ry);
        // Mostly luminance noise, as a camera sensor gives after demosaicing, a little per channel.
        double common = gaussian(grain) * p.grain();
        int base = (y * size + x) * CHANNELS;
        for (int c = 0; c < CHANNELS; c++) {
          double v = (rgb[base + c] & 0xFF) * gain[c] * vignette + common + gaussian(grain) * p.grain() * 0.4;
          rgb[base + c] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        }
      }
    }
  }

  /** A standard normal sample: a random entry of a fixed table (grain needs speed, not a perfect tail). */
  private static double gaussian(SplittableRandom rng) {
    return NORMAL_TABLE[rng.nextInt(NORMAL_TABLE.length)];
  }

  private static double[] normalTable() {
    // Inverse CDF at evenly spaced probabilities: an exact, deterministic normal sample set.
    double[] table = new double[4096];
    for (int i = 0; i < table.length; i++) {
      table[i] = inverseNormal((i + 0.5) / table.length);
    }
    return table;
  }

  /** Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
  static double inverseNormal(double p) {
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    double low = 0.02425;
    if (p < low) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
