package eyegan.serve;

import eyegan.UserInputException;
import eyegan.inference.ModelFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The versions of one model under a TF Serving base path, served the way TF Serving's default
 * policy serves them: the highest integer version folder is loaded and answers requests; the base
 * path is polled, and when a different highest version appears (a new export, or the served one
 * removed) it is loaded and swapped in, then the old one is closed once its requests finish. A
 * version that fails to load is reported once, retried now and then, and never replaces a working
 * one.
 */
final class ModelVersions implements AutoCloseable {
  /** Seconds between attempts to load a version that failed before. */
  private static final long RETRY_FAILED_SECONDS = 5;

  private final Path base;
  private final Consumer<String> log;
  private final ScheduledExecutorService poller;
  private final Map<Long, Long> failedAt = new HashMap<>();
  private volatile LoadedVersion current;
  private boolean closed;

  private ModelVersions(Path base, Consumer<String> log, LoadedVersion first, double pollSeconds) {
    this.base = base;
    this.log = log;
    this.current = first;
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "eyegan-serve-version-poll");
      t.setDaemon(true);
      return t;
    });
    if (pollSeconds > 0) {
      long ms = Math.max(1, Math.round(pollSeconds * 1000));
      poller.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Loads the highest version under {@code base} and starts watching it.
   *
   * @param pollSeconds how often to look for a new version; 0 = never
   * @param log receives one line per version change or failed load
   * @throws UserInputException when {@code base} is missing, is a version folder itself, or holds
   *     no version that loads
   */
  static ModelVersions open(Path base, double pollSeconds, Consumer<String> log) {
    if (!Files.exists(base)) {
      throw new UserInputException(base + " does not exist; give the model's base path, e.g. savedmodel/eyegan");
    }
    if (ModelFolder.isSavedModel(base)) {
      throw new UserInputException(base + " is a version folder; give its base path (" + base.toAbsolutePath().getParent()
          + "), which holds the numbered versions, as with TF Serving's --model_base_path");
    }
    if (!Files.isDirectory(base)) {
      throw new UserInputException(base + " is not a folder; give the model's base path, e.g. savedmodel/eyegan");
    }
    List<Long> versions = ModelFolder.versions(base);
    if (versions.isEmpty()) {
      throw new UserInputException(base + " holds no version folders (1, 2, ...) with a saved_model.pb;"
          + " export one with 'eyegan export' or 'eyegan train'");
    }
    long v = versions.get(versions.size() - 1);
    return new ModelVersions(base, log, LoadedVersion.load(v, base.resolve(Long.toString(v))), pollSeconds);
  }

  /** The base path being watched. */
  Path base() {
    return base;
  }

  /** The version answering requests now. */
  long servedVersion() {
    return current.version();
  }

  /**
   * A lease on the served version, or on {@code version} when given; the caller must
   * {@link LoadedVersion#release()} it.
   *
   * @return null when {@code version} is given and not the one being served
   */
  LoadedVersion acquire(Long version) {
    while (true) {
      LoadedVersion v = current;
      if (version != null && v.version() != version) {
        return null;
      }
      if (v.tryAcquire()) {
        return v;
      }
      // closed between the read and the lease: a newer version has been swapped in; read again
    }
  }

  /** One look at the base path; loads and swaps in a different highest version. Package-private for tests. */
  synchronized void poll() {
    if (closed) {
      return;
    }
    List<Long> versions;
    try {
      versions = ModelFolder.versions(base);
    } catch (RuntimeException e) {
      return; // the folder may be briefly unreadable while files move; look again next time
    }
    if (versions.isEmpty()) {
      return; // nothing to switch to: keep serving what is loaded
    }
    long wanted = versions.get(versions.size() - 1);
    if (wanted == current.version()) {
      return;
    }
    Long failed = failedAt.get(wanted);
    long now = System.nanoTime();
    if (failed != null && now - failed < TimeUnit.SECONDS.toNanos(RETRY_FAILED_SECONDS)) {
      return;
    }
    long t0 = System.nanoTime();
    LoadedVersion next;
    try {
      next = LoadedVersion.load(wanted, base.resolve(Long.toString(wanted)));
    } catch (RuntimeException e) {
      if (failed == null) {
        log.accept("cannot load version " + wanted + " (" + firstLine(e) + "); still serving version " + current.version());
      }
      failedAt.put(wanted, now);
      return;
    }
    failedAt.remove(wanted);
    LoadedVersion old = current;
    current = next;
    old.retire();
    log.accept(String.format(java.util.Locale.ROOT, "now serving version %d (loaded in %.2f s); version %d unloaded",
        wanted, (System.nanoTime() - t0) / 1e9, old.version()));
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      poller.shutdownNow();
      current.retire();
    }
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
  }
}
