package eyegan.data;

/**
 * The order of a training set in one epoch: a Fisher-Yates permutation driven by SplitMix64 seeded
 * from (seed, epoch) alone. Any epoch's order can be recomputed from those two numbers, so a resumed
 * run continues with exactly the batches an uninterrupted run would have seen, without saving RNG
 * state. The generator is written out here (not {@link java.util.SplittableRandom}) so the order
 * stays the same on every Java version.
 */
public final class EpochShuffle {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private EpochShuffle() {}

  /**
   * Writes a permutation of 0..order.length-1 for (seed, epoch) into {@code order}.
   *
   * @param epoch any int; epoch 0 and 1 give unrelated orders
   */
  public static void permutation(long seed, int epoch, int[] order) {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    long state = mix64(seed) ^ mix64(GOLDEN_GAMMA * (epoch + 1L));
    for (int i = order.length - 1; i > 0; i--) {
      state += GOLDEN_GAMMA;
      int j = bounded(state, i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** Uniform in [0, bound): the high 32 bits of a mixed 64-bit value, scaled (Lemire's method). */
  private static int bounded(long state, int bound) {
    long r = mix64(state) >>> 32;
    return (int) ((r * bound) >>> 32);
  }

  /** SplitMix64's output function (Steele, Lea and Flood 2014). */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
