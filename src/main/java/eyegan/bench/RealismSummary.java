package eyegan.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One budget of a realism sweep across its seeds: per measure the median, the range, the spread
 * (largest over smallest) and the median's ratio to the real-vs-real floor. A recipe is judged by
 * the median over seeds, never by one run: at ten minutes the seed alone moves SWD by up to 2x.
 */
public final class RealismSummary {
  /** One measure across seeds. */
  public record Row(String measure, double median, double min, double max, double floor) {
    /** Largest over smallest value; 1 when the seeds agree exactly. */
    public double spread() {
      return min > 0 ? max / min : Double.NaN;
    }

    /** The median over the floor; NaN when the measure has no floor. */
    public double ratio() {
      return floor > 0 ? median / floor : Double.NaN;
    }
  }

  private RealismSummary() {}

  /** The rows of {@code scores} (one budget, several seeds), measures in the order first seen. */
  public static List<Row> rows(List<RealismScore> scores) {
    Set<String> names = new LinkedHashSet<>();
    scores.forEach(s -> names.addAll(s.measures().keySet()));
    List<Row> rows = new ArrayList<>();
    for (String name : names) {
      double[] v = scores.stream().filter(s -> s.measures().containsKey(name))
          .mapToDouble(s -> s.measures().get(name)).toArray();
      double[] f = scores.stream().filter(s -> s.floors().containsKey(name))
          .mapToDouble(s -> s.floors().get(name)).toArray();
      rows.add(new Row(name, median(v), min(v), max(v), f.length > 0 ? median(f) : Double.NaN));
    }
    return rows;
  }

  /** The median: the middle value, or the mean of the two middle ones. */
  public static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  /** The table printed for one budget: the runs, then one row per measure. */
  public static String table(String budget, List<RealismScore> scores, String machine) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s, %d seeds (%s):%n", budget, scores.size(), machine));
    for (RealismScore s : scores) {
      sb.append(String.format(Locale.ROOT,
          "  seed %-6d %7d steps (%d epochs) at %.0f ms/step, %.1f min: swd %.1f, kid x1e3 %.2f, plausible %.0f%%%n",
          s.seed(), s.steps(), s.epochs(), s.msPerStep(), s.minutes(), s.measures().getOrDefault("swd", Double.NaN),
          s.measures().getOrDefault("kid_x1e3", Double.NaN), s.measures().getOrDefault("plausible_eyes_pct", Double.NaN)));
    }
    sb.append(String.format(Locale.ROOT, "  %-18s %9s %21s %7s %9s %8s%n", "measure", "median", "range", "spread", "floor",
        "/ floor"));
    for (Row r : rows(scores)) {
      // KID's floor is about 0 (an unbiased estimate, sometimes below it): no ratio to print.
      String ratio = Double.isNaN(r.ratio()) ? String.format(Locale.ROOT, "%8s", "-")
          : String.format(Locale.ROOT, "%7.2fx", r.ratio());
      sb.append(String.format(Locale.ROOT, "  %-18s %9.2f %9.2f .. %-9.2f %6.2fx %9.2f %s%n", r.measure(), r.median(),
          r.min(), r.max(), r.spread(), r.floor(), ratio));
    }
    double[] ms = scores.stream().mapToDouble(RealismScore::msPerStep).toArray();
    double[] steps = scores.stream().mapToDouble(RealismScore::steps).toArray();
    sb.append(String.format(Locale.ROOT, "  ms/step median %.0f, steps median %.0f%n", median(ms), median(steps)));
    return sb.toString();
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
  }
}
