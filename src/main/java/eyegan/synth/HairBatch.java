package eyegan.synth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.util.SplittableRandom;

/**
 * Collects hair outlines into a few paths, one per tone, and fills each path once. Hundreds of
 * separate fills cost Java2D far more than a handful of fills of the same outlines; a few tones
 * (lighter, darker, more or less opaque) keep the brow and lashes from looking flat.
 */
final class HairBatch {
  private final Color[] tones;
  private final Path2D.Double[] paths;

  /**
   * @param base the hair colour
   * @param count number of tones
   * @param shade brightness spread: tone factors range over [1 - shade, 1 + shade]
   * @param minAlpha least opaque tone
   * @param maxAlpha most opaque tone
   */
  HairBatch(Color base, int count, double shade, double minAlpha, double maxAlpha, SplittableRandom rng) {
    tones = new Color[count];
    paths = new Path2D.Double[count];
    for (int i = 0; i < count; i++) {
      double f = count == 1 ? 0.5 : (double) i / (count - 1);
      double brightness = 1 - shade + 2 * shade * rng.nextDouble();
      tones[i] = Palettes.alpha(Palettes.scale(base, brightness), minAlpha + (maxAlpha - minAlpha) * f);
      paths[i] = new Path2D.Double(Path2D.WIND_NON_ZERO, 1024);
    }
  }

  /** The path of a randomly chosen tone, to add one hair's outline to. */
  Path2D.Double pick(SplittableRandom rng) {
    return paths[rng.nextInt(paths.length)];
  }

  void fill(Graphics2D g) {
    for (int i = 0; i < paths.length; i++) {
      g.setColor(tones[i]);
      g.fill(paths[i]);
    }
  }
}
