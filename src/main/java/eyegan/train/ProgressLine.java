package eyegan.train;

import java.util.Locale;

/**
 * The fixed-width progress line printed once per tick, e.g.
 *
 * <pre>
 * epoch    3/12  step     412  img/s   58.1  d_loss 1.2841  g_loss 0.8123  D(x) 0.563  D(G(z)) 0.402  elapsed 00:07:12  eta 00:21:40
 * </pre>
 *
 * with {@code  p 0.125  r 0.41} before the times when the run adapts its augmentation: the probability
 * p and the tick's mean sign of D's real logits, the r that p is steered by (p rises while r is above
 * the target).
 */
final class ProgressLine {
  private ProgressLine() {}

  static String format(int epoch, int epochs, long step, double imgPerSec, double dLoss, double gLoss,
      double dReal, double dFake, double adaP, double adaR, double elapsedSeconds, double etaSeconds) {
    return String.format(Locale.ROOT,
        "epoch %5d/%-5d step %8d  img/s %7.1f  d_loss %7.4f  g_loss %7.4f  D(x) %5.3f  D(G(z)) %5.3f%s  elapsed %s  eta %s",
        epoch, epochs, step, imgPerSec, dLoss, gLoss, dReal, dFake,
        Double.isFinite(adaP) ? String.format(Locale.ROOT, "  p %5.3f  r %5.2f", adaP, adaR) : "",
        clock(elapsedSeconds), clock(etaSeconds));
  }

  /** h:mm:ss (hours unbounded), or "--:--:--" when unknown. */
  static String clock(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      return "--:--:--";
    }
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
