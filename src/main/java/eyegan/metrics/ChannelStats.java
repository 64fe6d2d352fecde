package eyegan.metrics;

import eyegan.image.RgbImages;
import java.util.Arrays;

/**
 * Per-colour-channel mean and (population) standard deviation over every descriptor value of one or
 * more descriptor sets, as ProGAN's {@code finalize_descriptors} standardises them.
 *
 * @param mean 3 values, R G B
 * @param std 3 values, R G B, each > 0 (a constant channel gets 1: its standardised values are all 0)
 */
record ChannelStats(double[] mean, double[] std) {

  /**
   * Statistics of the union of {@code sets}. Per-image partial sums are added in sorted order, so the
   * result, to the last bit, does not depend on the order of the images.
   */
  static ChannelStats of(LevelDescriptors... sets) {
    int images = 0;
    long values = 0;
    for (LevelDescriptors d : sets) {
      images += d.images;
      values += (long) d.count() * d.side * d.side;
    }
    double[] mean = new double[RgbImages.CHANNELS];
    double[] std = new double[RgbImages.CHANNELS];
    double[] sums = new double[images];
    double[] squares = new double[images];
    for (int c = 0; c < RgbImages.CHANNELS; c++) {
      int n = 0;
      for (LevelDescriptors d : sets) {
        for (int i = 0; i < d.images; i++) {
          sums[n] = d.channelSums[i * RgbImages.CHANNELS + c];
          squares[n++] = d.channelSquares[i * RgbImages.CHANNELS + c];
        }
      }
      double m = sortedSum(sums) / values;
      double variance = sortedSum(squares) / values - m * m;
      mean[c] = m;
      std[c] = variance > 0 ? Math.sqrt(variance) : 1.0;
    }
    return new ChannelStats(mean, std);
  }

  private static double sortedSum(double[] v) {
    Arrays.sort(v);
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }
}
