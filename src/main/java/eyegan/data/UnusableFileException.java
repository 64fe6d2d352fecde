package eyegan.data;

/**
 * A file in the data folder that cannot be used as a training image (not an image, empty, truncated,
 * corrupt, absurdly large). The message is the reason as shown to the user, without the file name:
 * the loader prints {@code skipped <file>: <reason>} and carries on with the other files.
 */
public final class UnusableFileException extends Exception {
  public UnusableFileException(String reason) {
    super(reason);
  }

  public UnusableFileException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
