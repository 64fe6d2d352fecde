package eyegan;

/**
 * A problem with what the user asked for or pointed eyegan at (a missing folder, an unreadable
 * model, a flag value out of range). The CLI prints its message as one line and exits with code 2;
 * no stack trace is shown because the message alone must tell the user what to fix.
 */
public class UserInputException extends RuntimeException {
  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
