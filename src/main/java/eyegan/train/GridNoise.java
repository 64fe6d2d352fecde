package eyegan.train;

import java.util.SplittableRandom;

/**
 * The fixed noise behind the progress grids: the tutorial draws it once, so every epoch's grid
 * shows the same latent points and the pictures can be compared (and animated). eyegan derives it
 * from the run seed, so a resumed run shows the same points too.
 */
public final class GridNoise {
  /** Mixed into the run seed so the grid does not share a stream with anything else. */
  private static final long GRID_STREAM = 0x6772696444L;

  private GridNoise() {}

  /** float [count, noiseDim] of N(0, 1) values, row-major. */
  public static float[] forSeed(long seed, int count, int noiseDim) {
    SplittableRandom random = new SplittableRandom(seed ^ GRID_STREAM);
    float[] z = new float[count * noiseDim];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) random.nextGaussian();
    }
    return z;
  }
}
