package eyegan.metrics;

import eyegan.image.RgbImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The ruler for every realism measure: real images after each {@link Degradation} (from none, the
 * floor, to pure noise), and optionally a generator's first epoch, each measured exactly as {@code
 * evaluate} measures a generator (against the reals' first half, with as many images of the second
 * half), so a generator's row can be read as "about as far from the data as a 1 px blur". The
 * changed copies are made of the same held-out images as the floor, so differences between rows
 * show the change, not which images were drawn.
 */
public final class RealismCalibration {
  /** One changed set and what every measure made of it. */
  public record Row(String label, RealismEvaluation evaluation) {}

  /** Label of the first-epoch row. */
  public static final String FIRST_EPOCH = "a generator after its first epoch";

  private final List<Row> rows;
  private final int images;

  private RealismCalibration(List<Row> rows, int images) {
    this.rows = List.copyOf(rows);
    this.images = images;
  }

  /**
   * Measures every degradation of {@code n} held-out reals, then, when {@code firstEpoch} is given,
   * the images it returns for a count (a generator trained one epoch on the reals).
   */
  public static RealismCalibration measure(RealismMeter meter, RgbImages reals, int n, long seed,
      IntFunction<RgbImages> firstEpoch, Consumer<String> progress) {
    progress.accept("measuring " + reals.count() + " real images (the reference half and the held-out half)...");
    RealismReference ref = meter.reference(reals, seed);
    int k = Math.min(ref.referenceCount(), Math.min(n, ref.heldOut().count()));
    RgbImages other = ImageSelection.subset(ref.heldOut(), k, seed);
    List<Row> rows = new ArrayList<>();
    for (Degradation d : Degradation.values()) {
      progress.accept("  " + d.label());
      rows.add(new Row(d.label(), ref.compare(d.apply(other, seed))));
    }
    if (firstEpoch != null) {
      progress.accept("  training a generator for one epoch on the reals...");
      rows.add(new Row(FIRST_EPOCH, ref.compare(firstEpoch.apply(k))));
    }
    return new RealismCalibration(rows, k);
  }

  public List<Row> rows() {
    return rows;
  }

  /** SWD x1e3 per level and its average's ratio to the floor's, one row per change (the SWD ruler). */
  public String swdTable() {
    return SwdCalibration.table(images, rows.stream().map(Row::label).toList(),
        rows.stream().map(r -> r.evaluation().swd().fakes()).toList());
  }

  /**
   * One row per change: SWD's average and its ratio to the floor, KID, eye geometry, plausible eyes
   * and the colour distances, each value +- its standard error.
   */
  public String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "every measure of %d real images after each change, against %d other real images (value +- standard error)%n",
        images, images));
    sb.append(String.format(Locale.ROOT, "%-38s %14s %7s %15s %15s %12s %12s %12s %12s%n", "change", "SWD x1e3",
        "/floor", "KID x1e3", "geometry W1", "plausible %", "bright W1", "warmth W1", "tint W1"));
    double floor = rows.get(0).evaluation().swdAverage().value();
    for (Row row : rows) {
      RealismEvaluation e = row.evaluation();
      Map<String, Measure> c = e.colour();
      sb.append(String.format(Locale.ROOT, "%-38s %14s %6.2fx %15s %15s %12s %12s %12s %12s%n",
          row.label(),
          pm(e.swdAverage(), 1, "%.1f"),
          e.swdAverage().value() / floor,
          pm(e.kid(), 1e3, "%.2f"),
          pm(e.eyeGeometry(), 1, "%.3f"),
          pm(e.plausibleEyes(), 100, "%.0f"),
          pm(c.get("brightness"), 1, "%.1f"),
          pm(c.get("warmth"), 1, "%.1f"),
          pm(c.get("tint"), 1, "%.1f")));
    }
    return sb.toString();
  }

  private static String pm(Measure m, double scale, String fmt) {
    String v = String.format(Locale.ROOT, fmt, m.value() * scale);
    return Double.isNaN(m.valueSe()) ? v : v + "+-" + String.format(Locale.ROOT, fmt, m.valueSe() * scale);
  }
}
