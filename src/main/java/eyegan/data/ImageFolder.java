package eyegan.data;

import eyegan.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lists the files of a data folder, recursively, in a fixed order (relative paths sorted as strings
 * with {@code /} separators), so the dataset's image order is the same on every run and machine.
 *
 * <p>Hidden files and folders (names starting with {@code .}) are left out: they are editor, OS or
 * version-control files (.DS_Store, ._IMG_1.jpg resource forks, .git), never photos. Symbolic links
 * are followed; a link loop is reported and not entered. Nothing in the folder is modified.
 */
public final class ImageFolder {
  private ImageFolder() {}

  /**
   * One file found in the folder.
   *
   * @param path absolute path
   * @param relative path relative to the data folder, {@code /}-separated (the name shown to users)
   * @param size bytes
   * @param modifiedNanos last-modified time in nanoseconds since the epoch (as precise as the file system)
   */
  public record Entry(Path path, String relative, long size, long modifiedNanos) {}

  /** What a scan found: candidate files in order, and entries that could not even be listed. */
  public record Scan(Path folder, List<Entry> files, List<Skipped> unreadable) {}

  /**
   * Lists {@code folder}.
   *
   * @throws UserInputException when the folder does not exist or is not a folder
   */
  public static Scan scan(Path folder) {
    Path root = folder.toAbsolutePath().normalize();
    if (!Files.exists(root)) {
      throw new UserInputException("data folder " + folder + " does not exist");
    }
    if (!Files.isDirectory(root)) {
      throw new UserInputException("data folder " + folder + " is not a folder (point --data at the folder holding the photos)");
    }
    List<Entry> files = new ArrayList<>();
    List<Skipped> unreadable = new ArrayList<>();
    try {
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && !isHidden(file)) {
                files.add(new Entry(file, relative(root, file), attrs.size(),
                    attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              String reason = e instanceof FileSystemLoopException
                  ? "symbolic link loop, not followed"
                  : "cannot be read (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
              unreadable.add(new Skipped(relative(root, file), reason));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + folder + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(Entry::relative));
    unreadable.sort(Comparator.comparing(Skipped::file));
    return new Scan(root, List.copyOf(files), List.copyOf(unreadable));
  }

  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static String relative(Path root, Path file) {
    Path rel = root.relativize(file);
    StringBuilder sb = new StringBuilder();
    for (Path part : rel) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }
}
