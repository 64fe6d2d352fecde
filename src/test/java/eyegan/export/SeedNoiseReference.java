package eyegan.export;

/**
 * The seed-noise algorithm written out in plain Java from its specification (see {@link
 * SeedNoise}), with unsigned 32-bit arithmetic done the ordinary way on longs, as a reference
 * that shares no code with the graph version.
 */
final class SeedNoiseReference {
  private SeedNoiseReference() {}

  static float[] noise(long seed, int dim) {
    long lo = seed & 0xFFFFFFFFL;
    long hi = seed >>> 32;
    long key = fmix32(fmix32(lo ^ 0x9E3779B9L) ^ hi ^ 0x7F4A7C15L);
    float[] z = new float[dim];
    for (int p = 0; 2 * p < dim; p++) {
      double r = Math.sqrt(-2 * Math.log(uniform(key, 2L * p)));
      double t = 2 * Math.PI * uniform(key, 2L * p + 1);
      z[2 * p] = (float) (r * Math.cos(t));
      if (2 * p + 1 < dim) {
        z[2 * p + 1] = (float) (r * Math.sin(t));
      }
    }
    return z;
  }

  private static double uniform(long key, long counter) {
    long bits = fmix32(key ^ fmix32((counter + 0x632BE5ABL) & 0xFFFFFFFFL));
    return (bits + 0.5) / 4294967296.0;
  }

  /** MurmurHash3 fmix32 with Java's int arithmetic (which wraps), returned unsigned. */
  private static long fmix32(long value) {
    int h = (int) value;
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return h & 0xFFFFFFFFL;
  }
}
