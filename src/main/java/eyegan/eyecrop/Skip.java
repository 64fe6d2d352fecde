package eyegan.eyecrop;

/**
 * A photo, face or eye that gave no crop.
 *
 * @param kind what went wrong, for the summary's counts
 * @param what the photo, or {@code photo face N left eye}
 * @param reason one line, without the file name
 */
public record Skip(SkipKind kind, String what, String reason) {
  /** The line printed for it. */
  @Override
  public String toString() {
    return "skipped " + what + ": " + reason;
  }
}
