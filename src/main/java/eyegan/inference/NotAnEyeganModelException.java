package eyegan.inference;

import eyegan.UserInputException;

/**
 * The path given to {@link EyeGenerator#load} is not a SavedModel exported by eyegan (missing,
 * no {@code saved_model.pb}, no {@code assets.extra/eyegan.json}, or signatures that differ from
 * {@link ServingSignatures}). The message names the path and what is wrong.
 */
public class NotAnEyeganModelException extends UserInputException {
  public NotAnEyeganModelException(String message) {
    super(message);
  }

  public NotAnEyeganModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
