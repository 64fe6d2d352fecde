package eyegan.metrics;

import java.util.Random;

/** Random unit vectors in descriptor space, uniform on the sphere (normalised Gaussian draws). */
final class RandomDirections {
  private RandomDirections() {}

  /**
   * {@code count} unit vectors of {@code length} components, a fresh draw for each (seed, level) as
   * ProGAN draws new directions for every level and repeat.
   *
   * @return {@code [count][length]}
   */
  static float[][] draw(int count, int length, long seed, int level) {
    Random random = new Random(Seeds.mix(seed, Seeds.DIRECTIONS, level));
    float[][] dirs = new float[count][length];
    double[] g = new double[length];
    for (int j = 0; j < count; j++) {
      double norm = 0;
      for (int k = 0; k < length; k++) {
        g[k] = random.nextGaussian();
        norm += g[k] * g[k];
      }
      norm = Math.sqrt(norm);
      for (int k = 0; k < length; k++) {
        dirs[j][k] = (float) (g[k] / norm);
      }
    }
    return dirs;
  }
}
