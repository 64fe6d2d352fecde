package eyegan.train;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A training run's folder, numbered like {@code runs/00003-cpu-64px/} so runs never overwrite each
 * other. It holds {@code training_options.json}, {@code log.txt}, {@code stats.jsonl},
 * {@code reals.png}, {@code fakes_init.png}, {@code fakesNNNNNN.png} (NNNNNN = epoch),
 * {@code checkpoints/} and {@code tensorboard/}.
 */
public final class RunDirectory {
  /** Every effective setting of the run, one JSON object. */
  public static final String OPTIONS = eyegan.config.TrainingOptionsFile.NAME;
  /** Everything the run printed. */
  public static final String LOG = "log.txt";
  /** One JSON line per progress tick and SWD measurement. */
  public static final String STATS = "stats.jsonl";
  /** Grid of training images saved at the start. */
  public static final String REALS = "reals.png";
  /** Fixed-seed grid of the untrained generator. */
  public static final String FAKES_INIT = "fakes_init.png";
  /** The crash-safe checkpoints, {@code ckpt-<step>/}. */
  public static final String CHECKPOINTS = "checkpoints";
  /** TensorBoard event files. */
  public static final String TENSORBOARD = "tensorboard";
  /** {@code fakesNNNNNN.png}: the fixed-seed grid after epoch NNNNNN. */
  public static final Pattern FAKES_EPOCH = Pattern.compile("fakes(\\d{6,9})\\.png");
  private static final Pattern NUMBERED = Pattern.compile("^(\\d{5})-.*");
  private final Path path;

  private RunDirectory(Path path) {
    this.path = path;
  }

  /** Creates {@code root/NNNNN-<preset>-<res>px} with the next free number. */
  public static RunDirectory createNext(Path root, String preset, int resolution) throws IOException {
    Files.createDirectories(root);
    int next = nextNumber(root);
    while (true) {
      Path dir = root.resolve(String.format(Locale.ROOT, "%05d-%s-%dpx", next, preset, resolution));
      try {
        Files.createDirectory(dir); // atomic: two runs starting at once get different numbers
        return new RunDirectory(dir);
      } catch (FileAlreadyExistsException e) {
        next++;
      }
    }
  }

  /** Uses an existing or new folder given by the user. */
  public static RunDirectory at(Path dir) throws IOException {
    Files.createDirectories(dir);
    return new RunDirectory(dir);
  }

  private static int nextNumber(Path root) throws IOException {
    int max = -1;
    try (Stream<Path> entries = Files.list(root)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        Matcher m = NUMBERED.matcher(p.getFileName().toString());
        if (m.matches()) {
          max = Math.max(max, Integer.parseInt(m.group(1)));
        }
      }
    }
    return max + 1;
  }

  public Path path() {
    return path;
  }

  public Path checkpoints() {
    return path.resolve(CHECKPOINTS);
  }

  public Path stats() {
    return path.resolve(STATS);
  }

  public Path log() {
    return path.resolve(LOG);
  }

  public Path tensorboard() {
    return path.resolve(TENSORBOARD);
  }

  public Path reals() {
    return path.resolve(REALS);
  }

  public Path fakesInit() {
    return path.resolve(FAKES_INIT);
  }

  /** The fixed-seed grid after {@code epoch} epochs. */
  public Path fakes(int epoch) {
    return path.resolve(String.format(Locale.ROOT, "fakes%06d.png", epoch));
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
