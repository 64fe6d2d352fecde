package eyegan.train;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Adaptive discriminator augmentation's controller (Karras et al. 2020, "Training Generative
 * Adversarial Networks with Limited Data"), as graph state: the probability p with which every
 * augmentation is applied to every image D sees, steered by how sure D is about the real images.
 *
 * <p>Each step adds {@code sum(sign(D(real)))} (signs of the real logits) and the batch size to
 * two accumulators. Every {@link #INTERVAL} steps, {@code r = sum / count} (the overfitting
 * heuristic r_t of the paper: 0 when D cannot tell, 1 when it is sure of every real image) moves p
 * by {@code sign(r - target) * count / (kimg * 1000)}, clipped to [0, 1], and the accumulators
 * start again. So p can cross from 0 to 1 in {@code kimg} thousand images.
 *
 * <p>p and the accumulators are variables ({@value #P}, {@value #SIGN_SUM}, {@value #COUNT},
 * {@value #STEPS}), saved in every checkpoint, so a resumed run continues with the same p and the
 * same partial interval.
 */
final class AdaController {
  /** The augmentation probability, float32 scalar in [0, 1]. */
  static final String P = "ada_p";
  /** p after this step's update (a fresh value, safe to fetch beside the step). */
  static final String P_AFTER = "ada_p_after";
  /**
   * This step's own r: the mean sign of its real logits, float32 scalar in [-1, 1]. Averaged over a
   * progress tick it is the heuristic that p is steered by, so a run shows how far from the target D is.
   */
  static final String R_STEP = "ada_r";
  static final String SIGN_SUM = "ada_sign_sum";
  static final String COUNT = "ada_count";
  static final String STEPS = "ada_steps";
  /** Steps between adjustments of p (the paper's 4). */
  static final int INTERVAL = 4;

  private final Ops tf;
  private final double target;
  private final double kimg;
  private final Variable<TFloat32> p;
  private final Variable<TFloat32> signSum;
  private final Variable<TFloat32> count;
  private final Variable<TFloat32> steps;

  /**
   * @param target the value of r that p is steered towards (0.6 in the paper)
   * @param kimg thousands of images over which p may move by 1
   */
  AdaController(Ops tf, double target, double kimg) {
    this.tf = tf;
    this.target = target;
    this.kimg = kimg;
    this.p = tf.withName(P).variable(tf.constant(0f));
    this.signSum = tf.withName(SIGN_SUM).variable(tf.constant(0f));
    this.count = tf.withName(COUNT).variable(tf.constant(0f));
    this.steps = tf.withName(STEPS).variable(tf.constant(0f));
  }

  /** The current p (read before this step's update). */
  Operand<TFloat32> p() {
    return tf.identity(p);
  }

  /**
   * The update of one step.
   *
   * @param realLogits float32 [N, 1], D's logits of this step's real images
   * @param after ops the update must follow (everything of the step that reads p)
   */
  Op update(Operand<TFloat32> realLogits, List<Op> after) {
    Ops tfa = tf.withControlDependencies(after);
    Operand<TFloat32> signs = tf.math.sign(realLogits);
    tf.withName(R_STEP).math.mean(signs, tf.constant(new int[] {0, 1}));
    Operand<TFloat32> sum = tfa.math.add(signSum, tf.sum(signs, tf.constant(new int[] {0, 1})));
    Operand<TFloat32> n = tfa.math.add(count,
        tf.dtypes.cast(tf.reshape(tf.slice(tf.shape(realLogits), tf.constant(new int[] {0}), tf.constant(new int[] {1})),
            tf.constant(new int[0])), TFloat32.class));
    Operand<TFloat32> k = tfa.math.add(steps, tf.constant(1f));
    Operand<TBool> due = tf.math.greaterEqual(k, tf.constant((float) INTERVAL));
    Operand<TFloat32> r = tf.math.divNoNan(sum, n);
    Operand<TFloat32> moved = tf.math.add(tfa.identity(p), tf.math.mul(tf.math.sign(tf.math.sub(r, tf.constant((float) target))),
        tf.math.div(n, tf.constant((float) (kimg * 1000)))));
    Operand<TFloat32> clipped = tf.math.minimum(tf.math.maximum(moved, tf.constant(0f)), tf.constant(1f));
    Operand<TFloat32> zero = tf.constant(0f);
    // Compute every new value before any assignment, so no assignment reads another's result.
    List<Operand<TFloat32>> next = List.of(
        tf.withName(P_AFTER).select(due, clipped, tfa.identity(p)), tf.select(due, zero, sum), tf.select(due, zero, n), tf.select(due, zero, k));
    Ops afterAll = tf.withControlDependencies(List.<Op>copyOf(next));
    return tf.withControlDependencies(List.of(
        afterAll.assign(p, next.get(0)), afterAll.assign(signSum, next.get(1)),
        afterAll.assign(count, next.get(2)), afterAll.assign(steps, next.get(3)))).noOp();
  }
}
