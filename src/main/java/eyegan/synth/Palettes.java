package eyegan.synth;

import java.awt.Color;
import java.util.random.RandomGenerator;

/**
 * Colour tables for the synthetic eyes: skin tones across the human range, iris colour families,
 * and hair colours that go with a skin tone. Values are sRGB, chosen by eye from photographs.
 */
final class Palettes {
  private Palettes() {}

  /** Skin tones from very light to very dark; a sample interpolates between neighbours. */
  private static final Color[] SKIN = {
    new Color(250, 222, 203),
    new Color(240, 200, 175),
    new Color(226, 180, 150),
    new Color(205, 150, 115),
    new Color(180, 124, 90),
    new Color(150, 100, 70),
    new Color(118, 78, 54),
    new Color(88, 58, 42),
    new Color(64, 43, 33),
  };

  /** A skin tone; {@code darkness} in [0, 1] runs from the lightest to the darkest anchor. */
  static Color skin(double darkness, RandomGenerator rng) {
    double pos = darkness * (SKIN.length - 1);
    int i = Math.min(SKIN.length - 2, (int) pos);
    Color base = mix(SKIN[i], SKIN[i + 1], pos - i);
    // Undertone: a little redder (pink/olive-free) or a little more yellow (olive).
    double undertone = rng.nextDouble(-1, 1);
    return clamp(base.getRed() + 6 * undertone, base.getGreen() + 2 * Math.abs(undertone),
        base.getBlue() - 6 * undertone);
  }

  /** Iris colours: the ring round the pupil, the mid iris, the outer iris, and light/dark fibre tints. */
  record Iris(Color inner, Color mid, Color outer, Color light, Color dark) {}

  /**
   * Draws an iris colour family, brown most common; light eyes become rarer as the skin darkens,
   * as they are across the world's populations.
   */
  static Iris iris(double skinDarkness, RandomGenerator rng) {
    double lightEyes = Math.max(0.15, 1 - 1.1 * skinDarkness);
    double p = rng.nextDouble();
    // Map the light-eyed part of the range (p >= 0.5) onto a share that shrinks with darkness.
    if (p >= 0.5 && rng.nextDouble() > lightEyes) {
      p = rng.nextDouble(0, 0.5);
    }
    double v = rng.nextDouble(0.85, 1.15);
    if (p < 0.18) { // dark brown, almost black
      return iris(v, c(70, 42, 22), c(52, 30, 17), c(35, 21, 13), c(110, 70, 38), c(18, 10, 6));
    } else if (p < 0.50) { // brown
      return iris(v, c(140, 90, 42), c(105, 64, 32), c(70, 42, 24), c(175, 120, 60), c(40, 22, 12));
    } else if (p < 0.64) { // hazel: amber centre, green-brown rim
      return iris(v, c(170, 112, 45), c(120, 110, 55), c(80, 90, 55), c(200, 160, 80), c(45, 40, 22));
    } else if (p < 0.74) { // green
      return iris(v, c(165, 140, 65), c(95, 130, 80), c(60, 100, 70), c(160, 190, 120), c(30, 55, 40));
    } else if (p < 0.91) { // blue
      return iris(v, c(125, 150, 170), c(90, 130, 175), c(55, 85, 130), c(175, 205, 230), c(30, 45, 75));
    } else { // grey
      return iris(v, c(150, 150, 140), c(125, 135, 145), c(90, 100, 110), c(195, 200, 205), c(50, 55, 60));
    }
  }

  private static Iris iris(double v, Color inner, Color mid, Color outer, Color light, Color dark) {
    return new Iris(scale(inner, v), scale(mid, v), scale(outer, v), scale(light, v), dark);
  }

  /** Hair colour for brows and lashes; darker skin makes dark hair more likely. */
  static Color hair(double skinDarkness, RandomGenerator rng) {
    double p = rng.nextDouble();
    if (skinDarkness > 0.45 || p < 0.35) {
      return scale(c(30, 22, 18), rng.nextDouble(0.6, 1.3)); // black / very dark brown
    } else if (p < 0.65) {
      return scale(c(70, 48, 32), rng.nextDouble(0.8, 1.2)); // brown
    } else if (p < 0.80) {
      return scale(c(120, 88, 58), rng.nextDouble(0.85, 1.15)); // light brown
    } else if (p < 0.90) {
      return scale(c(165, 130, 85), rng.nextDouble(0.9, 1.1)); // blond
    } else {
      return scale(c(125, 62, 35), rng.nextDouble(0.85, 1.15)); // auburn
    }
  }

  static Color c(int r, int g, int b) {
    return new Color(r, g, b);
  }

  static Color mix(Color a, Color b, double t) {
    return clamp(a.getRed() + (b.getRed() - a.getRed()) * t, a.getGreen() + (b.getGreen() - a.getGreen()) * t,
        a.getBlue() + (b.getBlue() - a.getBlue()) * t);
  }

  static Color scale(Color a, double f) {
    return clamp(a.getRed() * f, a.getGreen() * f, a.getBlue() * f);
  }

  static Color alpha(Color a, double alpha) {
    return new Color(a.getRed(), a.getGreen(), a.getBlue(), (int) Math.round(Math.max(0, Math.min(1, alpha)) * 255));
  }

  static Color clamp(double r, double g, double b) {
    return new Color(clamp(r), clamp(g), clamp(b));
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
