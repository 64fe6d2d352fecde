package eyegan.cli;

import eyegan.UserInputException;
import eyegan.data.DatasetLoader;
import eyegan.data.LoadOptions;
import eyegan.image.RgbImages;
import eyegan.inference.EyeGenerator;
import eyegan.metrics.Degradation;
import eyegan.metrics.SlicedWasserstein;
import eyegan.metrics.SwdCalibration;
import eyegan.metrics.SwdEvaluation;
import eyegan.metrics.SwdSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eyegan evaluate}: the multi-scale sliced Wasserstein distance between real images and
 * generated ones (a folder of images, or images drawn from an exported model), with the
 * real-vs-real floor beside every level.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    header = "Sliced Wasserstein distance of generated vs real images.",
    sortOptions = false,
    description = {
      "Measure image quality as ProGAN's multi-scale sliced Wasserstein distance (SWD x1e3 per",
      "Laplacian level and averaged; lower is better) between real images and generated ones, next",
      "to the real-vs-real floor. Writes the table as JSON too."
    },
    footer = {
      "",
      "Examples:",
      "  eyegan evaluate --real data/synthetic-eyes --model savedmodel/eyegan --n 500",
      "  eyegan evaluate --real ~/eyes --fake out/generated --json swd.json",
      "  eyegan evaluate --real data/synthetic-eyes --calibrate --resolution 64 --n 500"
    })
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--real", required = true, paramLabel = "DIR", description = "Folder of real images.")
  Path real;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Fakes fakes;

  static final class Fakes {
    @Option(names = "--fake", paramLabel = "DIR", description = "Folder of generated images.")
    Path folder;

    @Option(names = "--model", paramLabel = "DIR", description = "Exported model (base path or version folder) to draw images from.")
    Path model;

    @Option(names = "--calibrate", description = "Instead of generated images, measure real images after known small"
        + " changes (blur, grain, a white-balance shift): a ruler for reading SWD values.")
    boolean calibrate;
  }

  @Option(names = "--n", defaultValue = "1024",
      description = "Generated images to measure (default ${DEFAULT-VALUE}); pass at least twice as many real ones.")
  int n;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the image sampling (and of the model's seeds).")
  long seed;

  @Option(names = "--resolution", description = "Size to compare at (default: the model's, or 128 for two folders).")
  Integer resolution;

  @Option(names = "--json", paramLabel = "FILE", description = "Where to write the JSON (default: swd-<name>.json, never overwritten).")
  Path json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (n < 1) {
      throw new UserInputException("--n must be >= 1, got " + n);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (fakes.calibrate) {
      return calibrate(out);
    }
    RgbImages generated;
    int res;
    String name;
    if (fakes.model != null) {
      try (EyeGenerator g = EyeGenerator.load(fakes.model)) {
        res = g.resolution();
        if (resolution != null && resolution != res) {
          throw new UserInputException("--resolution " + resolution + " differs from the model's " + res + "px");
        }
        out.printf("generating %d images from %s (seeds %d..%d)%n", n, g.path(), seed, seed + n - 1);
        out.flush();
        generated = g.generate(n, seed);
      }
      name = fakes.model.toAbsolutePath().normalize().getFileName().toString();
    } else {
      res = resolution != null ? resolution : LoadOptions.DEFAULT_RESOLUTION;
      generated = load(fakes.folder, res, out);
      name = fakes.folder.toAbsolutePath().normalize().getFileName().toString();
    }
    RgbImages reals = load(real, res, out);
    if (reals.count() < 2) {
      throw new UserInputException(real + " has " + reals.count() + " usable image; the floor needs at least 2");
    }
    if (reals.count() < 2 * Math.min(n, generated.count())) {
      out.printf("note: %d real images for %d generated: only %d generated images can be compared (the reals are split in halves)%n",
          reals.count(), generated.count(), reals.count() / 2);
    }
    out.println("computing SWD...");
    out.flush();
    SwdEvaluation e = new SlicedWasserstein(SwdSettings.STANDARD).evaluate(reals, generated, seed);
    out.print(e.table());
    out.printf(java.util.Locale.ROOT, "checkerboard (period-2 amplitude x1e3 in 8x8 blocks): generated %.2f, real %.2f%n",
        eyegan.metrics.Checkerboard.amplitudeX1e3(generated), eyegan.metrics.Checkerboard.amplitudeX1e3(reals));
    Path target = json != null ? json : freeName("swd-" + name);
    e.writeJson(target);
    out.println("wrote " + target);
    out.flush();
    return 0;
  }

  /** The ruler: SWD of degraded reals against the other half, at --resolution (default 128). */
  private int calibrate(PrintWriter out) {
    if (json != null) {
      throw new UserInputException("--json is not written for --calibrate; the table is printed");
    }
    int res = resolution != null ? resolution : LoadOptions.DEFAULT_RESOLUTION;
    RgbImages reals = load(real, res, out);
    if (reals.count() < 2) {
      throw new UserInputException(real + " has " + reals.count() + " usable image; calibration needs at least 2");
    }
    out.println("computing SWD of " + Degradation.values().length + " changed copies...");
    out.flush();
    SwdCalibration c = SwdCalibration.measure(new SlicedWasserstein(SwdSettings.STANDARD), reals, n, seed);
    out.print(c.table());
    out.flush();
    return 0;
  }

  private static RgbImages load(Path dir, int res, PrintWriter out) {
    return DatasetLoader.load(dir, LoadOptions.of(res), line -> {
      out.println(line);
      out.flush();
    }).images();
  }

  /** {@code base.json}, or {@code base-2.json}, ... : earlier results are never overwritten. */
  private static Path freeName(String base) {
    Path p = Path.of(base + ".json");
    for (int i = 2; Files.exists(p); i++) {
      p = Path.of(base + "-" + i + ".json");
    }
    return p;
  }
}
