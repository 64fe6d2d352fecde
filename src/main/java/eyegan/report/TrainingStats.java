package eyegan.report;

import java.util.List;

/**
 * What {@link StatsFile} read from a {@code stats.jsonl}.
 *
 * @param ticks training progress lines in file order
 * @param swd SWD lines in file order
 * @param resolutions pyramid level heights of the SWD values when the log names them, else empty
 * @param problems one sentence per line that was skipped (naming the file and line)
 */
public record TrainingStats(List<TrainingTick> ticks, List<SwdPoint> swd, int[] resolutions, List<String> problems) {
  public TrainingStats {
    ticks = List.copyOf(ticks);
    swd = List.copyOf(swd);
    resolutions = resolutions.clone();
    problems = List.copyOf(problems);
  }

  /** Nothing usable was read. */
  public boolean isEmpty() {
    return ticks.isEmpty() && swd.isEmpty();
  }

  @Override
  public int[] resolutions() {
    return resolutions.clone();
  }
}
