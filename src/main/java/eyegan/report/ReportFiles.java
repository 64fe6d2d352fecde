package eyegan.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@link TrainingReport#write} produced in a run folder.
 *
 * @param index the HTML page, always written
 * @param gif the animation of the sample grids, absent when the run saved none
 * @param gifFrames frames in {@code gif}, 0 when absent
 * @param curves the plot of losses, D outputs and SWD, absent without a usable {@code stats.jsonl}
 * @param problems one sentence per thing that was skipped (a truncated log line, an unreadable grid)
 */
public record ReportFiles(Path index, Optional<Path> gif, int gifFrames, Optional<Path> curves, List<String> problems) {
  public ReportFiles {
    problems = List.copyOf(problems);
  }
}
