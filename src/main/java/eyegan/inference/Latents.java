package eyegan.inference;

/**
 * Arithmetic on noise vectors (latent points) of a generator whose noise is N(0, 1) per element.
 */
public final class Latents {
  /** Below this angle (radians) two latents are treated as parallel and interpolated linearly. */
  private static final double PARALLEL_ANGLE = 1e-6;

  private Latents() {}

  /**
   * Spherical linear interpolation (slerp) from {@code a} to {@code b} in {@code steps} points,
   * both ends included: {@code p(t) = sin((1-t)w)/sin(w) a + sin(t w)/sin(w) b}, w the angle
   * between them, t = i / (steps - 1). Slerp rather than a straight line because high-dimensional
   * Gaussian samples lie near a sphere of radius sqrt(D); points on the chord between two of them
   * are atypically short and decode to washed-out images (White, "Sampling Generative Networks",
   * 2016).
   *
   * @return [steps][D]
   */
  public static float[][] slerp(float[] a, float[] b, int steps) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("latents differ in length: " + a.length + " and " + b.length);
    }
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    }
    double na = norm(a);
    double nb = norm(b);
    double cos = 0;
    for (int k = 0; k < a.length; k++) {
      cos += a[k] * (double) b[k];
    }
    cos = na == 0 || nb == 0 ? 1 : Math.max(-1, Math.min(1, cos / (na * nb)));
    double omega = Math.acos(cos);
    double sin = Math.sin(omega);
    float[][] out = new float[steps][a.length];
    for (int i = 0; i < steps; i++) {
      double t = steps == 1 ? 0 : i / (double) (steps - 1);
      double wa;
      double wb;
      if (omega < PARALLEL_ANGLE) {
        wa = 1 - t;
        wb = t;
      } else {
        wa = Math.sin((1 - t) * omega) / sin;
        wb = Math.sin(t * omega) / sin;
      }
      for (int k = 0; k < a.length; k++) {
        out[i][k] = (float) (wa * a[k] + wb * b[k]);
      }
    }
    return out;
  }

  /**
   * The truncation trick as scaling toward the mean: {@code z' = mean + psi * (z - mean)} with
   * the prior's mean 0, so {@code z' = psi * z}. psi = 1 leaves the noise unchanged; smaller values
   * trade variety for typical, cleaner images; psi = 0 gives the mean latent. Scaling (rather than
   * resampling values beyond a threshold) keeps each seed's image recognisable across psi.
   *
   * @param psi in [0, 1]
   * @return a new array; {@code noise} is not changed
   */
  public static float[][] truncate(float[][] noise, double psi) {
    requirePsi(psi);
    float[][] out = new float[noise.length][];
    for (int i = 0; i < noise.length; i++) {
      out[i] = new float[noise[i].length];
      for (int k = 0; k < noise[i].length; k++) {
        out[i][k] = (float) (psi * noise[i][k]);
      }
    }
    return out;
  }

  static void requirePsi(double psi) {
    if (!(psi >= 0 && psi <= 1)) {
      throw new IllegalArgumentException("truncation psi must be in [0, 1] (1 = none), got " + psi);
    }
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * (double) x;
    }
    return Math.sqrt(s);
  }
}
