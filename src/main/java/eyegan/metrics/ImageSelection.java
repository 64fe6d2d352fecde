package eyegan.metrics;

import eyegan.image.RgbImages;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded random subsets and disjoint splits of an image set. */
final class ImageSelection {
  private ImageSelection() {}

  /** {@code images} itself when {@code limit} is 0 or not smaller than the count, else a random {@code limit} of them. */
  static RgbImages subset(RgbImages images, int limit, long seed) {
    if (limit == 0 || images.count() <= limit) {
      return images;
    }
    int[] order = permutation(images.count(), Seeds.mix(seed, Seeds.SUBSET));
    int[] chosen = Arrays.copyOf(order, limit);
    Arrays.sort(chosen); // keeps the original order, which reads better when debugging
    return copy(images, chosen);
  }

  /**
   * Two disjoint random parts of {@code images} for the real-vs-real floor: {@code limit} images each
   * when there are at least {@code 2 * limit}, otherwise two halves (one image left out of an odd count).
   */
  static RgbImages[] split(RgbImages images, int limit, long seed) {
    int n = images.count();
    if (n < 2) {
      throw new IllegalArgumentException("the real-vs-real floor needs at least 2 images, got " + n);
    }
    int part = limit > 0 && n >= 2 * limit ? limit : n / 2;
    int[] order = permutation(n, Seeds.mix(seed, Seeds.FLOOR_SPLIT));
    int[] first = Arrays.copyOfRange(order, 0, part);
    int[] second = Arrays.copyOfRange(order, part, 2 * part);
    Arrays.sort(first);
    Arrays.sort(second);
    return new RgbImages[] {copy(images, first), copy(images, second)};
  }

  private static int[] permutation(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private static RgbImages copy(RgbImages images, int[] indices) {
    int size = images.imageBytes();
    byte[] out = new byte[indices.length * size];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(images.pixels(), indices[i] * size, out, i * size, size);
    }
    return new RgbImages(indices.length, images.height(), images.width(), out);
  }
}
