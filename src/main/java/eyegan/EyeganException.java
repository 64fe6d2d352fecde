package eyegan;

/**
 * An expected failure that is not the user's input (training diverged, a disk filled up): the CLI
 * prints the message as one line and exits with code 1, without a stack trace.
 */
public class EyeganException extends RuntimeException {
  public EyeganException(String message) {
    super(message);
  }

  public EyeganException(String message, Throwable cause) {
    super(message, cause);
  }
}
