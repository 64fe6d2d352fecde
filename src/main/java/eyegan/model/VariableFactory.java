package eyegan.model;

import eyegan.config.ModelConfig;
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
  private final String init;
  private final List<Variable<TFloat32>> trainable = new ArrayList<>();
  private final List<Variable<TFloat32>> nonTrainable = new ArrayList<>();
  private int counter;

  /**
   * A factory whose {@link #kernel} and {@link #bias} follow Keras ({@link ModelConfig#GLOROT}).
   *
   * @param seed the run's initialisation seed
   * @param purpose keeps the generator's and the discriminator's random streams apart
   */
  public VariableFactory(Ops tf, long seed, RandomKeys purpose) {
    this(tf, seed, purpose, ModelConfig.GLOROT);
  }

  /**
   * @param init {@link ModelConfig#GLOROT} or {@link ModelConfig#FAN_IN}: how {@link #kernel} and
   *     {@link #bias} start
   */
  public VariableFactory(Ops tf, long seed, RandomKeys purpose, String init) {
    this.tf = tf;
    this.seed = seed;
    this.purpose = purpose;
    this.init = init;
  }

  /**
   * A layer's kernel under this factory's scheme: {@link #glorotUniform} for {@link
   * ModelConfig#GLOROT}, {@link #fanInUniform} for {@link ModelConfig#FAN_IN}.
   */
  public Variable<TFloat32> kernel(String name, long... shape) {
    return init.equals(ModelConfig.FAN_IN) ? fanInUniform(name, shape) : glorotUniform(name, shape);
  }

  /**
   * A layer's bias of {@code units} values whose kernel has {@code fanIn} inputs per output: zeros
   * for {@link ModelConfig#GLOROT} (Keras), U(-1/sqrt(fanIn), 1/sqrt(fanIn)) for {@link
   * ModelConfig#FAN_IN} (PyTorch).
   */
  public Variable<TFloat32> bias(String name, long fanIn, long units) {
    if (!init.equals(ModelConfig.FAN_IN)) {
      return constant(name, 0f, units);
    }
    return uniform(name, (float) (1 / Math.sqrt(fanIn)), units);
  }

  /**
   * PyTorch's default for Linear and Conv layers ({@code kaiming_uniform_(a=sqrt(5))}): U(-limit,
   * limit) with {@code limit = 1 / sqrt(fan_in)}, fans as in {@link #glorotUniform}. Compared with
   * glorot_uniform it starts convolution kernels several times larger, which under Adam's fixed step
   * size makes each update a smaller change relative to the weights.
   */
  public Variable<TFloat32> fanInUniform(String name, long... shape) {
    return uniform(name, (float) (1 / Math.sqrt(fans(shape)[0])), shape);
  }

  /**
   * Keras {@code glorot_uniform}: U(-limit, limit) with {@code limit = sqrt(6 / (fan_in + fan_out))}.
   * Fans follow Keras: a [in, out] matrix has fan_in = in, fan_out = out; a [h, w, a, b] kernel has
   * fan_in = h*w*a and fan_out = h*w*b (for Conv2DTranspose a is the output channels, as in Keras).
   */
  public Variable<TFloat32> glorotUniform(String name, long... shape) {
    long[] fans = fans(shape);
    return uniform(name, (float) Math.sqrt(6.0 / (fans[0] + fans[1])), shape);
  }

  /** {fan_in, fan_out} of a kernel, the Keras way (see {@link #glorotUniform}). */
  static long[] fans(long... shape) {
    if (shape.length == 2) {
      return new long[] {shape[0], shape[1]};
    }
    if (shape.length == 4) {
      long receptive = shape[0] * shape[1];
      return new long[] {shape[2] * receptive, shape[3] * receptive};
    }
    throw new IllegalArgumentException("a kernel needs a rank 2 or 4 shape, got rank " + shape.length);
  }

  /** A trainable variable drawn from U(-limit, limit) with the next key of this factory's stream. */
  private Variable<TFloat32> uniform(String name, float limit, long... shape) {
    Operand<TFloat32> unit =
        tf.random.statelessRandomUniform(tf.constant(shape), purpose.key(tf, seed, counter++));
    Operand<TFloat32> value = tf.math.sub(tf.math.mul(unit, tf.constant(2f * limit)), tf.constant(limit));
    return register(name, value, true);
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
