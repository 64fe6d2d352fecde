package eyegan.report;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eyegan.metrics.SwdResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the trainer's {@code stats.jsonl}: one JSON object per line, either a training tick
 * ({@code step, epoch, d_loss, g_loss, d_real, d_fake, img_per_s, elapsed_s}) or an SWD measurement
 * ({@code step, epoch, swd, swd_levels} and optionally {@code swd_resolutions}, {@code swd_floor}; see
 * {@link #swdLine}). Lines of other kinds are
 * ignored. A run killed mid-write leaves a truncated last line; it and any other unreadable line are
 * skipped and reported, never fatal.
 */
public final class StatsFile {
  /** The file name the trainer writes in a run folder. */
  public static final String FILE_NAME = eyegan.train.RunDirectory.STATS;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          // A diverged run may log NaN or Infinity losses; they are still worth plotting up to that point.
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private StatsFile() {}

  /** Parses {@code file}; an unreadable file is an {@link UncheckedIOException} naming it. */
  public static TrainingStats read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    return parse(lines, file.toString());
  }

  /** Parses the lines of a stats log; {@code name} is used in problem messages. */
  static TrainingStats parse(List<String> lines, String name) {
    List<TrainingTick> ticks = new ArrayList<>();
    List<SwdPoint> swd = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int[] resolutions = new int[0];
    int last = lines.size() - 1;
    while (last >= 0 && lines.get(last).isBlank()) {
      last--;
    }
    for (int i = 0; i <= last; i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        node = null;
      }
      if (node == null || !node.isObject()) {
        problems.add(
            i == last
                ? name + ": skipped the truncated last line " + (i + 1) + " (the run was probably stopped while writing)"
                : name + ": skipped line " + (i + 1) + ", not a JSON object");
        continue;
      }
      if (node.has("swd")) {
        if (!node.path("step").canConvertToLong()) {
          problems.add(name + ": skipped SWD line " + (i + 1) + " without a step");
          continue;
        }
        swd.add(
            new SwdPoint(
                node.get("step").asLong(),
                node.path("epoch").asInt(-1),
                number(node.get("swd")),
                numbers(node.get("swd_levels")),
                number(node.get("swd_floor"))));
        if (node.has("swd_resolutions")) {
          resolutions = integers(node.get("swd_resolutions"));
        }
      } else if (node.has("d_loss") || node.has("g_loss")) {
        if (!node.path("step").canConvertToLong()) {
          problems.add(name + ": skipped training line " + (i + 1) + " without a step");
          continue;
        }
        ticks.add(
            new TrainingTick(
                node.get("step").asLong(),
                node.path("epoch").asInt(-1),
                number(node.get("d_loss")),
                number(node.get("g_loss")),
                number(node.get("d_real")),
                number(node.get("d_fake")),
                number(node.get("img_per_s")),
                number(node.get("elapsed_s")),
                number(node.get("ada_p")),
                number(node.get("ada_r"))));
      }
    }
    return new TrainingStats(ticks, swd, resolutions, problems);
  }

  /**
   * The {@code stats.jsonl} line for a training tick, without line break, in the form this reader
   * expects: {@code {"step","epoch","d_loss","g_loss","d_real","d_fake","img_per_s","elapsed_s"}}, with
   * {@code "ada_p","ada_r"} when the run adapts its augmentation.
   */
  public static String tickLine(TrainingTick t) {
    ObjectNode line = JSON.createObjectNode();
    line.put("step", t.step()).put("epoch", t.epoch()).put("d_loss", t.dLoss()).put("g_loss", t.gLoss())
        .put("d_real", t.dReal()).put("d_fake", t.dFake()).put("img_per_s", t.imagesPerSecond())
        .put("elapsed_s", t.elapsedSeconds());
    if (Double.isFinite(t.adaP())) {
      line.put("ada_p", t.adaP());
    }
    if (Double.isFinite(t.adaR())) {
      line.put("ada_r", t.adaR());
    }
    return line.toString();
  }

  /**
   * The {@code stats.jsonl} line for an SWD measurement, without line break, in the form this reader
   * expects: {@code {"step":..,"epoch":..,"swd":avg,"swd_levels":[..],"swd_resolutions":[..],"swd_floor":avg}}.
   *
   * @param floor the real-vs-real floor at the same settings, or null when not measured
   */
  public static String swdLine(long step, int epoch, SwdResult result, SwdResult floor) {
    ObjectNode line = JSON.createObjectNode();
    line.put("step", step);
    line.put("epoch", epoch);
    line.put("swd", result.average());
    ArrayNode levels = line.putArray("swd_levels");
    for (double v : result.perLevelX1e3()) {
      levels.add(v);
    }
    ArrayNode res = line.putArray("swd_resolutions");
    for (int r : result.levelResolutions()) {
      res.add(r);
    }
    if (floor != null) {
      line.put("swd_floor", floor.average());
    }
    return line.toString();
  }

  /** A number, also from the strings "NaN"/"Infinity" that Jackson writes for non-finite doubles; else NaN. */
  private static double number(JsonNode n) {
    if (n == null || n.isNull()) {
      return Double.NaN;
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isTextual()) {
      try {
        return Double.parseDouble(n.asText());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  private static double[] numbers(JsonNode n) {
    if (n == null || !n.isArray()) {
      return new double[0];
    }
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(n.get(i));
    }
    return out;
  }

  private static int[] integers(JsonNode n) {
    if (n == null || !n.isArray()) {
      return new int[0];
    }
    int[] out = new int[n.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = n.get(i).asInt();
    }
    return out;
  }
}
