package eyegan.train;

import eyegan.UserInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claim of one process on a run folder while it trains there: an operating-system lock on
 * {@value #FILE} in the folder. A second {@code train} (or sweep) on the same folder would write
 * checkpoints, stats and grids over the first one's, so it is refused with the holder's process id.
 * The system releases the lock when the holder exits, however it exits, so a crash leaves no stale
 * claim; the file itself stays (deleting it on release would race with a process locking it).
 *
 * <p>The thread that holds a claim may claim the folder again (a sweep claims a run, then trains
 * it): the inner claim is nested and releases nothing. Any other thread, in this process or
 * another, is refused.
 */
public final class RunLock implements AutoCloseable {
  /** The lock file in the run folder; it holds the holder's process id, for messages. */
  public static final String FILE = ".train.lock";
  /**
   * Lock files this JVM holds, with the thread holding each. Checked before any channel is opened:
   * on Linux, closing any channel of a file drops every lock this process holds on it, so a refused
   * claim from this JVM must not open (and close) one.
   */
  private static final Map<Path, Thread> HELD_HERE = new ConcurrentHashMap<>();
  private final Path file;
  /** Null for a nested claim. */
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Claims {@code runDir} (an existing folder) for this thread.
   *
   * @throws UserInputException when another process, or another thread of this one, holds it, or
   *     the lock file cannot be written
   */
  public static RunLock acquire(Path runDir) {
    RunLock claim = tryAcquire(runDir);
    if (claim == null) {
      String holder = holder(runDir);
      throw new UserInputException("run " + runDir + " is being trained by another eyegan process"
          + (holder.isEmpty() ? "" : " (pid " + holder + ")") + "; wait for it to end or stop it (Ctrl-C checkpoints"
          + " first), or train into another folder");
    }
    return claim;
  }

  /**
   * Claims {@code runDir} (an existing folder) for this thread, or returns null when someone else
   * holds it.
   *
   * @throws UserInputException when the lock file cannot be written
   */
  public static RunLock tryAcquire(Path runDir) {
    Path file = key(runDir);
    Thread me = Thread.currentThread();
    Thread owner = HELD_HERE.putIfAbsent(file, me);
    if (owner == me) {
      return new RunLock(file, null, null);
    }
    if (owner != null) {
      return null;
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        HELD_HERE.remove(file);
        return null;
      }
      byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(pid), 0);
      return new RunLock(file, channel, lock);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      HELD_HERE.remove(file);
      throw new UserInputException("cannot lock the run folder " + runDir + " (" + e.getMessage() + ")");
    }
  }

  /** True when another process, or another thread of this one, is training in {@code runDir} now. */
  public static boolean heldElsewhere(Path runDir) {
    Path file = key(runDir);
    Thread owner = HELD_HERE.get(file);
    if (owner != null) {
      return owner != Thread.currentThread();
    }
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (IOException e) {
      return false; // unreadable: acquire() will say why when it is tried
    }
  }

  /** The lock file's path, normalised so that two spellings of one folder are one key. */
  private static Path key(Path runDir) {
    return runDir.toAbsolutePath().normalize().resolve(FILE);
  }

  /** The holder's process id as written in the lock file, or "" when unknown. */
  static String holder(Path runDir) {
    try {
      return Files.readString(key(runDir), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
    }
  }

  /** Releases the claim (the file stays); a nested claim releases nothing. */
  @Override
  public void close() {
    if (channel == null) {
      return;
    }
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel below releases it too
    }
    closeQuietly(channel);
    HELD_HERE.remove(file);
  }
}
