package eyegan.train;

import eyegan.config.StepOptions;
import eyegan.model.Generator;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The exponential moving average of the generator, as in StyleGAN2-ADA: after every step each
 * weight and batch-norm statistic of the average moves toward the live generator's,
 * {@code ema = w + beta * (ema - w)}, with {@code beta = 0.5^(batch / halfLife)} so the half-life is
 * counted in images shown, whatever the batch size. With a ramp-up the half-life is at most
 * {@code rampup * images shown so far}: at step 0 the average is a copy, and early weights, which
 * change fast, are forgotten fast.
 *
 * <p>The averaged generator samples cleaner images than the live one, whose weights jitter from
 * step to step in the adversarial game; grids, SWD and the export use it.
 */
final class GeneratorAverage {
  private final Ops tf;
  private final List<Variable<TFloat32>> live = new ArrayList<>();
  private final List<Variable<TFloat32>> average = new ArrayList<>();
  private final double halfLifeImages;
  private final double rampup;

  /** @param ema a generator of the same config under {@link Generator#EMA_PREFIX}, same seed */
  GeneratorAverage(Ops tf, Generator generator, Generator ema, StepOptions options) {
    this.tf = tf;
    this.halfLifeImages = options.emaHalfLifeKimg() * 1000;
    this.rampup = options.emaRampup();
    live.addAll(generator.trainableVariables());
    live.addAll(generator.nonTrainableVariables());
    average.addAll(ema.trainableVariables());
    average.addAll(ema.nonTrainableVariables());
  }

  /**
   * The per-step update.
   *
   * @param stepSeed int64 [2] = (run seed, step): step * batch images were shown before this step
   * @param batch int32 scalar, images in this step
   * @param after the ops the averaging must wait for (every weight and statistic update of the step)
   */
  Op update(Operand<TInt64> stepSeed, Operand<TInt32> batch, List<Op> after) {
    Ops tfa = tf.withControlDependencies(after);
    Operand<TFloat32> n = tf.dtypes.cast(batch, TFloat32.class);
    Operand<TFloat32> shown = tf.math.mul(
        tf.dtypes.cast(tf.slice(stepSeed, tf.constant(new int[] {1}), tf.constant(new int[] {1})), TFloat32.class), n);
    Operand<TFloat32> halfLife = tf.constant((float) halfLifeImages);
    if (rampup > 0) {
      halfLife = tf.math.minimum(halfLife, tf.math.mul(shown, tf.constant((float) rampup)));
    }
    // beta = 0.5^(n / halfLife) = exp(ln(0.5) * n / halfLife); a zero half-life gives beta 0 (a copy).
    Operand<TFloat32> beta = tf.math.exp(tf.math.div(
        tf.math.mul(n, tf.constant((float) Math.log(0.5))), tf.math.maximum(halfLife, tf.constant(1e-8f))));
    beta = tf.reshape(beta, tf.constant(new int[0]));
    List<Op> assigns = new ArrayList<>();
    for (int i = 0; i < live.size(); i++) {
      Variable<TFloat32> w = live.get(i);
      Variable<TFloat32> e = average.get(i);
      Operand<TFloat32> wNow = tfa.identity(w);
      assigns.add(tfa.assign(e, tf.math.add(wNow, tf.math.mul(beta, tf.math.sub(e, wNow)))));
    }
    return tf.withControlDependencies(assigns).noOp();
  }
}
