package eyegan.model;

/**
 * Which of Keras's two call modes a forward pass is built for ({@code model(x, training=...)}).
 *
 * <p>TRAINING: batch norm normalises with the batch's own statistics and updates its moving
 * averages; dropout drops. INFERENCE: batch norm uses the moving averages; dropout is the identity.
 */
public enum Mode {
  TRAINING,
  INFERENCE
}
