package eyegan.library;

import eyegan.image.RgbImages;
import eyegan.inference.EyeGenerator;
import java.nio.file.Path;

/**
 * A library caller in a JVM of its own: loads a model with {@link EyeGenerator}, generates and
 * writes a grid, and writes exactly one line of its own to stdout and two to stderr (one before
 * TensorFlow starts, one after), so a test can tell them from anything else on the console.
 *
 * <p>Usage: {@code QuietClient MODEL_DIR GRID_PNG}.
 */
public final class QuietClient {
  static final String ERR_BEFORE = "client: loading";
  static final String ERR_AFTER = "client: done";

  private QuietClient() {}

  /** The line written to stdout for {@code n} images of side {@code r}. */
  static String outLine(int n, int r) {
    return "client: " + n + " eyes of " + r + "x" + r;
  }

  public static void main(String[] args) throws Exception {
    System.err.println(ERR_BEFORE);
    try (EyeGenerator eyes = EyeGenerator.load(Path.of(args[0]))) {
      RgbImages batch = eyes.generate(4, 42);
      EyeGenerator.writeGrid(batch, Path.of(args[1]));
      System.out.println(outLine(4, eyes.resolution()));
    }
    System.err.println(ERR_AFTER);
  }
}
