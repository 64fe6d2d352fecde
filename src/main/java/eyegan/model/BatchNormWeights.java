package eyegan.model;

import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The four variables of one Keras BatchNormalization layer, each of shape [C].
 *
 * @param gamma trainable scale, initialised to 1
 * @param beta trainable offset, initialised to 0
 * @param movingMean non-trainable, initialised to 0
 * @param movingVariance non-trainable, initialised to 1
 */
record BatchNormWeights(
    Variable<TFloat32> gamma,
    Variable<TFloat32> beta,
    Variable<TFloat32> movingMean,
    Variable<TFloat32> movingVariance) {

  static BatchNormWeights create(VariableFactory f, String prefix, long channels) {
    return new BatchNormWeights(
        f.constant(prefix + "_gamma", 1f, channels),
        f.constant(prefix + "_beta", 0f, channels),
        f.state(prefix + "_moving_mean", 0f, channels),
        f.state(prefix + "_moving_variance", 1f, channels));
  }
}
