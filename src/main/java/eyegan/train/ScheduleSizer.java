package eyegan.train;

import java.util.Locale;

/**
 * Sizes a run's schedule to a wall-clock budget on the machine it runs on. Machines differ by
 * three times and more in TensorFlow's CPU speed (AVX-512 against AVX2), so a fixed epoch count
 * that takes ten minutes on one takes half an hour on another. The trainer times a few real steps
 * after warm-up and asks for the epochs that fit what is left of the budget; the result is written
 * into the run's options, so a resumed or repeated run uses the same number.
 *
 * <p>The budget counts from the start of the command (the JVM's start), so setup (data rendering and
 * decoding, graph building) is included; a reserve covers what follows training (the last SWD,
 * report and export) and the per-epoch grids, checkpoints and SWD measurements, which grow with
 * the step time on slower machines.
 */
public final class ScheduleSizer {
  /** Steps not timed: the first runs include graph optimisation and first allocations. */
  public static final int WARMUP_STEPS = 3;
  /** Steps timed after the warm-up. */
  public static final int TIMED_STEPS = 12;
  /** Seconds kept for the report, the export and the last measurements, at any speed. */
  static final double RESERVE_SECONDS = 25;
  /** Fraction of the remaining time kept for per-epoch work (grids, checkpoints, SWD). */
  static final double RESERVE_FRACTION = 0.06;

  /** What was decided, and the one line that says why. */
  public record Decision(int epochs, double secondsPerStep, String reason) {}

  private final double budgetSeconds;
  private final long commandStartMillis;
  private final String machine;

  /**
   * @param budgetMinutes the whole command's wall-clock budget
   * @param commandStartMillis when the command started, epoch milliseconds
   * @param machine describes the processor in the decision line
   */
  public ScheduleSizer(double budgetMinutes, long commandStartMillis, String machine) {
    if (!(budgetMinutes > 0)) {
      throw new IllegalArgumentException("--minutes must be > 0, got " + budgetMinutes);
    }
    this.budgetSeconds = budgetMinutes * 60;
    this.commandStartMillis = commandStartMillis;
    this.machine = machine;
  }

  /**
   * The epochs that fit the rest of the budget.
   *
   * @param secondsPerStep measured wall time of one training step
   * @param stepsPerEpoch batches in one epoch
   * @param stepsDone steps already trained (they count toward the epochs)
   * @param nowMillis the current time, epoch milliseconds
   */
  public Decision decide(double secondsPerStep, int stepsPerEpoch, long stepsDone, long nowMillis) {
    double spent = (nowMillis - commandStartMillis) / 1000.0;
    double left = budgetSeconds - spent;
    double training = Math.max(0, (left - RESERVE_SECONDS) * (1 - RESERVE_FRACTION));
    long steps = stepsDone + (long) (training / secondsPerStep);
    int epochs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, steps / stepsPerEpoch));
    // An epoch already under way is always finished.
    epochs = (int) Math.max(epochs, (stepsDone + stepsPerEpoch - 1) / stepsPerEpoch);
    String reason = String.format(Locale.ROOT,
        "schedule: %d epochs (%,d steps) to end within %.1f min: a step takes %.0f ms on this machine (%s);"
            + " %.1f min were spent before training; recorded in training_options.json",
        epochs, (long) epochs * stepsPerEpoch, budgetSeconds / 60, secondsPerStep * 1000, machine, spent / 60);
    return new Decision(epochs, secondsPerStep, reason);
  }
}
