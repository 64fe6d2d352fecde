package eyegan.report;

import eyegan.UserInputException;
import eyegan.train.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A training run's folder as the report reads it: the files that are there, by the names that
 * {@link RunDirectory} (the one owner of the run folder's layout) gives them.
 */
public final class RunFolder {
  /** Grid of training images the trainer saves at the start. */
  public static final String REALS = RunDirectory.REALS;
  /** Fixed-seed grid of the untrained generator. */
  public static final String FAKES_INIT = RunDirectory.FAKES_INIT;
  /** Settings the run was started with, one JSON object. */
  public static final String OPTIONS = RunDirectory.OPTIONS;
  private static final Pattern FAKES_EPOCH = RunDirectory.FAKES_EPOCH;

  private final Path dir;

  private RunFolder(Path dir) {
    this.dir = dir;
  }

  /**
   * Opens {@code dir} as a run folder.
   *
   * @throws UserInputException when it does not exist, is not a folder, or holds none of a run's files
   */
  public static RunFolder open(Path dir) {
    if (!Files.exists(dir)) {
      throw new UserInputException("run folder " + dir + " does not exist");
    }
    if (!Files.isDirectory(dir)) {
      throw new UserInputException(dir + " is a file, not a run folder");
    }
    RunFolder run = new RunFolder(dir);
    if (run.grids().isEmpty() && run.stats().isEmpty() && run.options().isEmpty() && run.reals().isEmpty()) {
      throw new UserInputException(
          dir + " holds no training outputs (" + FAKES_INIT + ", fakesNNNNNN.png, " + StatsFile.FILE_NAME + ", "
              + OPTIONS + "); pass a folder under runs/");
    }
    return run;
  }

  public Path dir() {
    return dir;
  }

  /** {@code fakes_init.png} (if present) then {@code fakesNNNNNN.png} by epoch. */
  public List<GridFrame> grids() {
    List<GridFrame> frames = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          f -> {
            String name = f.getFileName().toString();
            Matcher m = FAKES_EPOCH.matcher(name);
            if (name.equals(FAKES_INIT)) {
              frames.add(new GridFrame(f, GridFrame.INIT));
            } else if (m.matches()) {
              frames.add(new GridFrame(f, Integer.parseInt(m.group(1))));
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
    }
    frames.sort(Comparator.comparingInt(GridFrame::epoch));
    return frames;
  }

  public Optional<Path> reals() {
    return existing(REALS);
  }

  public Optional<Path> stats() {
    return existing(StatsFile.FILE_NAME);
  }

  public Optional<Path> options() {
    return existing(OPTIONS);
  }

  private Optional<Path> existing(String name) {
    Path p = dir.resolve(name);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }
}
