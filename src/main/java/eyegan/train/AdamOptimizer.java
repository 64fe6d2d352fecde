package eyegan.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.ApplyAdam;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Adam for one network's variables, as Keras's {@code Adam} updates them: per variable first and
 * second moments, bias correction from the optimiser's own iteration count, and the update
 * {@code var -= lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)} of TensorFlow's ApplyAdam
 * kernel (the one Keras uses).
 *
 * <p>eyegan does not use tensorflow-framework's {@code Adam} here: its beta-power variables are
 * multiplied forward in the same group as the variable updates with no ordering between them, so
 * some updates read {@code b^(t+1)} instead of {@code b^t} (a first step of 0.74 * lr instead of lr,
 * and a result that changes from run to run). Here the powers are computed from an iteration
 * counter that is incremented only after every update has run.
 *
 * <p>Slots are named {@code <variable>-m} and {@code <variable>-v}, the counter
 * {@code <name>_iterations}; all are saved in checkpoints. A second {@link #apply(List, List,
 * Operand, String) apply} builds another update of the same state (moments and counter), for a
 * step of the same network with another loss (the lazy R1 step), run at other times.
 */
final class AdamOptimizer {
  private final Ops tf;
  private final String name;
  private final Hyperparameters hp;
  private final Map<String, Variable<TFloat32>[]> slots = new HashMap<>();
  private Variable<TInt64> iterations;

  AdamOptimizer(Ops tf, String name, Hyperparameters hp) {
    this.tf = tf;
    this.name = name;
    this.hp = hp;
  }

  /**
   * Builds one Adam step for {@code vars} with gradients {@code grads} (same order and shapes) and
   * returns the op that runs it. The gradients are read as given; callers order them as needed.
   */
  Op apply(List<Operand<TFloat32>> grads, List<Variable<TFloat32>> vars) {
    return apply(grads, vars, null);
  }

  /**
   * {@link #apply(List, List)} with the learning rate multiplied by {@code lrScale} (float32 scalar,
   * read each step), or constant when it is null.
   */
  Op apply(List<Operand<TFloat32>> grads, List<Variable<TFloat32>> vars, Operand<TFloat32> lrScale) {
    return apply(grads, vars, lrScale, name + "_apply");
  }

  /** {@link #apply(List, List, Operand)} as an op named {@code opName}, sharing this optimiser's state. */
  Op apply(List<Operand<TFloat32>> grads, List<Variable<TFloat32>> vars, Operand<TFloat32> lrScale, String opName) {
    if (grads.size() != vars.size()) {
      throw new IllegalArgumentException(grads.size() + " gradients for " + vars.size() + " variables");
    }
    if (iterations == null) {
      iterations = tf.withName(name + "_iterations").variable(tf.constant(0L));
    }
    // t = iterations + 1 for this step; b^t computed rather than carried, so nothing can race.
    Operand<TFloat32> t = tf.dtypes.cast(tf.math.add(iterations, tf.constant(1L)), TFloat32.class);
    Operand<TFloat32> beta1Power = tf.math.pow(tf.constant(hp.beta1()), t);
    Operand<TFloat32> beta2Power = tf.math.pow(tf.constant(hp.beta2()), t);
    Operand<TFloat32> lr = tf.constant(hp.learningRate());
    if (lrScale != null) {
      lr = tf.math.mul(lr, lrScale);
    }
    Operand<TFloat32> beta1 = tf.constant(hp.beta1());
    Operand<TFloat32> beta2 = tf.constant(hp.beta2());
    Operand<TFloat32> epsilon = tf.constant(hp.epsilon());
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      Variable<TFloat32> var = vars.get(i);
      Variable<TFloat32>[] mv = slots.computeIfAbsent(var.op().name(), base -> moments(var, base));
      updates.add(tf.train.applyAdam(var, mv[0], mv[1], beta1Power, beta2Power, lr, beta1, beta2, epsilon,
          grads.get(i), ApplyAdam.useLocking(true)));
    }
    return tf.withControlDependencies(updates).withName(opName).assignAdd(iterations, tf.constant(1L));
  }

  /** The first and second moment slots of {@code var}, zero at the start. */
  @SuppressWarnings("unchecked")
  private Variable<TFloat32>[] moments(Variable<TFloat32> var, String base) {
    Operand<TFloat32> zeros = tf.zeros(tf.constant(var.shape().asArray()), TFloat32.class);
    return new Variable[] {tf.withName(base + "-m").variable(zeros), tf.withName(base + "-v").variable(zeros)};
  }
}
