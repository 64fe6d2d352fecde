package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claim on a run folder within one process; {@code TrainProcessTest} has two processes. */
class RunLockTest {
  @TempDir Path tmp;

  @Test
  void oneHolderAtATimeAndFreeAgainWhenClosed() throws Exception {
    assertFalse(RunLock.heldElsewhere(tmp), "nothing claimed yet");
    try (RunLock lock = RunLock.acquire(tmp)) {
      assertFalse(RunLock.heldElsewhere(tmp), "not elsewhere: here");
      // Another thread is refused, under another spelling of the same folder too.
      UserInputException e = CompletableFuture.supplyAsync(() -> assertThrows(UserInputException.class,
          () -> RunLock.acquire(tmp.resolve("x").resolve("..")))).get();
      assertTrue(e.getMessage().contains("is being trained by another eyegan process (pid "
          + ProcessHandle.current().pid() + ")"), e.getMessage());
      assertTrue(CompletableFuture.supplyAsync(() -> RunLock.heldElsewhere(tmp)).get());
      assertNull(CompletableFuture.supplyAsync(() -> RunLock.tryAcquire(tmp)).get());
      // The holder may claim it again (a sweep claims a run, then trains it); that releases nothing.
      try (RunLock nested = RunLock.acquire(tmp)) {
        assertTrue(CompletableFuture.supplyAsync(() -> RunLock.heldElsewhere(tmp)).get());
      }
      assertTrue(CompletableFuture.supplyAsync(() -> RunLock.heldElsewhere(tmp)).get(), "still held after the nested claim");
    }
    assertFalse(CompletableFuture.supplyAsync(() -> RunLock.heldElsewhere(tmp)).get());
    assertTrue(Files.isRegularFile(tmp.resolve(RunLock.FILE)), "the file stays; only the lock goes");
    try (RunLock again = CompletableFuture.supplyAsync(() -> RunLock.acquire(tmp)).get()) {
      assertTrue(RunLock.heldElsewhere(tmp), "held by the other thread");
    }
  }

  @Test
  void aFolderThatCannotHoldTheFileIsAClearError() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
    UserInputException e = assertThrows(UserInputException.class, () -> RunLock.acquire(file));
    assertTrue(e.getMessage().startsWith("cannot lock the run folder " + file), e.getMessage());
  }
}
