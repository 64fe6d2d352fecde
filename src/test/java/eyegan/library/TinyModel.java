package eyegan.library;

import eyegan.export.GeneratorExporter;
import eyegan.export.TinyRun;
import java.io.IOException;
import java.nio.file.Path;

/** A real tiny-preset export (a few training steps) for the tests that use eyegan as a library. */
final class TinyModel {
  /** The tiny preset's image side. */
  static final int RESOLUTION = 32;

  private TinyModel() {}

  /** Trains a tiny run under {@code dir} and exports it; returns the base path (version 1 inside). */
  static Path export(Path dir) throws IOException {
    TinyRun run = TinyRun.create(dir.resolve("run"));
    Path base = dir.resolve("models");
    new GeneratorExporter(w -> {}).exportRun(run.runDir, base, null);
    return base;
  }
}
