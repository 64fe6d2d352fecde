package eyegan.data;

import eyegan.UserInputException;
import eyegan.image.RgbImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The one entry point from a folder of photos to training images: list the folder, reuse the cache
 * when the folder is unchanged, otherwise decode every file on all cores, report skipped files, and
 * cache the result.
 *
 * <p>Output lines go to the given consumer: a start line, a progress line every few seconds while
 * decoding, one {@code skipped <file>: <reason>} line per unusable file, and a summary.
 */
public final class DatasetLoader {
  private DatasetLoader() {}

  /**
   * Loads {@code folder} at {@code options.resolution()}.
   *
   * @return images of shape [n, resolution, resolution, 3], RGB 0..255, in sorted relative-path order
   * @throws UserInputException when the folder is missing, not a folder, or holds no usable image
   */
  public static LoadResult load(Path folder, LoadOptions options, Consumer<String> progress) {
    long start = System.nanoTime();
    ImageFolder.Scan scan = ImageFolder.scan(folder);
    if (scan.files().isEmpty()) {
      throw new UserInputException("data folder " + folder + " holds no files"
          + (scan.unreadable().isEmpty() ? "" : " that can be read") + "; put JPEG, PNG, BMP, GIF or TIFF photos in it");
    }

    DatasetCache cache = options.useCache() ? new DatasetCache(options.effectiveCacheDir()) : null;
    Path cacheFile = cache == null ? null : cache.fileFor(scan.folder(), options);
    byte[] fingerprint = DatasetCache.fingerprint(scan);
    if (cache != null) {
      DatasetCache.Contents cached = cache.read(cacheFile, fingerprint);
      if (cached != null) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        cached.skipped().forEach(s -> progress.accept(s.toString()));
        progress.accept(String.format(Locale.ROOT, "loaded %d images (%dpx, %s) from cache %s in %.2f s%s",
            cached.images().count(), options.resolution(), fitName(options), cacheFile, elapsed.toNanos() / 1e9,
            cached.skipped().isEmpty() ? "" : ", " + cached.skipped().size() + " files skipped"));
        return new LoadResult(cached.images(), cached.images().count(), cached.skipped(), true, elapsed,
            cached.files(), cacheFile);
      }
    }

    int threads = options.effectiveThreads();
    progress.accept(String.format(Locale.ROOT, "decoding %d files in %s to %dx%d (%s) on %d thread%s",
        scan.files().size(), scan.folder(), options.resolution(), options.resolution(), fitName(options),
        threads, threads == 1 ? "" : "s"));
    ImagePreparer preparer = new ImagePreparer(new ImageDecoder(), options.resolution(), options.fit(),
        LoadOptions.BACKGROUND_RGB);
    ParallelDecoder.Outcome[] outcomes = ParallelDecoder.decodeAll(scan.files(), preparer, threads, progress);

    List<String> files = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>(scan.unreadable());
    int imageBytes = options.resolution() * options.resolution() * RgbImages.CHANNELS;
    int loaded = 0;
    for (ParallelDecoder.Outcome o : outcomes) {
      if (o.pixels() != null) {
        loaded++;
      }
    }
    byte[] pixels = new byte[Math.multiplyExact(loaded, imageBytes)];
    int next = 0;
    for (int i = 0; i < outcomes.length; i++) {
      ParallelDecoder.Outcome o = outcomes[i];
      if (o.pixels() != null) {
        System.arraycopy(o.pixels(), 0, pixels, next * imageBytes, imageBytes);
        files.add(scan.files().get(i).relative());
        next++;
      } else {
        skipped.add(o.skipped());
      }
    }
    skipped.sort(Comparator.comparing(Skipped::file));
    skipped.forEach(s -> progress.accept(s.toString()));
    if (loaded == 0) {
      throw new UserInputException("data folder " + folder + " holds no usable image: all "
          + (scan.files().size() + scan.unreadable().size()) + " files were skipped (reasons above)");
    }

    RgbImages images = new RgbImages(loaded, options.resolution(), options.resolution(), pixels);
    Path written = null;
    if (cache != null) {
      try {
        cache.write(cacheFile, scan.folder(), options, fingerprint,
            new DatasetCache.Contents(images, List.copyOf(files), List.copyOf(skipped)));
        written = cacheFile;
      } catch (RuntimeException e) {
        // The cache only saves time; a read-only or full disk must not stop training.
        progress.accept("warning: could not write the cache " + cacheFile + ": " + e.getMessage());
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    double seconds = elapsed.toNanos() / 1e9;
    progress.accept(String.format(Locale.ROOT, "loaded %d images, skipped %d files, in %.1f s (%.0f files/s)%s",
        loaded, skipped.size(), seconds, outcomes.length / Math.max(seconds, 1e-9),
        written == null ? "" : "; cached in " + written));
    return new LoadResult(images, loaded, List.copyOf(skipped), false, elapsed, List.copyOf(files), written);
  }

  private static String fitName(LoadOptions options) {
    return switch (options.fit()) {
      case CROP -> "centre crop";
      case PAD -> "padded to square";
      case STRETCH -> "stretched to square";
    };
  }
}
