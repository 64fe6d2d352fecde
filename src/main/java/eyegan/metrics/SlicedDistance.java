package eyegan.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The sliced Wasserstein-1 distance between two descriptor sets: project both onto each direction,
 * sort, and take the mean absolute difference of matching quantiles; the result is the mean over all
 * directions (ProGAN's mean over repeats of means over equal-sized direction batches is the same number).
 */
final class SlicedDistance {
  /**
   * Directions projected per pass over the descriptors. Each image's rows (75 KB at 128 patches) stay
   * in cache while all of them are applied; with only 8 per pass the descriptors stream from memory
   * again for every pass and projection runs 3x slower. Costs {@code 4 * PASS * count} bytes per set.
   */
  private static final int PASS = 128;
  /** Images per parallel projection task. */
  private static final int IMAGES_PER_TASK = 8;
  /** Directions updated together in the projection's inner loop, so each loaded value feeds 4 products. */
  private static final int UNROLL = 4;

  private SlicedDistance() {}

  /**
   * @param directions {@code [count][length]} unit vectors
   * @param statsA standardisation applied to {@code a}
   * @param statsB standardisation applied to {@code b}
   * @return mean over directions of the 1-D Wasserstein-1 distance of the standardised projections
   */
  static double distance(
      LevelDescriptors a, ChannelStats statsA, LevelDescriptors b, ChannelStats statsB, float[][] directions) {
    int count = directions.length;
    double[] perDirection = new double[count];
    ThreadLocal<FloatRadixSort> sorters = ThreadLocal.withInitial(FloatRadixSort::new);
    // Reused by every pass: fresh arrays would mean zeroing and collecting 2 x 134 MB per pass for
    // 2,048 images, and every element is overwritten anyway.
    int width = Math.min(PASS, count);
    float[][] projA = new float[width][a.count()];
    float[][] projB = new float[width][b.count()];
    for (int from = 0; from < count; from += PASS) {
      int first = from;
      int to = Math.min(count, from + PASS);
      project(a, statsA, directions, from, to, projA);
      project(b, statsB, directions, from, to, projB);
      IntStream.range(0, to - from)
          .parallel()
          .forEach(
              j -> {
                FloatRadixSort sorter = sorters.get();
                sorter.sort(projA[j]);
                sorter.sort(projB[j]);
                perDirection[first + j] = quantileDistance(projA[j], projB[j]);
              });
    }
    double sum = 0;
    for (double d : perDirection) {
      sum += d;
    }
    return sum / count;
  }

  /**
   * Standardised projections of every descriptor onto directions {@code [from, to)}:
   * {@code sum_k dir_k (x_k - mean_c(k)) / std_c(k)}, computed as a product with the rescaled direction
   * minus a constant, so the stored descriptors are never copied or changed. Parallel over images.
   *
   * @param out receives the projections: {@code out[j][i]} for direction {@code from + j} and
   *     descriptor {@code i}; at least {@code to - from} rows of {@code d.count()} values
   */
  static void project(LevelDescriptors d, ChannelStats stats, float[][] directions, int from, int to, float[][] out) {
    int n = to - from;
    int len = d.length;
    int perChannel = d.side * d.side;
    float[][] scaled = new float[n][len];
    float[] constant = new float[n];
    for (int j = 0; j < n; j++) {
      double c = 0;
      for (int k = 0; k < len; k++) {
        int ch = k / perChannel;
        double s = directions[from + j][k] / stats.std()[ch];
        scaled[j][k] = (float) s;
        c += s * stats.mean()[ch];
      }
      constant[j] = (float) c;
    }
    int tasks = (d.images + IMAGES_PER_TASK - 1) / IMAGES_PER_TASK;
    IntStream.range(0, tasks)
        .parallel()
        .forEach(
            t ->
                projectImages(
                    d, scaled, constant, t * IMAGES_PER_TASK, Math.min(d.images, (t + 1) * IMAGES_PER_TASK), out));
  }

  private static void projectImages(
      LevelDescriptors d, float[][] scaled, float[] constant, int fromImage, int toImage, float[][] out) {
    int n = scaled.length;
    int len = d.length;
    int patches = d.patches;
    float[] a0 = new float[patches];
    float[] a1 = new float[patches];
    float[] a2 = new float[patches];
    float[] a3 = new float[patches];
    for (int img = fromImage; img < toImage; img++) {
      int first = d.firstRow(img);
      int o = img * patches;
      int j = 0;
      for (; j + UNROLL <= n; j += UNROLL) {
        Arrays.fill(a0, -constant[j]);
        Arrays.fill(a1, -constant[j + 1]);
        Arrays.fill(a2, -constant[j + 2]);
        Arrays.fill(a3, -constant[j + 3]);
        float[] s0 = scaled[j];
        float[] s1 = scaled[j + 1];
        float[] s2 = scaled[j + 2];
        float[] s3 = scaled[j + 3];
        for (int k = 0; k < len; k++) {
          accumulate4(d.rows[first + k], s0[k], s1[k], s2[k], s3[k], a0, a1, a2, a3);
        }
        System.arraycopy(a0, 0, out[j], o, patches);
        System.arraycopy(a1, 0, out[j + 1], o, patches);
        System.arraycopy(a2, 0, out[j + 2], o, patches);
        System.arraycopy(a3, 0, out[j + 3], o, patches);
      }
      for (; j < n; j++) {
        Arrays.fill(a0, -constant[j]);
        float[] s0 = scaled[j];
        for (int k = 0; k < len; k++) {
          float w0 = s0[k];
          float[] row = d.rows[first + k];
          for (int p = 0; p < patches; p++) {
            a0[p] += w0 * row[p];
          }
        }
        System.arraycopy(a0, 0, out[j], o, patches);
      }
    }
  }

  /**
   * {@code a_i[p] += w_i * row[p]} for four directions at once: each loaded value feeds four products.
   * A small method of its own so the JIT compiles and vectorises it as a unit.
   */
  private static void accumulate4(
      float[] row, float w0, float w1, float w2, float w3, float[] a0, float[] a1, float[] a2, float[] a3) {
    for (int p = 0; p < row.length; p++) {
      float x = row[p];
      a0[p] += w0 * x;
      a1[p] += w1 * x;
      a2[p] += w2 * x;
      a3[p] += w3 * x;
    }
  }

  /**
   * Wasserstein-1 distance of two 1-D empirical distributions given sorted: the integral over
   * {@code t in [0, 1]} of {@code |Qa(t) - Qb(t)|} for the step quantile functions. With equal sizes it is
   * ProGAN's {@code mean(abs(sort(a) - sort(b)))}; unequal sizes are handled exactly by walking the
   * merged quantile breakpoints, counted in units of {@code 1 / (n * m)}.
   */
  static double quantileDistance(float[] a, float[] b) {
    int n = a.length;
    int m = b.length;
    if (n == m) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += Math.abs((double) a[i] - b[i]);
      }
      return sum / n;
    }
    double sum = 0;
    long t = 0;
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      long endA = (long) (i + 1) * m;
      long endB = (long) (j + 1) * n;
      long end = Math.min(endA, endB);
      sum += Math.abs((double) a[i] - b[j]) * (end - t);
      t = end;
      if (endA == end) {
        i++;
      }
      if (endB == end) {
        j++;
      }
    }
    return sum / ((double) n * m);
  }
}
