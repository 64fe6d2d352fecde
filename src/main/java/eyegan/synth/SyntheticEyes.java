package eyegan.synth;

import eyegan.image.PngFiles;
import eyegan.image.RgbImages;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * eyegan's built-in dataset: procedurally drawn close-up human eyes (see {@link EyeRenderer}), in
 * the spirit of the close-up eye photos the reference model was trained on, so training works with
 * no download.
 *
 * <p>Image {@code i} of seed {@code s} depends only on (s, i) and the size: the set renders on all
 * cores in any order and the same seed always gives byte-identical images and PNG files.
 */
public final class SyntheticEyes {
  /** Side of the built-in set's images: the reference model's training resolution. */
  public static final int DEFAULT_SIZE = 128;
  /** Smallest size at which the features still resolve. */
  public static final int MIN_SIZE = 16;
  /** Largest size offered (the strokes are tuned for 64-256 px). */
  public static final int MAX_SIZE = 1024;
  private static final long PROGRESS_INTERVAL_MS = 2_000;

  private SyntheticEyes() {}

  /** Image {@code index} of the set for {@code seed}, as {@code size * size * 3} RGB bytes. */
  public static byte[] renderOne(long seed, int index, int size) {
    checkSize(size);
    SplittableRandom rng = new SplittableRandom(mix(seed, index));
    return EyeRenderer.render(EyeParams.sample(rng), size);
  }

  /**
   * Renders images 0..n-1 of {@code seed} on all cores.
   *
   * @return shape [n, size, size, 3], RGB 0..255
   */
  public static RgbImages render(int n, long seed, int size) {
    checkSize(size);
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    int bytes = size * size * RgbImages.CHANNELS;
    byte[] all = new byte[Math.multiplyExact(n, bytes)];
    run(n, i -> System.arraycopy(renderOne(seed, i, size), 0, all, i * bytes, bytes), line -> {}, "rendered");
    return new RgbImages(n, size, size, all);
  }

  /**
   * Renders images 0..n-1 of {@code seed} to {@code dir/eye-00000.png} and on, each written
   * atomically, on all cores, with a progress line every couple of seconds.
   */
  public static void writePngs(Path dir, int n, long seed, int size, Consumer<String> progress) {
    checkSize(size);
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    run(n, i -> {
      RgbImages one = new RgbImages(1, size, size, renderOne(seed, i, size));
      PngFiles.write(one.toBufferedImage(0), dir.resolve(fileName(i)));
    }, progress, "rendered");
  }

  /** File name of image {@code index}: zero-padded so names sort in index order. */
  public static String fileName(int index) {
    return String.format(Locale.ROOT, "eye-%05d.png", index);
  }

  private interface Job {
    void run(int index);
  }

  private static void run(int n, Job job, Consumer<String> progress, String verb) {
    AtomicInteger done = new AtomicInteger();
    ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    long start = System.nanoTime();
    try {
      ForkJoinTask<?> task = pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
        job.run(i);
        done.incrementAndGet();
      }));
      while (true) {
        try {
          task.get(PROGRESS_INTERVAL_MS, TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException e) {
          double s = (System.nanoTime() - start) / 1e9;
          progress.accept(String.format(Locale.ROOT, "  %s %d/%d eyes (%.0f/s)", verb, done.get(), n, done.get() / s));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("rendering was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void checkSize(int size) {
    if (size < MIN_SIZE || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be in " + MIN_SIZE + ".." + MAX_SIZE + ", got " + size);
    }
  }

  /** Per-image seed: SplitMix64-style mixing so neighbouring indices get unrelated streams. */
  static long mix(long seed, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + index + 1;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
