package eyegan.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Prepares many files on several threads. Workers take the next file index from a shared counter
 * (large and small photos balance out by themselves) and store each result at its index, so the
 * output order is the input order regardless of which thread finished first.
 */
final class ParallelDecoder {
  /** Files larger than this are refused before reading them into memory. */
  static final long MAX_FILE_BYTES = 1L << 30;
  /** How often the progress line is printed while decoding. */
  private static final long PROGRESS_INTERVAL_NANOS = 2_000_000_000L;

  private ParallelDecoder() {}

  /** The prepared pixels of file i, or why file i was skipped (exactly one is non-null). */
  record Outcome(byte[] pixels, Skipped skipped) {}

  static Outcome[] decodeAll(
      List<ImageFolder.Entry> files, ImagePreparer preparer, int threads, Consumer<String> progress) {
    Outcome[] outcomes = new Outcome[files.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    int workers = Math.max(1, Math.min(threads, files.size()));
    Thread[] pool = new Thread[workers];
    for (int t = 0; t < workers; t++) {
      pool[t] = new Thread(() -> {
        try {
          for (int i = next.getAndIncrement(); i < files.size() && failure.get() == null; i = next.getAndIncrement()) {
            outcomes[i] = prepareOne(files.get(i), preparer);
            done.incrementAndGet();
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, "eyegan-decode-" + t);
      pool[t].setDaemon(true);
      pool[t].start();
    }

    long start = System.nanoTime();
    long lastReport = start;
    try {
      for (Thread worker : pool) {
        while (worker.isAlive()) {
          worker.join(200);
          long now = System.nanoTime();
          if (now - lastReport >= PROGRESS_INTERVAL_NANOS) {
            lastReport = now;
            progress.accept(progressLine(done.get(), files.size(), now - start));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, e);
      for (Thread worker : pool) {
        worker.interrupt();
      }
    }
    Throwable error = failure.get();
    if (error instanceof RuntimeException re) {
      throw re;
    }
    if (error instanceof Error err) {
      throw err;
    }
    if (error != null) {
      throw new IllegalStateException("decoding was interrupted", error);
    }
    return outcomes;
  }

  static String progressLine(int done, int total, long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    return String.format(Locale.ROOT, "  decoded %d/%d files (%d%%), %.0f files/s",
        done, total, total == 0 ? 100 : done * 100 / total, seconds > 0 ? done / seconds : 0.0);
  }

  private static Outcome prepareOne(ImageFolder.Entry file, ImagePreparer preparer) {
    if (file.size() > MAX_FILE_BYTES) {
      return skip(file, "too large: the file has " + file.size() / (1 << 20) + " MiB (limit "
          + MAX_FILE_BYTES / (1 << 20) + " MiB)");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file.path());
    } catch (AccessDeniedException e) {
      return skip(file, "cannot be read (permission denied)");
    } catch (NoSuchFileException e) {
      return skip(file, "disappeared while loading");
    } catch (IOException e) {
      return skip(file, "cannot be read (" + e.getMessage() + ")");
    } catch (OutOfMemoryError e) {
      return skip(file, "not enough memory to read it (raise the Java heap with -Xmx)");
    }
    try {
      return new Outcome(preparer.prepare(bytes), null);
    } catch (UnusableFileException e) {
      return skip(file, e.getMessage());
    }
  }

  private static Outcome skip(ImageFolder.Entry file, String reason) {
    return new Outcome(null, new Skipped(file.relative(), reason));
  }
}
