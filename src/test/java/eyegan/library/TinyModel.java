package eyegan.library;

import eyegan.export.GeneratorExporter;
import eyegan.export.TinyRun;
import eyegan.io.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real tiny-preset export (a few training steps) for the tests that use eyegan as a library. */
final class TinyModel {
  /** The tiny preset's image side. */
  static final int RESOLUTION = 32;

  private static Path shared;

  private TinyModel() {}

  /**
   * One export for every test class of this JVM that only reads it (making one takes seconds):
   * its base path, version 1 inside; deleted when the JVM exits.
   */
  static synchronized Path shared() throws IOException {
    if (shared == null) {
      Path dir = Files.createTempDirectory("eyegan-library-test-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteQuietly(dir)));
      TinyRun run = TinyRun.create(dir.resolve("run"));
      Path base = dir.resolve("models");
      new GeneratorExporter(w -> {}).exportRun(run.runDir, base, null);
      shared = base;
    }
    return shared;
  }
}
