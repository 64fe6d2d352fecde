package eyegan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eyegan.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Realism against training length, from the records of several sweeps ({@code bench --realism}):
 * one point per budget, with the median and range of every measure over its seeds. Sweeps of the
 * same budget label (say two folders of {@code 347ep}, one with seeds 1-2 and one with seed 3) are
 * pooled into one point; points are ordered by their median number of steps.
 */
public final class RealismCurve {
  /** The measures drawn and tabled, in order, with how they are written. */
  public static final List<Measure> MEASURES = List.of(
      new Measure("swd", "SWD x1e3", 1),
      new Measure("kid_x1e3", "KID x1e3", 1),
      new Measure("eye_geometry", "eye geometry", 3),
      new Measure("plausible_eyes_pct", "plausible eyes %", 0),
      new Measure("warmth", "warmth", 1),
      new Measure("brightness", "brightness", 1));

  /** One measure: its key in the records, its label and the decimals it is printed with. */
  public record Measure(String key, String label, int decimals) {}

  /**
   * One budget across its seeds.
   *
   * @param budget the budget's label ({@code 10min}, {@code 83ep})
   * @param seeds the seeds pooled
   * @param steps median optimiser steps over the seeds
   * @param rows every measure's median, range and floor over the seeds, by measure key
   */
  public record Point(String budget, List<Long> seeds, double steps, Map<String, RealismSummary.Row> rows) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Point> points;
  private final String machine;

  private RealismCurve(List<Point> points, String machine) {
    this.points = List.copyOf(points);
    this.machine = machine;
  }

  /** Reads the {@code realism.json} of each sweep folder; a folder without one is a usage error. */
  public static RealismCurve read(List<Path> sweeps) {
    if (sweeps.isEmpty()) {
      throw new UserInputException("name at least one sweep folder");
    }
    Map<String, List<RealismScore>> byBudget = new LinkedHashMap<>();
    List<String> machines = new ArrayList<>();
    for (Path dir : sweeps) {
      Path file = dir.resolve(RealismSweep.SUMMARY_FILE);
      if (!Files.isRegularFile(file)) {
        throw new UserInputException(dir + " is not a finished realism sweep (no " + RealismSweep.SUMMARY_FILE
            + "; 'eyegan bench --realism --sweep-dir " + dir + "' writes it)");
      }
      try {
        JsonNode root = JSON.readTree(file.toFile());
        JsonNode scores = root.path("scores");
        if (!scores.isArray() || scores.isEmpty()) {
          throw new UserInputException(file + " holds no scores");
        }
        for (JsonNode s : scores) {
          RealismScore score = JSON.treeToValue(s, RealismScore.class);
          List<RealismScore> pooled = byBudget.computeIfAbsent(score.budget(), k -> new ArrayList<>());
          if (pooled.stream().anyMatch(o -> o.seed() == score.seed())) {
            throw new UserInputException("budget " + score.budget() + " seed " + score.seed() + " is in more than one"
                + " of the sweeps (again in " + dir + "): pool sweeps of the same budget only when their seeds differ");
          }
          pooled.add(score);
        }
        String machine = root.path("machine").asText("");
        if (!machine.isEmpty() && !machines.contains(machine)) {
          machines.add(machine);
        }
      } catch (IOException e) {
        throw new UserInputException("cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    List<Point> points = new ArrayList<>();
    byBudget.forEach((budget, scores) -> {
      Map<String, RealismSummary.Row> rows = new LinkedHashMap<>();
      RealismSummary.rows(scores).forEach(r -> rows.put(r.measure(), r));
      double steps = RealismSummary.median(scores.stream().mapToDouble(RealismScore::steps).toArray());
      points.add(new Point(budget, scores.stream().map(RealismScore::seed).toList(), steps, rows));
    });
    points.sort(Comparator.comparingDouble(Point::steps));
    return new RealismCurve(points, String.join("; ", machines));
  }

  public List<Point> points() {
    return points;
  }

  /** The machines the sweeps recorded, joined (empty when none did). */
  public String machine() {
    return machine;
  }

  /** A Markdown table: a row per budget, median (range) of each measure, then the floors. */
  public String table() {
    StringBuilder sb = new StringBuilder("| budget | seeds | steps |");
    MEASURES.forEach(m -> sb.append(' ').append(m.label()).append(" |"));
    sb.append(System.lineSeparator()).append("|---|---|---|");
    MEASURES.forEach(m -> sb.append("---|"));
    sb.append(System.lineSeparator());
    for (Point p : points) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %,.0f |", p.budget(),
          String.join(",", p.seeds().stream().map(String::valueOf).toList()), p.steps()));
      for (Measure m : MEASURES) {
        RealismSummary.Row r = p.rows().get(m.key());
        sb.append(' ').append(r == null ? "-" : p.seeds().size() == 1 ? fmt(r.median(), m)
            : fmt(r.median(), m) + " (" + fmt(r.min(), m) + "-" + fmt(r.max(), m) + ")").append(" |");
      }
      sb.append(System.lineSeparator());
    }
    sb.append("| real vs real (floor) | | |");
    for (Measure m : MEASURES) {
      double floor = points.stream().map(p -> p.rows().get(m.key())).filter(r -> r != null && Double.isFinite(r.floor()))
          .mapToDouble(RealismSummary.Row::floor).findFirst().orElse(Double.NaN);
      sb.append(' ').append(Double.isNaN(floor) ? "-" : fmt(floor, m)).append(" |");
    }
    return sb.append(System.lineSeparator()).toString();
  }

  private static String fmt(double v, Measure m) {
    return String.format(Locale.ROOT, "%." + m.decimals() + "f", v);
  }
}
