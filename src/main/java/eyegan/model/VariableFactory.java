package eyegan.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Creates the model's variables with Keras's default initialisers and flat names.
 *
 * <p>Names are flat ({@code gen_convT1_kernel}, no {@code /}) because the framework's Adam derives
 * slot names from them and rejects scoped names, and because checkpoints and SavedModels restore
 * variables by name: the training graph and the inference graph must name G's variables alike.
 *
 * <p>Random initial values come from TensorFlow's stateless uniform generator keyed by
 * {@link RandomKeys} (seed, purpose, variable index), so the same seed builds the same starting
 * weights every time.
 */
public final class VariableFactory {
  private final Ops tf;
  private final long seed;
  private final RandomKeys purpose;
  private final List<Variable<TFloat32>> trainable = new ArrayList<>();
  private final List<Variable<TFloat32>> nonTrainable = new ArrayList<>();
  private int counter;

  /**
   * @param seed the run's initialisation seed
   * @param purpose keeps the generator's and the discriminator's random streams apart
   */
  public VariableFactory(Ops tf, long seed, RandomKeys purpose) {
    this.tf = tf;
    this.seed = seed;
    this.purpose = purpose;
  }

  /**
   * Keras {@code glorot_uniform}: U(-limit, limit) with {@code limit = sqrt(6 / (fan_in + fan_out))}.
   * Fans follow Keras: a [in, out] matrix has fan_in = in, fan_out = out; a [h, w, a, b] kernel has
   * fan_in = h*w*a and fan_out = h*w*b (for Conv2DTranspose a is the output channels, as in Keras).
   */
  public Variable<TFloat32> glorotUniform(String name, long... shape) {
    long fanIn;
    long fanOut;
    if (shape.length == 2) {
      fanIn = shape[0];
      fanOut = shape[1];
    } else if (shape.length == 4) {
      long receptive = shape[0] * shape[1];
      fanIn = shape[2] * receptive;
      fanOut = shape[3] * receptive;
    } else {
      throw new IllegalArgumentException("glorot_uniform needs a rank 2 or 4 shape, got rank " + shape.length);
    }
    float limit = (float) Math.sqrt(6.0 / (fanIn + fanOut));
    Operand<TFloat32> unit =
        tf.random.statelessRandomUniform(tf.constant(shape), purpose.key(tf, seed, counter++));
    Operand<TFloat32> init = tf.math.sub(tf.math.mul(unit, tf.constant(2f * limit)), tf.constant(limit));
    return register(name, init, true);
  }

  /** A trainable variable filled with {@code value} (Keras {@code zeros} / {@code ones}). */
  public Variable<TFloat32> constant(String name, float value, long... shape) {
    counter++;
    return register(name, tf.fill(tf.constant(shape), tf.constant(value)), true);
  }

  /** Batch-norm moving statistics: state, not touched by the optimiser. */
  public Variable<TFloat32> state(String name, float value, long... shape) {
    counter++;
    return register(name, tf.fill(tf.constant(shape), tf.constant(value)), false);
  }

  /** A scalar int64 counter (training step, epoch), state outside both optimisers. */
  public Variable<TInt64> counter(String name) {
    return tf.withName(name).variable(tf.constant(0L));
  }

  /** Variables the optimiser updates, in creation order. */
  public List<Variable<TFloat32>> trainable() {
    return Collections.unmodifiableList(trainable);
  }

  /** Non-trainable state (moving statistics), in creation order. */
  public List<Variable<TFloat32>> nonTrainable() {
    return Collections.unmodifiableList(nonTrainable);
  }

  /** Elements of a variable's static shape. */
  public static long size(Variable<?> v) {
    Shape s = v.shape();
    return s.size();
  }

  private Variable<TFloat32> register(String name, Operand<TFloat32> init, boolean isTrainable) {
    Variable<TFloat32> v = tf.withName(name).variable(init);
    (isTrainable ? trainable : nonTrainable).add(v);
    return v;
  }
}
