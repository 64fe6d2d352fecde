package eyegan.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * One Keras layer of a {@link Sequential} network: its forward pass on NHWC float32 tensors and,
 * separately, what {@code model.summary()} says of it (output shape and parameter counts, worked
 * out from shapes alone, without building anything).
 */
interface Layer {
  /** Keras's base name of the layer ({@code dense}, {@code conv2d_transpose}, ...). */
  String name();

  /** Keras's class name ({@code Dense}, {@code Conv2DTranspose}, ...). */
  String type();

  /** The output shape without the batch dimension, from the input's. */
  long[] outputShape(long[] inputShape);

  /** Weights the optimiser updates. */
  default long trainableParams() {
    return 0;
  }

  /** State the optimiser does not touch (batch-norm moving statistics). */
  default long nonTrainableParams() {
    return 0;
  }

  /** Adds the layer's ops to {@code tf}'s graph. */
  Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Pass pass);

  /**
   * What one forward pass is: the mode, the step's key for dropout, and where training-mode
   * batch-norm passes put their moving-average updates.
   *
   * @param mode training (batch statistics, dropout) or inference
   * @param stepSeed int64 [2] = (run seed, step); only dropout in training mode reads it
   * @param updates receives the moving-statistics updates of a training-mode pass
   * @param dropoutKeys the purpose dropout masks are keyed by ({@link RandomKeys#DROPOUT}, or
   *     {@link RandomKeys#DROPOUT_SECOND_PASS} for a second pass in the same step)
   * @param maskRows null, or where this pass's images lie in a larger batch whose dropout masks are
   *     drawn as one (see {@link MaskRows})
   */
  record Pass(Mode mode, Operand<TInt64> stepSeed, List<Op> updates, RandomKeys dropoutKeys, MaskRows maskRows) {
    /** A pass whose dropout masks are keyed by {@link RandomKeys#DROPOUT}. */
    Pass(Mode mode, Operand<TInt64> stepSeed, List<Op> updates) {
      this(mode, stepSeed, updates, RandomKeys.DROPOUT, null);
    }

    boolean training() {
      return mode == Mode.TRAINING;
    }
  }
}
