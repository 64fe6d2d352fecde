package eyegan.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import eyegan.image.RgbImages;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A check for copying: how close generated images come to their nearest training image, against how
 * close real images the generator never saw come, both as Euclidean distances between MobileNetV2
 * features. A generator that reproduces training images puts many of its images much nearer to one
 * than held-out photos ever are: a ratio of medians well below 1, and pairs in the closest-pairs
 * picture that look alike.
 *
 * @param trainingImages training images searched
 * @param generatedMedian median distance of a generated image to its nearest training image
 * @param heldOutMedian the same for the held-out real images
 * @param heldOutImages held-out real images measured
 * @param ratio {@code generatedMedian / heldOutMedian} (about 1 or above: no sign of copying)
 * @param closestGenerated the smallest distance of any generated image
 * @param closestHeldOut the smallest distance of any held-out image
 */
public record Memorisation(
    @JsonProperty("training_images") int trainingImages,
    @JsonProperty("generated_median") double generatedMedian,
    @JsonProperty("held_out_median") double heldOutMedian,
    @JsonProperty("held_out_images") int heldOutImages,
    double ratio,
    @JsonProperty("closest_generated") double closestGenerated,
    @JsonProperty("closest_held_out") double closestHeldOut) {

  /** The summary, and the closest generated images beside their nearest training image. */
  public record Check(Memorisation summary, RgbImages closestPairs) {}

  /** Generated images shown in the closest-pairs picture. */
  public static final int PAIRS = 8;

  /**
   * Compares {@code generated} and the held-out images of {@code reals} (those not byte-identical
   * to a training image) with {@code training} in MobileNetV2 feature space.
   *
   * @throws IllegalArgumentException when fewer than 2 real images are held out from training
   */
  public static Check check(RealismMeter meter, RgbImages training, RgbImages generated, RgbImages reals) {
    java.util.Set<java.nio.ByteBuffer> seen = new java.util.HashSet<>();
    for (int i = 0; i < training.count(); i++) {
      seen.add(key(training, i));
    }
    int[] heldOut = IntStream.range(0, reals.count()).filter(i -> !seen.contains(key(reals, i))).toArray();
    if (heldOut.length < 2) {
      throw new IllegalArgumentException(heldOut.length + " of the " + reals.count()
          + " real images are not training images; the check needs real images the generator never saw");
    }
    float[][] trainF = meter.features(training);
    Nearest gen = nearest(meter.features(generated), trainF);
    Nearest held = nearest(meter.features(ImageSelection.copy(reals, heldOut)), trainF);
    Memorisation m = of(training.count(), gen.distance(), held.distance());
    Integer[] order = IntStream.range(0, generated.count()).boxed().toArray(Integer[]::new);
    Arrays.sort(order, java.util.Comparator.comparingDouble(i -> gen.distance()[i]));
    int pairs = Math.min(PAIRS, generated.count());
    int[] genIdx = new int[pairs];
    int[] trainIdx = new int[pairs];
    for (int p = 0; p < pairs; p++) {
      genIdx[p] = order[p];
      trainIdx[p] = gen.index()[order[p]];
    }
    return new Check(m, interleave(ImageSelection.copy(generated, genIdx), ImageSelection.copy(training, trainIdx)));
  }

  /** a0, b0, a1, b1, ...: laid out two to a row, each generated image beside its training neighbour. */
  private static RgbImages interleave(RgbImages a, RgbImages b) {
    int size = a.imageBytes();
    byte[] out = new byte[2 * a.count() * size];
    for (int i = 0; i < a.count(); i++) {
      System.arraycopy(a.pixels(), i * size, out, 2 * i * size, size);
      System.arraycopy(b.pixels(), i * size, out, (2 * i + 1) * size, size);
    }
    return new RgbImages(2 * a.count(), a.height(), a.width(), out);
  }

  /** Image {@code i}'s pixels as a key with content equality (a ByteBuffer compares its bytes). */
  private static java.nio.ByteBuffer key(RgbImages images, int i) {
    return java.nio.ByteBuffer.wrap(images.pixels(), i * images.imageBytes(), images.imageBytes()).slice();
  }

  /** Distances of each query to its nearest training feature, and that neighbour's index. */
  public record Nearest(double[] distance, int[] index) {}

  /** The nearest of {@code training} to each of {@code queries} (Euclidean, all features one length). */
  public static Nearest nearest(float[][] queries, float[][] training) {
    double[] dist = new double[queries.length];
    int[] index = new int[queries.length];
    IntStream.range(0, queries.length).parallel().forEach(q -> {
      double best = Double.POSITIVE_INFINITY;
      int bestIndex = -1;
      float[] x = queries[q];
      for (int t = 0; t < training.length; t++) {
        float[] y = training[t];
        double s = 0;
        for (int d = 0; d < x.length && s < best; d++) {
          double diff = x[d] - y[d];
          s += diff * diff;
        }
        if (s < best) {
          best = s;
          bestIndex = t;
        }
      }
      dist[q] = Math.sqrt(best);
      index[q] = bestIndex;
    });
    return new Nearest(dist, index);
  }

  /** The summary of generated and held-out distances to their nearest training image. */
  public static Memorisation of(int trainingImages, double[] generated, double[] heldOut) {
    double g = median(generated);
    double h = median(heldOut);
    return new Memorisation(trainingImages, g, h, heldOut.length, g / h,
        Arrays.stream(generated).min().orElse(Double.NaN), Arrays.stream(heldOut).min().orElse(Double.NaN));
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /** Two lines for the evaluation's table. */
  public String summary() {
    return String.format(Locale.ROOT,
        "memorisation (MobileNetV2 feature distance to the nearest of %d training images): generated median %.2f,"
            + " held-out real median %.2f (%d images), ratio %.2f%s%n  closest generated %.2f, closest held-out %.2f%n",
        trainingImages, generatedMedian, heldOutMedian, heldOutImages, ratio,
        ratio < 0.8 ? " - generated images sit closer to training images than new photos do: look at the closest pairs" : "",
        closestGenerated, closestHeldOut);
  }
}
