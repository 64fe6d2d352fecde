package eyegan.train;

import eyegan.config.AugmentPolicy;
import eyegan.model.RandomKeys;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Constant;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Differentiable augmentation (Zhao et al. 2020, "Differentiable Augmentation for Data-Efficient
 * GAN Training") as graph ops: every image the discriminator sees, real or generated, is changed
 * the same random way a real photo could be, and because each change is differentiable the
 * generator's gradient flows back through it. D then cannot win by memorising a small training
 * set, and G is not pushed to reproduce the augmentations (they apply to both sides).
 *
 * <p>Per image, in DiffAugment's order and with its parameters: <b>color</b> adds a brightness
 * offset in [-0.5, 0.5), scales saturation (distance from the pixel's channel mean) by [0, 2) and
 * contrast (distance from the image mean) by [0.5, 1.5); <b>translation</b> shifts by a whole number
 * of pixels in [-R/8, R/8] on each axis, filling with zeros (a gather from the zero-padded image),
 * or, as <b>translation-reflect</b>, with the image's mirror image about its border;
 * <b>cutout</b> zeroes one square of side R/2 whose centre may lie anywhere in the image.
 *
 * <p>Random parameters come from the stateless generator keyed by {@link RandomKeys#AUGMENT} (or
 * another purpose for a second pass in the same step) and the step, so the same run seed and step
 * give the same augmentation on every run and on resume.
 *
 * <p>With a probability p (adaptive discriminator augmentation, {@link AdaController}) each of the
 * three augmentations is applied to each image independently with probability p, and otherwise
 * left out: its random parameters are blended towards the identity (no brightness offset, factors
 * 1, no shift, nothing cut). p = 1 is the always-on augmentation above.
 */
final class DiffAugment {
  private static final int SLOT_BRIGHTNESS = 0;
  private static final int SLOT_SATURATION = 1;
  private static final int SLOT_CONTRAST = 2;
  private static final int SLOT_TRANSLATION = 3;
  private static final int SLOT_CUTOUT = 4;
  /** Three draws per image, one per augmentation, that decide which are applied when gated by p. */
  private static final int SLOT_GATE = 5;
  private static final int GATE_COLOR = 0;
  private static final int GATE_TRANSLATION = 1;
  private static final int GATE_CUTOUT = 2;
  /** DiffAugment's defaults: shift up to 1/8 of the side, cut out a square of 1/2 of the side. */
  static final double TRANSLATION_RATIO = 0.125;
  static final double CUTOUT_RATIO = 0.5;

  private final Ops tf;
  private final AugmentPolicy policy;
  private final int resolution;
  private final RandomKeys keys;

  DiffAugment(Ops tf, AugmentPolicy policy, int resolution) {
    this(tf, policy, resolution, RandomKeys.AUGMENT);
  }

  /** @param keys the purpose the random parameters are keyed by (one per augmentation pass of a step) */
  DiffAugment(Ops tf, AugmentPolicy policy, int resolution, RandomKeys keys) {
    this.tf = tf;
    this.policy = policy;
    this.resolution = resolution;
    this.keys = keys;
  }

  /**
   * @param images float32 [M, R, R, 3], nominally in [-1, 1]
   * @param stepSeed int64 [2] = (run seed, step)
   * @return float32 [M, R, R, 3]: the augmented images ({@code images} itself for policy none)
   */
  Operand<TFloat32> apply(Operand<TFloat32> images, Operand<TInt64> stepSeed) {
    return apply(images, stepSeed, null);
  }

  /**
   * {@link #apply(Operand, Operand)} with each augmentation applied to each image with probability
   * {@code p} (float32 scalar in [0, 1]); null applies every augmentation to every image.
   */
  Operand<TFloat32> apply(Operand<TFloat32> images, Operand<TInt64> stepSeed, Operand<TFloat32> p) {
    Operand<TFloat32> x = images;
    Operand<TInt32> m = tf.reshape(tf.slice(tf.shape(images), tf.constant(new int[] {0}), tf.constant(new int[] {1})), tf.constant(new int[0]));
    // [M, 3]: 1 where an image gets an augmentation, 0 where it does not.
    Operand<TFloat32> gates = p == null ? null : tf.dtypes.cast(
        tf.math.less(uniform(tf.stack(List.of(m, tf.constant(3))), stepSeed, SLOT_GATE), p), TFloat32.class);
    if (policy.has(AugmentPolicy.Op.COLOR)) {
      x = color(x, m, stepSeed, gate(gates, GATE_COLOR, 4));
    }
    if (policy.has(AugmentPolicy.Op.TRANSLATION) || policy.has(AugmentPolicy.Op.TRANSLATION_REFLECT)) {
      x = translation(x, m, stepSeed, gate(gates, GATE_TRANSLATION, 2), policy.has(AugmentPolicy.Op.TRANSLATION_REFLECT));
    }
    if (policy.has(AugmentPolicy.Op.CUTOUT)) {
      x = cutout(x, m, stepSeed, gate(gates, GATE_CUTOUT, 2));
    }
    return x;
  }

  /** Column {@code k} of the gates as float [M, 1, ...] of the given rank, or null when ungated. */
  private Operand<TFloat32> gate(Operand<TFloat32> gates, int k, int rank) {
    if (gates == null) {
      return null;
    }
    int[] shape = new int[rank];
    java.util.Arrays.fill(shape, 1);
    shape[0] = -1;
    return tf.reshape(tf.slice(gates, tf.constant(new int[] {0, k}), tf.constant(new int[] {-1, 1})), tf.constant(shape));
  }

  /** {@code identity + gate * (value - identity)}: the value where the gate is 1, the identity where 0. */
  private Operand<TFloat32> gated(Operand<TFloat32> value, float identity, Operand<TFloat32> gate) {
    if (gate == null) {
      return value;
    }
    Operand<TFloat32> id = tf.constant(identity);
    return tf.math.add(id, tf.math.mul(gate, tf.math.sub(value, id)));
  }

  private Operand<TFloat32> color(Operand<TFloat32> x, Operand<TInt32> m, Operand<TInt64> stepSeed, Operand<TFloat32> gate) {
    Operand<TInt32> perImage = tf.stack(List.of(m, one(), one(), one()));
    Operand<TFloat32> brightness = uniform(perImage, stepSeed, SLOT_BRIGHTNESS);
    x = tf.math.add(x, gated(tf.math.sub(brightness, tf.constant(0.5f)), 0f, gate));
    Operand<TFloat32> saturation = uniform(perImage, stepSeed, SLOT_SATURATION);
    Operand<TFloat32> pixelMean = tf.math.mean(x, tf.constant(3), org.tensorflow.op.math.Mean.keepDims(true));
    x = tf.math.add(tf.math.mul(tf.math.sub(x, pixelMean), gated(tf.math.mul(saturation, tf.constant(2f)), 1f, gate)), pixelMean);
    Operand<TFloat32> contrast = uniform(perImage, stepSeed, SLOT_CONTRAST);
    Operand<TFloat32> imageMean = tf.math.mean(x, tf.constant(new int[] {1, 2, 3}), org.tensorflow.op.math.Mean.keepDims(true));
    return tf.math.add(tf.math.mul(tf.math.sub(x, imageMean), gated(tf.math.add(contrast, tf.constant(0.5f)), 1f, gate)), imageMean);
  }

  /**
   * Shift image n by (dy_n, dx_n): out[n, i, j] = in[n, i + dy_n, j + dx_n], zero outside, or with
   * {@code reflect} in[n, refl(i + dy_n), refl(j + dx_n)] where refl mirrors an index about the
   * first and last row (-1 -> 1, R -> R - 2), as a reflection pad would.
   */
  private Operand<TFloat32> translation(Operand<TFloat32> x, Operand<TInt32> m, Operand<TInt64> stepSeed, Operand<TFloat32> gate,
      boolean reflect) {
    int r = resolution;
    int shift = (int) (r * TRANSLATION_RATIO + 0.5);
    if (shift == 0) {
      return x;
    }
    // Integers uniform in [-shift, shift]: floor(u * (2 shift + 1)) - shift, two per image.
    Operand<TFloat32> u = uniform(tf.stack(List.of(m, tf.constant(2))), stepSeed, SLOT_TRANSLATION);
    Operand<TFloat32> shifts = tf.math.sub(tf.math.floor(tf.math.mul(u, tf.constant((float) (2 * shift + 1)))), tf.constant((float) shift));
    // Offsets into the padded image: shift + [-shift, shift] = [0, 2 shift]; an image left out gets shift (no move).
    Operand<TInt32> offsets = tf.dtypes.cast(tf.math.add(gated(shifts, 0f, gate), tf.constant((float) shift)), TInt32.class);
    // Index into the image padded by `shift` zeros: padded row i + dy + shift, in [0, R + 2 shift);
    // reflected, every index stays inside the image, so nothing is padded.
    // Two gathers of whole rows, then of whole columns (by way of a transpose), each with one index
    // per row: the same pixels as one gather per pixel, at a fraction of the index work.
    int p = reflect ? r : r + 2 * shift;
    Operand<TFloat32> padded = reflect
        ? x : tf.pad(x, tf.constant(new int[][] {{0, 0}, {shift, shift}, {shift, shift}, {0, 0}}), tf.constant(0f));
    Operand<TInt32> dy = tf.slice(offsets, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, 1})); // [M, 1]
    Operand<TInt32> dx = tf.slice(offsets, tf.constant(new int[] {0, 1}), tf.constant(new int[] {-1, 1}));
    Operand<TInt32> rows = shiftedRows(dy, m, p, reflect, shift);
    Operand<TFloat32> byRows = tf.reshape(
        tf.gather(tf.reshape(padded, tf.constant(new int[] {-1, p * 3})), rows, tf.constant(0)),
        tf.constant(new int[] {-1, r, p, 3})); // [M, R, P, 3]
    Operand<TFloat32> columnsFirst = tf.linalg.transpose(byRows, tf.constant(new int[] {0, 2, 1, 3})); // [M, P, R, 3]
    Operand<TFloat32> byColumns = tf.reshape(
        tf.gather(tf.reshape(columnsFirst, tf.constant(new int[] {-1, r * 3})), shiftedRows(dx, m, p, reflect, shift), tf.constant(0)),
        tf.constant(new int[] {-1, r, r, 3})); // [M, R (columns), R (rows), 3]
    return tf.linalg.transpose(byColumns, tf.constant(new int[] {0, 2, 1, 3}));
  }

  /**
   * Row indices into [M * P] rows of P-row blocks: n * P + i + offset_n for i in [0, R), flattened
   * [M * R]; with {@code reflect} (then P = R), n * R + refl(i + offset_n - shift).
   */
  private Operand<TInt32> shiftedRows(Operand<TInt32> offset, Operand<TInt32> m, int p, boolean reflect, int shift) {
    Operand<TInt32> n = tf.reshape(tf.range(tf.constant(0), m, tf.constant(1)), tf.constant(new int[] {-1, 1}));
    Operand<TInt32> i = tf.constant(new int[][] {range(resolution)}); // [1, R]
    if (!reflect) {
      Operand<TInt32> start = tf.math.add(tf.math.mul(n, tf.constant(p)), offset); // [M, 1]
      return tf.reshape(tf.math.add(start, i), tf.constant(new int[] {-1}));
    }
    // refl(j) = (R - 1) - |(R - 1) - |j||: -j below 0, 2 (R - 1) - j past the last row, j inside.
    Operand<TInt32> j = tf.math.add(i, tf.math.sub(offset, tf.constant(shift))); // [M, R]
    Constant<TInt32> last = tf.constant(resolution - 1);
    Operand<TInt32> mirrored = tf.math.sub(last, tf.math.abs(tf.math.sub(last, tf.math.abs(j))));
    return tf.reshape(tf.math.add(tf.math.mul(n, tf.constant(p)), mirrored), tf.constant(new int[] {-1}));
  }

  /** Zero a square of side R/2 centred at a random pixel (it may hang over the border). */
  private Operand<TFloat32> cutout(Operand<TFloat32> x, Operand<TInt32> m, Operand<TInt64> stepSeed, Operand<TFloat32> gate) {
    int r = resolution;
    int size = (int) (r * CUTOUT_RATIO + 0.5);
    Operand<TFloat32> u = uniform(tf.stack(List.of(m, tf.constant(2))), stepSeed, SLOT_CUTOUT);
    // Centre in [0, R + (1 - size % 2)), as DiffAugment draws it; the square starts size/2 before it.
    Operand<TInt32> centre = tf.dtypes.cast(tf.math.floor(tf.math.mul(u, tf.constant((float) (r + 1 - size % 2)))), TInt32.class);
    Operand<TInt32> start = tf.math.sub(centre, tf.constant(size / 2));
    Operand<TFloat32> inRows = inside(tf.slice(start, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, 1})), size); // [M, R]
    Operand<TFloat32> inCols = inside(tf.slice(start, tf.constant(new int[] {0, 1}), tf.constant(new int[] {-1, 1})), size);
    Operand<TFloat32> cut = tf.math.mul(tf.expandDims(inRows, tf.constant(2)), tf.expandDims(inCols, tf.constant(1))); // [M, R, R]
    if (gate != null) {
      cut = tf.math.mul(cut, tf.reshape(gate, tf.constant(new int[] {-1, 1, 1})));
    }
    Operand<TFloat32> keep = tf.expandDims(tf.math.sub(tf.constant(1f), cut), tf.constant(3));
    return tf.math.mul(x, keep);
  }

  /** 1 where start <= i < start + size, else 0: float [M, R] from start int [M, 1]. */
  private Operand<TFloat32> inside(Operand<TInt32> start, int size) {
    Operand<TInt32> i = tf.constant(new int[][] {range(resolution)});
    Operand<TFloat32> after = tf.dtypes.cast(tf.math.greaterEqual(i, start), TFloat32.class);
    Operand<TFloat32> before = tf.dtypes.cast(tf.math.less(i, tf.math.add(start, tf.constant(size))), TFloat32.class);
    return tf.math.mul(after, before);
  }

  /**
   * Uniform [0, 1) draws. StopGradient marks them as constants for differentiation: gradients flow
   * through the augmented images to G, never into the random generator (which has none).
   */
  private Operand<TFloat32> uniform(Operand<TInt32> shape, Operand<TInt64> stepSeed, int slot) {
    return tf.stopGradient(tf.random.statelessRandomUniform(shape, keys.stepKey(tf, stepSeed, slot)));
  }

  private Constant<TInt32> one() {
    return tf.constant(1);
  }

  private static int[] range(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }
}
