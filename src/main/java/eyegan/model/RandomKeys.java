package eyegan.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;

/**
 * The one key scheme of every random draw in a run. TensorFlow's stateless generators take a key
 * of two int64s; eyegan's key is {@code [run seed, purpose << 48 | counter]}, so draws of different
 * purposes can never share a key however long a run is: a purpose owns the top 16 bits, its
 * counter the low 48 (2.8e14 values, far beyond any run's steps times draws per step).
 *
 * <p>Counters: initial weights count variables in creation order; noise counts steps; dropout and
 * augmentation count {@code step * 8 + slot}, where the slot is the dropout layer or the
 * augmentation draw within the step.
 */
public enum RandomKeys {
  /** Initial generator weights; counter = variable index. */
  GENERATOR_INIT(1),
  /** Initial discriminator weights; counter = variable index. */
  DISCRIMINATOR_INIT(2),
  /** The generator's input noise of a step; counter = step. */
  NOISE(3),
  /** Discriminator dropout masks; counter = step * 8 + layer. */
  DROPOUT(4),
  /** Differentiable augmentation parameters; counter = step * 8 + draw. */
  AUGMENT(5),
  /**
   * Dropout masks of the second D pass of an alternating step (G's loss against the updated D);
   * counter = step * 8 + layer.
   */
  DROPOUT_SECOND_PASS(6),
  /** Augmentation of the fakes in the second D pass of an alternating step; counter = step * 8 + draw. */
  AUGMENT_SECOND_PASS(7);

  /** Counter values below this fit in the low bits. */
  public static final long COUNTER_LIMIT = 1L << 48;
  /** Draws per step a per-step purpose may use (slots 0..7). */
  public static final int SLOTS_PER_STEP = 8;

  private final long tag;

  RandomKeys(long tag) {
    this.tag = tag;
  }

  /** The second key word for {@code counter}, which must be in [0, 2^48). */
  public long word(long counter) {
    if (counter < 0 || counter >= COUNTER_LIMIT) {
      throw new IllegalArgumentException(name() + " counter " + counter + " is outside [0, 2^48)");
    }
    return (tag << 48) | counter;
  }

  /** A constant key {@code [seed, word(counter)]}. */
  public Operand<TInt64> key(Ops tf, long seed, long counter) {
    return tf.constant(new long[] {seed, word(counter)});
  }

  /**
   * A per-step key built in the graph from a fed {@code stepSeed = [seed, step]}: {@code [seed,
   * tag << 48 | step * 8 + slot]} ({@code [seed, tag << 48 | step]} for {@link #NOISE}, which
   * draws once per step).
   */
  public Operand<TInt64> stepKey(Ops tf, Operand<TInt64> stepSeed, int slot) {
    if (slot < 0 || slot >= SLOTS_PER_STEP) {
      throw new IllegalArgumentException("slot must be in 0.." + (SLOTS_PER_STEP - 1) + ", got " + slot);
    }
    long multiplier = this == NOISE ? 1 : SLOTS_PER_STEP;
    // [seed, step] * [1, m] + [0, tag << 48 | slot]
    Operand<TInt64> scaled = tf.math.mul(stepSeed, tf.constant(new long[] {1L, multiplier}));
    return tf.math.add(scaled, tf.constant(new long[] {0L, word(slot)}));
  }
}
