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
    return copy(images, subsetIndices(images.count(), limit, seed));
  }

  /** The indices {@link #subset} keeps, ascending: all of {@code 0..count-1} when the limit does not bite. */
  static int[] subsetIndices(int count, int limit, long seed) {
    if (limit == 0 || count <= limit) {
      return ImageMeasurements.all(count);
    }
    int[] order = permutation(count, Seeds.mix(seed, Seeds.SUBSET));
    int[] chosen = Arrays.copyOf(order, limit);
    Arrays.sort(chosen); // keeps the original order, which reads better when debugging
    return chosen;
  }

  /**
   * {@code parts} disjoint groups of the positions {@code 0..count-1}, dealt round-robin from a seeded
   * permutation: each group a random sample of about {@code count / parts}.
   */
  static int[][] parts(int count, int parts, long seed) {
    int[] order = permutation(count, Seeds.mix(seed, Seeds.PARTS));
    int[][] out = new int[parts][];
    for (int p = 0; p < parts; p++) {
      int size = (count - p + parts - 1) / parts;
      out[p] = new int[size];
      for (int i = 0; i < size; i++) {
        out[p][i] = order[p + i * parts];
      }
      Arrays.sort(out[p]);
    }
    return out;
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

  static int[] permutation(int n, long seed) {
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

  static RgbImages copy(RgbImages images, int[] indices) {
    int size = images.imageBytes();
    byte[] out = new byte[indices.length * size];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(images.pixels(), indices[i] * size, out, i * size, size);
    }
    return new RgbImages(indices.length, images.height(), images.width(), out);
  }
}
