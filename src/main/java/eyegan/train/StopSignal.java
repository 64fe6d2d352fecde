package eyegan.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets Ctrl-C (a JVM shutdown hook) ask the training loop to stop at the end of the current step,
 * and wait until the loop has written its checkpoint. A stop can also be set in advance at an exact
 * step count, so that an interruption lands at a known point of the schedule (mid-epoch, say).
 */
public final class StopSignal {
  private volatile boolean requested;
  private volatile long stopAtStep = Long.MAX_VALUE;
  private final CountDownLatch finished = new CountDownLatch(1);

  public void request() {
    requested = true;
  }

  /** Asks the loop to stop, with a checkpoint, once {@code steps} steps of the run are done. */
  public StopSignal atStep(long steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be >= 0, got " + steps);
    }
    stopAtStep = steps;
    return this;
  }

  public boolean requested() {
    return requested;
  }

  /** Whether the loop, with {@code stepsDone} steps of the run behind it, should stop now. */
  public boolean requestedAt(long stepsDone) {
    return requested || stepsDone >= stopAtStep;
  }

  /** Called once the run has stopped and everything it writes is written (checkpoint, report, log). */
  public void finished() {
    finished.countDown();
  }

  /** Waits for {@link #finished()}; false when it did not come within the timeout. */
  public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
    return finished.await(timeout, unit);
  }
}
