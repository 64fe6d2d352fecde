package eyegan.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets Ctrl-C (a JVM shutdown hook) ask the training loop to stop at the end of the current step,
 * and wait until the loop has written its checkpoint.
 */
public final class StopSignal {
  private volatile boolean requested;
  private final CountDownLatch finished = new CountDownLatch(1);

  public void request() {
    requested = true;
  }

  public boolean requested() {
    return requested;
  }

  /** Called by the loop once it has stopped and saved. */
  public void finished() {
    finished.countDown();
  }

  /** Waits for the loop to finish; false when it did not within the timeout. */
  public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
    return finished.await(timeout, unit);
  }
}
