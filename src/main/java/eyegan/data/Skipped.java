package eyegan.data;

import java.util.Objects;

/**
 * A file the loader left out, and why.
 *
 * @param file path relative to the data folder, with {@code /} separators
 * @param reason one line, e.g. {@code truncated (the file ends before the image data does)}
 */
public record Skipped(String file, String reason) {
  public Skipped {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  /** The line printed for this file. */
  @Override
  public String toString() {
    return "skipped " + file + ": " + reason;
  }
}
