package eyegan.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The built-in training set: {@link #COUNT} synthetic eyes of {@link #SIZE} px with seed
 * {@link #SEED}, rendered once into {@code <data dir>/synthetic-eyes/} the first time training runs
 * without {@code --data}.
 *
 * <p>The set is rendered into a hidden temporary folder beside it and renamed into place only when
 * every image is written, so an interrupted render never passes for a complete one. A hidden marker
 * file records what was rendered; when it is missing or differs (an older renderer, a different
 * count), the folder is rendered again.
 */
public final class DefaultData {
  /** Folder name under the data directory. */
  public static final String FOLDER = "synthetic-eyes";
  public static final int COUNT = 1000;
  public static final int SIZE = SyntheticEyes.DEFAULT_SIZE;
  public static final long SEED = 20_240_611L;
  /** Bump when the renderer's output changes, so existing built-in sets are rendered afresh. */
  public static final int RENDERER_VERSION = 1;
  /** Hidden (the loader ignores dot files), so it never becomes a "skipped: not an image" line. */
  static final String MARKER = ".eyegan-synthetic";

  private DefaultData() {}

  /**
   * Returns {@code dataDir/synthetic-eyes}, rendering it first if it is missing or incomplete.
   *
   * @param progress receives a start line, progress lines and a summary when rendering
   */
  public static Path ensure(Path dataDir, Consumer<String> progress) {
    return ensure(dataDir, COUNT, SIZE, SEED, progress);
  }

  /** {@link #ensure(Path, Consumer)} for another count, size and seed (tests use small sets). */
  static Path ensure(Path dataDir, int count, int size, long seed, Consumer<String> progress) {
    Path target = dataDir.resolve(FOLDER);
    if (isComplete(target, count, size, seed)) {
      return target;
    }
    try {
      Files.createDirectories(dataDir);
      Path tmp = Files.createTempDirectory(dataDir, "." + FOLDER + ".rendering-");
      try {
        progress.accept(String.format(Locale.ROOT,
            "rendering the built-in synthetic eye set: %d images of %dx%d into %s (first run only)",
            count, size, size, target));
        long start = System.nanoTime();
        SyntheticEyes.writePngs(tmp, count, seed, size, progress);
        Files.writeString(tmp.resolve(MARKER), markerText(count, size, seed), StandardCharsets.UTF_8);
        if (Files.exists(target)) {
          setAside(target, progress);
        }
        try {
          Files.move(tmp, target);
        } catch (FileAlreadyExistsException e) {
          // Another eyegan process finished the same render first; use its copy if complete.
          if (!isComplete(target, count, size, seed)) {
            throw new IOException(target + " appeared while rendering and is incomplete; remove it and retry", e);
          }
        }
        progress.accept(String.format(Locale.ROOT, "rendered %d synthetic eyes in %.1f s", count,
            (System.nanoTime() - start) / 1e9));
      } finally {
        deleteOurFiles(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not render the built-in eye set into " + target + ": " + e.getMessage(), e);
    }
    return target;
  }

  /** Whether {@code folder} holds a complete set rendered by this renderer version. */
  static boolean isComplete(Path folder, int count, int size, long seed) {
    Path marker = folder.resolve(MARKER);
    try {
      if (!Files.isRegularFile(marker)
          || !Files.readString(marker, StandardCharsets.UTF_8).equals(markerText(count, size, seed))) {
        return false;
      }
      for (int i = 0; i < count; i++) {
        if (!Files.isRegularFile(folder.resolve(SyntheticEyes.fileName(i)))) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String markerText(int count, int size, long seed) {
    return "renderer=" + RENDERER_VERSION + "\ncount=" + count + "\nsize=" + size + "\nseed=" + seed + "\n";
  }

  /** Moves an incomplete or outdated set out of the way; deletes it when it holds only eyegan's files. */
  private static void setAside(Path target, Consumer<String> progress) throws IOException {
    Path aside = target.resolveSibling("." + FOLDER + ".old-" + System.nanoTime());
    Files.move(target, aside);
    deleteOurFiles(aside);
    if (Files.exists(aside)) {
      progress.accept("kept files that are not part of the built-in set in " + aside);
    } else {
      progress.accept("replaced the incomplete or outdated set in " + target);
    }
  }

  /** Deletes eye-NNNNN.png files, the marker and temporary PNGs in {@code dir}, then dir if empty. */
  private static void deleteOurFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        boolean ours = name.matches("eye-\\d{5}\\.png") || name.equals(MARKER)
            || (name.startsWith(".eye-") && name.endsWith(".tmp"));
        if (ours && Files.isRegularFile(f)) {
          Files.delete(f);
        }
      }
    }
    try (DirectoryStream<Path> rest = Files.newDirectoryStream(dir)) {
      if (!rest.iterator().hasNext()) {
        Files.delete(dir);
      }
    }
  }
}
