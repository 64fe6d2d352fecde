package eyegan.model.reference;

/**
 * The Keras 2 (TensorFlow 2.x) defaults the reference model relies on, written down here from the
 * Keras documentation rather than taken from eyegan's own constants, so that a changed constant in
 * eyegan shows up as a difference.
 */
public final class KerasDefaults {
  /** {@code tf.keras.layers.LeakyReLU()}: alpha = 0.3. */
  public static final double LEAKY_SLOPE = 0.3;
  /** {@code tf.keras.layers.BatchNormalization()}: epsilon = 0.001. */
  public static final double BN_EPSILON = 1e-3;
  /** {@code tf.keras.layers.BatchNormalization()}: momentum = 0.99. */
  public static final double BN_MOMENTUM = 0.99;
  /** The tutorial's {@code Dropout(0.5)}. */
  public static final double DROPOUT_RATE = 0.5;
  /** {@code tf.keras.optimizers.Adam()}: beta_1, beta_2, epsilon. */
  public static final double ADAM_BETA1 = 0.9;
  public static final double ADAM_BETA2 = 0.999;
  public static final double ADAM_EPSILON = 1e-7;

  private KerasDefaults() {}
}
