package eyegan.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import eyegan.io.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.tensorflow.Session;

/**
 * Crash-safe TensorFlow checkpoints of a run: every variable of the session's graph (G, D, both
 * Adams' slots and beta powers, batch-norm moving statistics, the global step) plus a
 * {@code meta.json} with the counters that place the run in its schedule.
 *
 * <p>Layout: {@code checkpoints/ckpt-<step, 9 digits>/{variables.index, variables.data-*, meta.json}}.
 * A checkpoint is written into a hidden temporary folder, flushed to disk and only then renamed into
 * place, so a crash or kill -9 at any moment leaves every earlier checkpoint valid and never a
 * half-written one under a real name. The newest {@code keep} are kept.
 */
public final class Checkpoints {
  /** Variables file prefix inside a checkpoint folder. */
  public static final String VARIABLES = "variables";
  public static final String META = "meta.json";
  private static final String PREFIX = "ckpt-";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Where a run stands when a checkpoint is taken. The RNG state is fully described by
   * (seed, step, epoch): noise and dropout are keyed by (seed, step), shuffling by (seed, epoch).
   *
   * @param step optimisation steps done
   * @param epoch the epoch in progress (0-based); equals the finished epochs when batch is 0
   * @param batch next batch index within {@code epoch}
   * @param seed the run's seed
   * @param trainingSetSize images per epoch (flips included), to detect a changed data set
   * @param elapsedSeconds training time so far, across resumes
   */
  public record Meta(long step, int epoch, int batch, long seed, int trainingSetSize, double elapsedSeconds) {}

  /** A checkpoint found on disk. */
  public record Entry(Path dir, Meta meta) {
    public String prefix() {
      return dir.resolve(VARIABLES).toString();
    }
  }

  private final Path dir;
  private final int keep;

  public Checkpoints(Path dir, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be >= 1, got " + keep);
    }
    this.dir = dir;
    this.keep = keep;
  }

  /** Saves the session's variables under {@code meta.step()}; returns the checkpoint folder. */
  public Path save(Session session, Meta meta) {
    try {
      Files.createDirectories(dir);
      Path target = dir.resolve(name(meta.step()));
      if (Files.isDirectory(target)) {
        return target; // same step saved already (e.g. Ctrl-C right after a scheduled checkpoint)
      }
      Path tmp = Files.createTempDirectory(dir, ".tmp-" + name(meta.step()) + "-");
      try {
        session.save(tmp.resolve(VARIABLES).toString());
        JSON.writeValue(tmp.resolve(META).toFile(), meta);
        FileTrees.syncFiles(tmp);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        FileTrees.delete(tmp);
      }
      prune();
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write checkpoint in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Checkpoints whose files are all present, newest first; unreadable ones are reported and skipped. */
  public List<Entry> list(Consumer<String> warn) {
    List<Entry> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    List<Path> dirs;
    try (Stream<Path> s = Files.list(dir)) {
      dirs = s.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p))
          .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list checkpoints in " + dir, e);
    }
    for (Path d : dirs) {
      try {
        if (!Files.isRegularFile(d.resolve(VARIABLES + ".index"))) {
          warn.accept("skipping checkpoint " + d.getFileName() + ": variables.index is missing");
          continue;
        }
        out.add(new Entry(d, JSON.readValue(d.resolve(META).toFile(), Meta.class)));
      } catch (IOException e) {
        warn.accept("skipping checkpoint " + d.getFileName() + ": unreadable meta.json (" + firstLine(e) + ")");
      }
    }
    return out;
  }

  /**
   * Restores the newest checkpoint that TensorFlow can read into {@code session}; a corrupt one is
   * reported through {@code warn} and the next older one is tried.
   */
  public Optional<Entry> restoreLatest(Session session, Consumer<String> warn) {
    return restoreFirst(session, list(warn), warn);
  }

  /**
   * Restores the first of {@code candidates} that TensorFlow can read into {@code session} (a graph
   * may hold a subset of the variables, e.g. only the generator's); each unreadable one is reported
   * through {@code warn}.
   */
  public static Optional<Entry> restoreFirst(Session session, List<Entry> candidates, Consumer<String> warn) {
    for (Entry e : candidates) {
      try {
        session.restore(e.prefix());
        return Optional.of(e);
      } catch (RuntimeException ex) {
        warn.accept("skipping checkpoint " + e.dir().getFileName() + ": TensorFlow cannot read it (" + firstLine(ex) + ")");
      }
    }
    return Optional.empty();
  }

  public Path dir() {
    return dir;
  }

  private void prune() throws IOException {
    List<Entry> all = list(w -> {});
    for (int i = keep; i < all.size(); i++) {
      FileTrees.delete(all.get(i).dir());
    }
  }

  private static String name(long step) {
    return String.format(Locale.ROOT, PREFIX + "%09d", step);
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
  }
}
