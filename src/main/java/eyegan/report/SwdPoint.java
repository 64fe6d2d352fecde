package eyegan.report;

import java.util.Arrays;

/**
 * One SWD line of {@code stats.jsonl}: the distance of generated to real images at a point of training.
 *
 * @param step optimiser steps done when it was measured
 * @param epoch epoch it was measured after
 * @param averageX1e3 SWD x 1e3 averaged over levels
 * @param levelsX1e3 SWD x 1e3 per pyramid level, finest first; may be empty
 * @param floorX1e3 the real-vs-real floor (average x 1e3) at the same settings, NaN when not logged
 */
public record SwdPoint(long step, int epoch, double averageX1e3, double[] levelsX1e3, double floorX1e3) {
  public SwdPoint {
    levelsX1e3 = levelsX1e3.clone();
  }

  @Override
  public double[] levelsX1e3() {
    return levelsX1e3.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SwdPoint p
        && step == p.step
        && epoch == p.epoch
        && Double.compare(averageX1e3, p.averageX1e3) == 0
        && Arrays.equals(levelsX1e3, p.levelsX1e3)
        && Double.compare(floorX1e3, p.floorX1e3) == 0;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(step) * 31 + Arrays.hashCode(levelsX1e3);
  }

  @Override
  public String toString() {
    return "SwdPoint[step=" + step + ", epoch=" + epoch + ", avg=" + averageX1e3 + ", levels=" + Arrays.toString(levelsX1e3) + ", floor=" + floorX1e3 + "]";
  }
}
