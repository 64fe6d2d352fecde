package eyegan.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Derives the independent random streams of one SWD measurement from its single user seed, so a result
 * depends only on (seed, settings, image contents) and never on thread scheduling or image order.
 */
final class Seeds {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Salt of the stream that picks a subset of images. */
  static final long SUBSET = 0x5D1;
  /** Salt of the stream that splits the reals into two halves for the floor. */
  static final long FLOOR_SPLIT = 0xF100;
  /** Salt of the streams that draw random directions, one per level. */
  static final long DIRECTIONS = 0xD1;
  /** Salt of the stream that deals a set into disjoint parts for the spread of a measure. */
  static final long PARTS = 0x9A27;
  /** Salt of the streams that draw KID's subsets. */
  static final long KID = 0x41D;
  /** Salt of the streams that place patches, one per level and image. */
  static final long PATCHES = 0x9A7;

  private Seeds() {}

  /** A well-mixed 64-bit value from the given parts (SplitMix64 finaliser applied after each part). */
  static long mix(long... parts) {
    long h = GOLDEN;
    for (long p : parts) {
      h = finalise(h + GOLDEN ^ p);
    }
    return h;
  }

  /**
   * 64-bit hash of {@code length} bytes from {@code offset}. Patch positions are drawn from a stream
   * seeded by it, so an image gets the same patches wherever it sits in whichever set: the distance of
   * a set to itself is exactly zero and a permutation of a set changes nothing.
   */
  static long contentHash(byte[] bytes, int offset, int length) {
    long h = GOLDEN ^ length;
    int i = 0;
    for (; i + Long.BYTES <= length; i += Long.BYTES) {
      long v = (long) LONGS.get(bytes, offset + i);
      h = Long.rotateLeft(h ^ v * 0xC2B2AE3D27D4EB4FL, 31) * GOLDEN;
    }
    for (; i < length; i++) {
      h = (h ^ (bytes[offset + i] & 0xFF)) * 0x100000001B3L;
    }
    return finalise(h);
  }

  private static long finalise(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
