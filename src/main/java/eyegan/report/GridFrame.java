package eyegan.report;

import java.nio.file.Path;

/**
 * One fixed-seed sample grid the trainer saved: {@code fakes_init.png} before the first step, then
 * {@code fakesNNNNNN.png} after epoch NNNNNN.
 *
 * @param file the PNG
 * @param epoch the epoch it shows, {@link #INIT} for the untrained generator
 */
public record GridFrame(Path file, int epoch) {
  /** Epoch value of {@code fakes_init.png}. */
  public static final int INIT = -1;

  /** "start" or "epoch N", as captions and the page say it. */
  public String label() {
    return epoch == INIT ? "start" : "epoch " + epoch;
  }
}
