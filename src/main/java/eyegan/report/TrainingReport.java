package eyegan.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import eyegan.UserInputException;
import eyegan.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds the visual report of a training run inside its folder: {@value #GIF} (the fixed-seed grids
 * across epochs), {@value #CURVES} (losses, D outputs, SWD from {@code stats.jsonl}) and
 * {@value #INDEX} showing them with the training options. Each is rewritten atomically on every call,
 * so it can run while training continues. Missing inputs leave out a panel; they never fail the report.
 */
public final class TrainingReport {
  public static final String GIF = "progress.gif";
  public static final String CURVES = "curves.png";
  public static final String INDEX = "index.html";

  /** Decimals as written (0.0001 stays 0.0001, not 1.0E-4) when shown in the options table. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private TrainingReport() {}

  /** {@link #write(Path, Consumer)} without progress messages. */
  public static ReportFiles write(Path runDir) {
    return write(runDir, message -> {});
  }

  /**
   * Writes the report files into {@code runDir}.
   *
   * @param progress receives a short line before each slow step
   * @throws UserInputException when {@code runDir} is missing or holds no training outputs
   */
  public static ReportFiles write(Path runDir, Consumer<String> progress) {
    RunFolder run = RunFolder.open(runDir);
    List<String> problems = new ArrayList<>();

    List<GridFrame> grids = run.grids();
    Optional<Path> gif = Optional.empty();
    int frames = 0;
    if (!grids.isEmpty()) {
      progress.accept("animating " + Math.min(grids.size(), ProgressGif.MAX_FRAMES) + " of " + grids.size() + " sample grids");
      Path target = runDir.resolve(GIF);
      frames = ProgressGif.write(grids, target, problems::add);
      gif = frames > 0 ? Optional.of(target) : Optional.empty();
    }

    Optional<TrainingStats> stats = run.stats().map(StatsFile::read);
    stats.ifPresent(s -> problems.addAll(s.problems()));
    Optional<Path> curves = Optional.empty();
    if (stats.isPresent()) {
      progress.accept("plotting " + StatsFile.FILE_NAME);
      Path target = runDir.resolve(CURVES);
      if (TrainingCurves.write(stats.get(), target, "eyegan run " + runName(runDir))) {
        curves = Optional.of(target);
      } else {
        problems.add(run.stats().get() + " has no training or SWD lines yet");
      }
    }

    Optional<JsonNode> options = run.options().flatMap(p -> readOptions(p, problems));
    Optional<GridFrame> latest = grids.isEmpty() ? Optional.empty() : Optional.of(grids.get(grids.size() - 1));
    String html =
        ReportPage.html(
            new ReportPage.Content(
                runName(runDir),
                gif.map(ReportPage::name),
                frames,
                latest,
                run.reals().map(ReportPage::name),
                curves.map(ReportPage::name),
                stats,
                options,
                problems));
    Path index = runDir.resolve(INDEX);
    AtomicFiles.writeString(index, html);
    return new ReportFiles(index, gif, frames, curves, problems);
  }

  private static Optional<JsonNode> readOptions(Path file, List<String> problems) {
    try {
      JsonNode node = JSON.readTree(file.toFile());
      if (node == null || !node.isObject()) {
        problems.add(file + " is not a JSON object; options not shown");
        return Optional.empty();
      }
      return Optional.of(node);
    } catch (IOException e) {
      problems.add("could not read " + file + ": " + e.getMessage().lines().findFirst().orElse("") + "; options not shown");
      return Optional.empty();
    }
  }

  private static String runName(Path runDir) {
    Path name = runDir.toAbsolutePath().normalize().getFileName();
    return name == null ? runDir.toString() : name.toString();
  }
}
