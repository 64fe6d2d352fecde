package eyegan.bench;

import java.util.Locale;

/**
 * How long a preset's whole schedule takes at a measured speed, counting only training steps
 * (grids, checkpoints and SWD measurements come on top).
 *
 * @param epochs the schedule's epochs
 * @param epochImages images per epoch
 * @param imagesPerSecond measured training speed
 */
public record ScheduleEstimate(int epochs, int epochImages, double imagesPerSecond) {
  public double seconds() {
    return (double) epochs * epochImages / imagesPerSecond;
  }

  /** e.g. {@code article schedule: 1600 epochs x 2000 images = 3.2 M images, 1 h 07 min of steps at this speed}. */
  public String line(String preset) {
    long s = Math.round(seconds());
    String time = s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60)
        : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    return String.format(Locale.ROOT, "%s schedule: %d epochs x %d images = %.1f M images, %s of steps at this speed"
        + " (ETA; grids, checkpoints and SWD come on top)", preset, epochs, epochImages, epochs * (double) epochImages / 1e6, time);
  }
}
