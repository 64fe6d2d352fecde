package eyegan.metrics;

import eyegan.image.RgbImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A ruler for SWD values: the SWD of real images after each {@link Degradation}, measured exactly
 * as {@link SlicedWasserstein#evaluate} measures generated images (against the first half of the
 * reals, with as many images of the other half), so a generator's row can be read against them.
 * The {@link Degradation#NONE} row is the real-vs-real floor.
 */
public final class SwdCalibration {
  /** One degradation and the SWD it gives. */
  public record Row(Degradation degradation, SwdResult swd) {}

  private final List<Row> rows;
  private final int images;

  private SwdCalibration(List<Row> rows, int images) {
    this.rows = List.copyOf(rows);
    this.images = images;
  }

  /**
   * Measures every degradation.
   *
   * @param reals at least 2 real images, all of one size
   * @param n at most this many degraded images are compared (at most half of the reals)
   * @param seed seeds the split, the patch sampling, the directions and the grain
   */
  public static SwdCalibration measure(SlicedWasserstein sw, RgbImages reals, int n, long seed) {
    if (reals.count() < 2) {
      throw new IllegalArgumentException("calibration needs at least 2 real images, got " + reals.count());
    }
    RgbImages[] halves = ImageSelection.split(reals, sw.settings().imagesPerSet(), seed);
    int k = Math.min(halves[0].count(), Math.min(n, halves[1].count()));
    SwdReference ref = sw.reference(halves[0], seed);
    RgbImages other = ImageSelection.subset(halves[1], k, seed);
    List<Row> rows = new ArrayList<>();
    for (Degradation d : Degradation.values()) {
      rows.add(new Row(d, ref.compare(d.apply(other, seed))));
    }
    return new SwdCalibration(rows, k);
  }

  public List<Row> rows() {
    return rows;
  }

  /** The SWD of the undegraded other half: the floor. */
  public SwdResult floor() {
    return rows.get(0).swd();
  }

  /** Per degradation: SWD x1e3 per level, the average, and the average's ratio to the floor's. */
  public String table() {
    return table(images, rows.stream().map(r -> r.degradation().label()).toList(), rows.stream().map(Row::swd).toList());
  }

  /**
   * The SWD ruler's table: per change, SWD x1e3 per level, the average, and the average's ratio to
   * the first row's (the floor: no change).
   *
   * @param images real images on each side of every comparison
   */
  static String table(int images, List<String> labels, List<SwdResult> results) {
    SwdResult floor = results.get(0);
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "SWD x1e3 of %d real images after each change, against %d other real images%n", images, images));
    sb.append(String.format(Locale.ROOT, "%-40s", "change"));
    for (int r : floor.levelResolutions()) {
      sb.append(String.format(Locale.ROOT, " %9s", r + "px"));
    }
    sb.append(String.format(Locale.ROOT, " %9s %8s%n", "average", "/ floor"));
    for (int i = 0; i < results.size(); i++) {
      SwdResult swd = results.get(i);
      sb.append(String.format(Locale.ROOT, "%-40s", labels.get(i)));
      for (double v : swd.perLevelX1e3()) {
        sb.append(String.format(Locale.ROOT, " %9.1f", v));
      }
      sb.append(String.format(Locale.ROOT, " %9.1f %7.2fx%n", swd.average(), swd.average() / floor.average()));
    }
    return sb.toString();
  }
}
