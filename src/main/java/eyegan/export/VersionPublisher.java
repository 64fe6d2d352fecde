package eyegan.export;

import eyegan.EyeganException;
import eyegan.UserInputException;
import eyegan.inference.ModelFolder;
import eyegan.io.FileTrees;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.UUID;

/**
 * Publishes a new model version under a TF Serving base path so that it appears complete or not at
 * all: the content is written into a hidden temporary sibling ({@code .tmp-export-*}, which TF
 * Serving does not take for a version), flushed to disk, and renamed to the next free integer.
 * Any failure before the rename deletes the temporary folder and leaves no version behind.
 */
final class VersionPublisher {
  /** Writes a SavedModel into an empty folder. */
  interface Writer {
    void writeInto(Path folder) throws IOException;
  }

  private static final String TEMP_PREFIX = ".tmp-export-";

  private VersionPublisher() {}

  /** Writes a version with {@code writer} and returns its folder, e.g. {@code base/3}. */
  static Path publish(Path base, Writer writer) {
    if (Files.exists(base) && !Files.isDirectory(base)) {
      throw new UserInputException("cannot export into " + base + ": it is a file, not a folder");
    }
    Path tmp;
    try {
      Files.createDirectories(base);
      // Not Files.createTempDirectory: that makes the folder owner-only (0700), and after the rename
      // a TF Serving process running as another user could not read the model.
      tmp = Files.createDirectory(base.resolve(TEMP_PREFIX + UUID.randomUUID()));
    } catch (IOException e) {
      throw new EyeganException("cannot create the export folder " + base + ": " + reason(e, base), e);
    }
    try {
      writer.writeInto(tmp);
      FileTrees.syncFiles(tmp);
      return moveToNextVersion(base, tmp);
    } catch (IOException e) {
      throw new EyeganException("export into " + base + " failed: " + reason(e, base), e);
    } finally {
      FileTrees.deleteQuietly(tmp); // a leftover hidden .tmp-export-* folder is never taken for a version
    }
  }

  /** Renames {@code tmp} to max(version) + 1; if another export took that number first, the next. */
  private static Path moveToNextVersion(Path base, Path tmp) throws IOException {
    List<Long> versions = ModelFolder.versions(base);
    long next = versions.isEmpty() ? 1 : versions.get(versions.size() - 1) + 1;
    while (true) {
      Path target = base.resolve(Long.toString(next));
      if (Files.exists(target)) { // e.g. an empty or broken folder named like a version: never reuse it
        next++;
        continue;
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(base);
        return target;
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
        next++;
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system of " + base + " cannot rename folders atomically", e);
      }
    }
  }

  /** The message, without repeating {@code base} when the failing file is {@code base} itself. */
  private static String reason(IOException e, Path base) {
    if (e instanceof FileSystemException f && f.getReason() != null && f.getFile() != null) {
      return base.equals(Path.of(f.getFile())) ? f.getReason() : f.getFile() + ": " + f.getReason();
    }
    return e.getMessage();
  }

  /** Makes the rename itself durable; not every platform can open a directory, which is fine. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // the rename has happened; only its durability across a power cut is not forced
    }
  }

}
