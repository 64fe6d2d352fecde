package eyegan.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Operations on whole folder trees: removing temporary export, checkpoint and benchmark folders, and
 * forcing a freshly written tree to disk before it is renamed into place.
 */
public final class FileTrees {
  private FileTrees() {}

  /** Deletes {@code root} and everything below it; nothing happens if it does not exist. */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * {@link #delete} for clean-up paths where a leftover folder is harmless (it is hidden and never
   * mistaken for a result), so a failure must not replace the error that is being reported.
   */
  public static void deleteQuietly(Path root) {
    try {
      delete(root);
    } catch (IOException | RuntimeException e) {
      // see above: harmless leftover
    }
  }

  /** Forces every regular file below {@code root} to disk (before a rename publishes the tree). */
  public static void syncFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p)) {
          try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(true);
          }
        }
      }
    }
  }
}
