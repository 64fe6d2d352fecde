package eyegan.export;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;

/**
 * Draws the generator's N(0, 1) noise from integer seeds inside the graph, one independent row
 * per seed, so that a seed names the same image in every runtime that runs the exported graph
 * (TF Serving, Python, TensorFlow Java) and can be reproduced outside TensorFlow.
 *
 * <p>TensorFlow's stateless random ops take one seed per call, but a batch needs one seed per
 * row. This builds a counter-based generator from plain integer ops instead, vectorised over the
 * whole batch (no loop). The algorithm ({@value #ALGORITHM}), for a seed {@code s} (int64, two's
 * complement) and a noise size {@code D}:
 *
 * <pre>
 * fmix32(x):  x ^= x >> 16; x = x * 0x85EBCA6B mod 2^32; x ^= x >> 13; x = x * 0xC2B2AE35 mod 2^32; x ^= x >> 16
 *             (MurmurHash3's finaliser, on unsigned 32-bit values)
 * lo = s &amp; 0xFFFFFFFF;  hi = (s >> 32) &amp; 0xFFFFFFFF
 * key = fmix32(fmix32(lo ^ 0x9E3779B9) ^ hi ^ 0x7F4A7C15)
 * bits(c) = fmix32(key ^ fmix32((c + 0x632BE5AB) mod 2^32))          for counter c = 0, 1, 2, ...
 * u(c) = (bits(c) + 0.5) / 2^32                                         float64, strictly inside (0, 1)
 * for pair p = 0 .. ceil(D/2)-1:  r = sqrt(-2 ln u(2p)),  t = 2 pi u(2p+1)
 *     z[2p] = r cos t,  z[2p+1] = r sin t                               (Box-Muller, float64)
 * noise = float32(z[0 .. D-1])
 * </pre>
 *
 * <p>Why this shape: every intermediate stays below 2^63 (32-bit values times 16-bit halves of
 * the constants), so int64 multiplication never overflows (undefined behaviour in TensorFlow's
 * C++ kernels) and the shifts only ever see non-negative values except the one {@code s >> 32},
 * whose sign bits the mask removes; Box-Muller runs in float64 so the float32 result does not
 * depend on the last-bit accuracy of a device's {@code log}/{@code cos}. For a fixed high half,
 * seeds map to distinct keys (fmix32 is a bijection).
 */
public final class SeedNoise {
  /** Name of the algorithm, recorded in the export's metadata. */
  public static final String ALGORITHM = "eyegan-seed-noise-v1";

  static final long MASK32 = 0xFFFF_FFFFL;
  static final long MASK16 = 0xFFFFL;
  static final long FMIX_C1 = 0x85EB_CA6BL;
  static final long FMIX_C2 = 0xC2B2_AE35L;
  static final long KEY_LO = 0x9E37_79B9L;
  static final long KEY_HI = 0x7F4A_7C15L;
  static final long COUNTER_OFFSET = 0x632B_E5ABL;
  /** 2^-32: scales a 32-bit value into [0, 1). */
  static final double INV_2_POW_32 = 1.0 / 4294967296.0;

  private final Ops tf;

  public SeedNoise(Ops tf) {
    this.tf = tf;
  }

  /**
   * @param seeds int64 [N], any values
   * @param noiseDim D, the generator's noise length
   * @return float32 [N, D] of standard normal values, row i a function of seeds[i] only
   */
  public Operand<TFloat32> apply(Operand<TInt64> seeds, int noiseDim) {
    if (noiseDim < 1) {
      throw new IllegalArgumentException("noise size must be >= 1, got " + noiseDim);
    }
    int pairs = (noiseDim + 1) / 2;
    Operand<TInt64> column = tf.reshape(seeds, tf.constant(new long[] {-1, 1}));
    Operand<TInt64> lo = and(column, MASK32);
    Operand<TInt64> hi = and(tf.bitwise.rightShift(column, tf.constant(32L)), MASK32);
    Operand<TInt64> key = fmix32(xor(xor(fmix32(xor(lo, KEY_LO)), hi), KEY_HI)); // [N, 1]

    long[] radiusCounters = new long[pairs];
    long[] angleCounters = new long[pairs];
    for (int p = 0; p < pairs; p++) {
      radiusCounters[p] = 2L * p;
      angleCounters[p] = 2L * p + 1;
    }
    Operand<TFloat64> u1 = uniform(key, tf.constant(new long[][] {radiusCounters})); // [N, P]
    Operand<TFloat64> u2 = uniform(key, tf.constant(new long[][] {angleCounters}));
    Operand<TFloat64> radius = tf.math.sqrt(tf.math.mul(tf.constant(-2.0), tf.math.log(u1)));
    Operand<TFloat64> angle = tf.math.mul(tf.constant(2.0 * Math.PI), u2);
    Operand<TFloat64> even = tf.math.mul(radius, tf.math.cos(angle));
    Operand<TFloat64> odd = tf.math.mul(radius, tf.math.sin(angle));
    // [N, P, 2] -> [N, 2P] interleaves them as z[2p], z[2p+1]; an odd D drops the last sine.
    Operand<TFloat64> interleaved =
        tf.reshape(tf.stack(List.of(even, odd), Stack.axis(2L)), tf.constant(new long[] {-1, 2L * pairs}));
    Operand<TFloat64> z = tf.slice(interleaved, tf.constant(new long[] {0, 0}), tf.constant(new long[] {-1, noiseDim}));
    return tf.dtypes.cast(z, TFloat32.class);
  }

  /** u(c) for every key row and counter column: float64 (bits + 0.5) / 2^32. */
  private Operand<TFloat64> uniform(Operand<TInt64> key, Operand<TInt64> counters) {
    Operand<TInt64> mixedCounter = fmix32(and(tf.math.add(counters, tf.constant(COUNTER_OFFSET)), MASK32));
    Operand<TInt64> bits = fmix32(xor(key, mixedCounter)); // broadcasts [N,1] ^ [1,P] -> [N,P]
    Operand<TFloat64> asDouble = tf.dtypes.cast(bits, TFloat64.class);
    return tf.math.mul(tf.math.add(asDouble, tf.constant(0.5)), tf.constant(INV_2_POW_32));
  }

  /** MurmurHash3 fmix32 on int64 tensors holding values in [0, 2^32). */
  private Operand<TInt64> fmix32(Operand<TInt64> x) {
    x = xor(x, tf.bitwise.rightShift(x, tf.constant(16L)));
    x = mulMod32(x, FMIX_C1);
    x = xor(x, tf.bitwise.rightShift(x, tf.constant(13L)));
    x = mulMod32(x, FMIX_C2);
    return xor(x, tf.bitwise.rightShift(x, tf.constant(16L)));
  }

  /**
   * {@code x * c mod 2^32} for x in [0, 2^32) and a 32-bit constant c, without ever forming a
   * product of 2^63 or more: x*c = x*cLo + (x*cHi << 16), and modulo 2^32 only the low 16 bits of
   * x*cHi survive the shift. Both partial products are below 2^48.
   */
  private Operand<TInt64> mulMod32(Operand<TInt64> x, long c) {
    Operand<TInt64> low = tf.math.mul(x, tf.constant(c & MASK16));
    Operand<TInt64> high = and(tf.math.mul(x, tf.constant(c >>> 16)), MASK16);
    return and(tf.math.add(low, tf.bitwise.leftShift(high, tf.constant(16L))), MASK32);
  }

  private Operand<TInt64> and(Operand<TInt64> x, long mask) {
    return tf.bitwise.bitwiseAnd(x, tf.constant(mask));
  }

  private Operand<TInt64> xor(Operand<TInt64> x, long value) {
    return tf.bitwise.bitwiseXor(x, tf.constant(value));
  }

  private Operand<TInt64> xor(Operand<TInt64> x, Operand<TInt64> y) {
    return tf.bitwise.bitwiseXor(x, y);
  }
}
