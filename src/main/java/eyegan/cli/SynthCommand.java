package eyegan.cli;

import eyegan.UserInputException;
import eyegan.synth.DefaultData;
import eyegan.synth.SyntheticEyes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eyegan synth}: renders a set of synthetic close-up eyes as PNG files. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    header = "Render procedural close-up eyes (the built-in data set).",
    description = {
      "Renders procedural close-up human eyes as PNG files: varied skin tones, iris",
      "colours, pupils, gaze, lids, lashes, brows and lighting, left and right eyes.",
      "The same seed always gives identical files."
    },
    footer = {"", "Example:", "  eyegan synth --out data/my-eyes --n 500 --seed 7 --size 128"})
public final class SynthCommand implements Runnable {
  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Folder to create for the images; must not exist or be empty.")
  Path out;

  @Option(names = "--n", paramLabel = "N", defaultValue = "" + DefaultData.COUNT,
      description = "Number of images (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "" + DefaultData.SEED,
      description = "Random seed (default: ${DEFAULT-VALUE}, the built-in set's).")
  long seed;

  @Option(names = "--size", paramLabel = "PX", defaultValue = "" + SyntheticEyes.DEFAULT_SIZE,
      description = "Image side in pixels, " + SyntheticEyes.MIN_SIZE + ".." + SyntheticEyes.MAX_SIZE
          + " (default: ${DEFAULT-VALUE}).")
  int size;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    if (count < 1) {
      throw new UserInputException("--n must be at least 1, got " + count);
    }
    if (size < SyntheticEyes.MIN_SIZE || size > SyntheticEyes.MAX_SIZE) {
      throw new UserInputException("--size must be in " + SyntheticEyes.MIN_SIZE + ".." + SyntheticEyes.MAX_SIZE
          + ", got " + size);
    }
    Path target = out.toAbsolutePath().normalize();
    requireEmptyOrMissing(target);
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "rendering %d synthetic eyes (%dx%d, seed %d) into %s%n", count, size, size, seed, out);
    w.flush();
    long start = System.nanoTime();
    try {
      Path parent = target.getParent();
      Files.createDirectories(parent);
      // Render beside the target and rename, so the folder appears complete or not at all.
      Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".rendering-");
      try {
        SyntheticEyes.writePngs(tmp, count, seed, size, line -> {
          w.println(line);
          w.flush();
        });
        Files.deleteIfExists(target); // empty folder, checked above
        Files.move(tmp, target);
      } finally {
        deleteTree(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + out + ": " + e.getMessage(), e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    w.printf(Locale.ROOT, "wrote %d images to %s in %.1f s (%.0f images/s)%n", count, out, seconds, count / seconds);
    w.printf("preview and cache them with: eyegan prepare --data %s --resolution %d%n", out, size);
    w.flush();
  }

  private static void requireEmptyOrMissing(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new UserInputException("--out " + dir + " is a file; give a folder to create");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new UserInputException("--out " + dir + " is not empty; choose a new folder (eyegan never overwrites earlier output)");
      }
    } catch (IOException e) {
      throw new UserInputException("cannot read --out " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all.sorted((a, b) -> b.getNameCount() - a.getNameCount())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
