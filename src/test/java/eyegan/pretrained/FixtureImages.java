package eyegan.pretrained;

import eyegan.image.PngFiles;
import eyegan.image.RgbImages;
import eyegan.synth.SyntheticEyes;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Writes the input images of the TF.js reference fixtures ({@code make-fixtures.js} reads them):
 * a built-in synthetic eye at the iris model's 64 px and MobileNet's 224 px, a synthetic face at
 * BlazeFace's 256 px (two synthetic eyes on a drawn head), and a colour pattern at each size that
 * resembles nothing the networks were trained on. All are deterministic.
 *
 * <pre>mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=eyegan.pretrained.FixtureImages -Dexec.args=src/test/resources/eyegan/pretrained/fixtures</pre>
 */
public final class FixtureImages {
  /** Seed and index of the synthetic eye the fixtures show. */
  static final long EYE_SEED = 7;
  static final int EYE_INDEX = 3;

  private FixtureImages() {}

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/eyegan/pretrained/fixtures");
    write(dir.resolve("eye-64.png"), eye(64));
    write(dir.resolve("eye-224.png"), eye(224));
    write(dir.resolve("pattern-64.png"), pattern(64));
    write(dir.resolve("pattern-224.png"), pattern(224));
    write(dir.resolve("pattern-256.png"), pattern(256));
    write(dir.resolve("face-256.png"), face(256));
  }

  static BufferedImage eye(int size) {
    return new RgbImages(1, size, size, SyntheticEyes.renderOne(EYE_SEED, EYE_INDEX, size)).toBufferedImage(0);
  }

  /** Hue ramps, a checkerboard and concentric rings: strong edges at every scale, no objects. */
  static BufferedImage pattern(int size) {
    BufferedImage im = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    int c = size / 2;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int r = x * 16 / size * 17; // 16 flat steps: edges the networks react to, and a small PNG
        int g = y * 16 / size * 17;
        int checker = ((x / 8) + (y / 8)) % 2 == 0 ? 200 : 40;
        int ring = (int) (Math.sqrt((x - c) * (x - c) + (y - c) * (y - c)) / (size / 16.0)) % 2 == 0 ? 60 : 0;
        int b = Math.min(255, checker + ring);
        im.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    return im;
  }

  /**
   * A frontal face drawn at {@code size} px: skin-coloured head, hair, two synthetic eyes (the
   * second mirrored) blended in with soft elliptical masks, nose shading and a mouth.
   */
  static BufferedImage face(int size) {
    BufferedImage im = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = im.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      double s = size / 256.0;
      g.setPaint(new GradientPaint(0, 0, new Color(92, 104, 120), 0, size, new Color(58, 64, 78)));
      g.fillRect(0, 0, size, size);
      // neck and shoulders
      g.setColor(new Color(196, 150, 122));
      g.fill(new Ellipse2D.Double(98 * s, 190 * s, 60 * s, 90 * s));
      g.setColor(new Color(70, 84, 120));
      g.fill(new Ellipse2D.Double(20 * s, 236 * s, 216 * s, 90 * s));
      // hair behind the head
      g.setColor(new Color(52, 36, 28));
      g.fill(new Ellipse2D.Double(44 * s, 24 * s, 168 * s, 190 * s));
      // head
      g.setPaint(new RadialGradientPaint((float) (122 * s), (float) (118 * s), (float) (110 * s),
          new float[] {0f, 1f}, new Color[] {new Color(232, 190, 160), new Color(190, 140, 112)}));
      g.fill(new Ellipse2D.Double(60 * s, 44 * s, 136 * s, 176 * s));
      // fringe
      g.setColor(new Color(52, 36, 28));
      Path2D.Double fringe = new Path2D.Double();
      fringe.moveTo(56 * s, 110 * s);
      fringe.curveTo(60 * s, 30 * s, 196 * s, 30 * s, 200 * s, 110 * s);
      fringe.curveTo(180 * s, 70 * s, 120 * s, 58 * s, 56 * s, 110 * s);
      g.fill(fringe);
      // eyes: synthetic eye renders, each about 46 px wide, blended through a soft mask
      int eyeSize = (int) Math.round(60 * s);
      BufferedImage right = eye(128);
      BufferedImage left = mirror(new RgbImages(1, 128, 128, SyntheticEyes.renderOne(EYE_SEED, EYE_INDEX + 1, 128)).toBufferedImage(0));
      paste(g, right, (int) Math.round(98 * s) - eyeSize / 2, (int) Math.round(118 * s) - eyeSize / 2, eyeSize);
      paste(g, left, (int) Math.round(158 * s) - eyeSize / 2, (int) Math.round(118 * s) - eyeSize / 2, eyeSize);
      // nose: a soft shadow down the side and two nostrils
      g.setStroke(new BasicStroke((float) (3 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.setColor(new Color(170, 120, 96));
      Path2D.Double nose = new Path2D.Double();
      nose.moveTo(122 * s, 122 * s);
      nose.curveTo(120 * s, 140 * s, 114 * s, 152 * s, 118 * s, 160 * s);
      g.draw(nose);
      g.setColor(new Color(120, 78, 64));
      g.fill(new Ellipse2D.Double(115 * s, 158 * s, 9 * s, 5 * s));
      g.fill(new Ellipse2D.Double(132 * s, 158 * s, 9 * s, 5 * s));
      // mouth
      g.setColor(new Color(176, 88, 88));
      g.fill(new Ellipse2D.Double(106 * s, 178 * s, 44 * s, 14 * s));
      g.setColor(new Color(110, 50, 50));
      g.setStroke(new BasicStroke((float) (2 * s)));
      g.drawLine((int) (108 * s), (int) (185 * s), (int) (148 * s), (int) (185 * s));
    } finally {
      g.dispose();
    }
    return im;
  }

  private static BufferedImage mirror(BufferedImage in) {
    BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < in.getHeight(); y++) {
      for (int x = 0; x < in.getWidth(); x++) {
        out.setRGB(in.getWidth() - 1 - x, y, in.getRGB(x, y));
      }
    }
    return out;
  }

  /** Draws {@code eye} scaled to {@code size} at (x, y), its alpha falling off toward an ellipse's edge. */
  private static void paste(Graphics2D g, BufferedImage eye, int x, int y, int size) {
    BufferedImage scaled = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D sg = scaled.createGraphics();
    sg.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    sg.drawImage(eye, 0, 0, size, size, null);
    sg.dispose();
    double c = (size - 1) / 2.0;
    for (int yy = 0; yy < size; yy++) {
      for (int xx = 0; xx < size; xx++) {
        double dx = (xx - c) / (0.5 * size);
        double dy = (yy - c - 0.06 * size) / (0.36 * size);
        double r = Math.sqrt(dx * dx + dy * dy);
        double alpha = r < 0.7 ? 1 : (r > 1 ? 0 : (1 - r) / 0.3);
        int argb = scaled.getRGB(xx, yy);
        scaled.setRGB(xx, yy, ((int) Math.round(alpha * 255)) << 24 | (argb & 0xFFFFFF));
      }
    }
    g.setComposite(AlphaComposite.SrcOver);
    g.drawImage(scaled, x, y, null);
  }

  private static void write(Path file, BufferedImage image) {
    PngFiles.write(image, file);
  }
}
