package eyegan.cli;

import eyegan.UserInputException;
import eyegan.eyecrop.EyeCropOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The flags of {@code eyegan prepare --detect-eyes}. They are null when not given, so that {@code
 * prepare} can tell a user who gives them without {@code --detect-eyes} that they have no effect.
 */
final class EyeCropFlags {
  @Option(names = "--detect-eyes",
      description = "Find the faces in the photos and write one aligned crop per open eye into --out"
          + " (with crops.csv and a contact sheet) instead of caching the photos as they are.")
  boolean detectEyes;

  @Option(names = "--out", paramLabel = "DIR",
      description = "With --detect-eyes: the folder for the crops and crops.csv; new or empty unless --force.")
  Path out;

  @Option(names = "--min-score", paramLabel = "S",
      description = "With --detect-eyes: face detector score a face needs, 0..1 (default: " + EyeCropOptions.MIN_SCORE + ").")
  Double minScore;

  @Option(names = "--min-eye-px", paramLabel = "PX",
      description = "With --detect-eyes: narrowest eye kept, corner to corner, in photo pixels (default: "
          + EyeCropOptions.MIN_EYE_PX + ").")
  Double minEyePx;

  @Option(names = "--crop-scale", paramLabel = "X",
      description = "With --detect-eyes: crop side / eye width; the default frames the eye with its brow"
          + " (default: " + EyeCropOptions.CROP_SCALE + ").")
  Double cropScale;

  @Option(names = "--min-opening", paramLabel = "F",
      description = "With --detect-eyes: eyes whose lid opening is under this fraction of their width count as"
          + " closed and are skipped (default: " + EyeCropOptions.MIN_OPENING + ").")
  Double minOpening;

  @Option(names = "--force",
      description = "With --detect-eyes: write into a folder that is not empty (files of the same names are replaced).")
  boolean force;

  /** The options for {@code resolution}; the defaults where a flag was not given. */
  EyeCropOptions options(int resolution) {
    EyeCropOptions d = EyeCropOptions.defaults(resolution);
    return new EyeCropOptions(resolution, minScore != null ? minScore : d.minScore(),
        minEyePx != null ? minEyePx : d.minEyePx(), cropScale != null ? cropScale : d.cropScale(),
        minOpening != null ? minOpening : d.minOpening(), d.threads());
  }

  /** Refuses eye flags given without {@code --detect-eyes}, and a missing {@code --out} with it. */
  void check() {
    if (detectEyes) {
      if (out == null) {
        throw new UserInputException("--detect-eyes needs --out DIR, the folder for the crops");
      }
      return;
    }
    List<String> given = new ArrayList<>();
    if (out != null) {
      given.add("--out");
    }
    if (minScore != null) {
      given.add("--min-score");
    }
    if (minEyePx != null) {
      given.add("--min-eye-px");
    }
    if (cropScale != null) {
      given.add("--crop-scale");
    }
    if (minOpening != null) {
      given.add("--min-opening");
    }
    if (force) {
      given.add("--force");
    }
    if (!given.isEmpty()) {
      throw new UserInputException(String.join(", ", given) + " only apply with --detect-eyes");
    }
  }
}
