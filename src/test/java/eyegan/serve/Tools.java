package eyegan.serve;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Programs outside the JVM that some serve tests drive (curl, python3, chromium). A developer's
 * machine may lack them, and those tests are then skipped; in CI ({@code CI=true}, where .ci/run
 * installs them) a missing one fails the test instead, so a skipped check cannot pass unnoticed.
 */
final class Tools {
  private Tools() {}

  /** The program on PATH, or null. */
  static Path find(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * True when every program is on PATH; false (skip) when one is missing on a developer's machine.
   *
   * @throws AssertionError when one is missing in CI
   */
  static boolean available(String... names) {
    for (String n : names) {
      if (find(n) == null) {
        if ("true".equals(System.getenv("CI"))) {
          throw new AssertionError(n + " is not installed; .ci/run installs it");
        }
        return false;
      }
    }
    return true;
  }
}
