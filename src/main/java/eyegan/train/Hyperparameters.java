package eyegan.train;

/**
 * Adam settings shared by both optimisers (the reference uses one Adam(1e-4) per network with
 * Keras defaults: beta_1 0.9, beta_2 0.999, epsilon 1e-7).
 */
public record Hyperparameters(float learningRate, float beta1, float beta2, float epsilon) {
  public Hyperparameters {
    if (!(learningRate > 0f) || Float.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }
    if (!(beta1 >= 0f && beta1 < 1f) || !(beta2 >= 0f && beta2 < 1f)) {
      throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
    }
    if (!(epsilon > 0f)) {
      throw new IllegalArgumentException("Adam epsilon must be > 0, got " + epsilon);
    }
  }
}
