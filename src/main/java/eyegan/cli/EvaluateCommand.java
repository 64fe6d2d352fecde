package eyegan.cli;

import eyegan.UserInputException;
import eyegan.data.DatasetLoader;
import eyegan.data.LoadOptions;
import eyegan.image.RgbImages;
import eyegan.inference.EyeGenerator;
import eyegan.image.ImageGrid;
import eyegan.image.PngFiles;
import eyegan.metrics.Memorisation;
import eyegan.metrics.RealismCalibration;
import eyegan.metrics.RealismEvaluation;
import eyegan.metrics.RealismMeter;
import eyegan.metrics.RealismReference;
import eyegan.train.FirstEpoch;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eyegan evaluate}: how real generated images look, measured against real images (a folder
 * of images, or images drawn from an exported model): the multi-scale sliced Wasserstein distance,
 * KID on MobileNetV2 features, eye geometry and the share of plausible eyes from MediaPipe's iris
 * model, and colour distances, each beside the real-vs-real floor and with its standard error.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    header = "Realism of generated vs real images: SWD, KID, eye geometry, colour.",
    sortOptions = false,
    description = {
      "Measure how close generated images are to real ones: ProGAN's multi-scale",
      "sliced Wasserstein distance (SWD x1e3 per Laplacian level), KID on MobileNetV2",
      "features, the iris model's eye geometry and share of plausible eyes, and the",
      "colour (brightness, white balance) distributions. Each comes with the",
      "real-vs-real floor and a standard error (docs/measures.md). Writes JSON too."
    },
    footer = {
      "",
      "Examples:",
      "  eyegan evaluate --real data/synthetic-eyes --model savedmodel/eyegan --n 500",
      "  eyegan evaluate --real ~/eyes --fake out/generated --json eval.json",
      "  eyegan evaluate --real held-out --model savedmodel/eyegan --train data/synthetic-eyes",
      "  eyegan evaluate --real data/synthetic-eyes --calibrate --resolution 64 --n 500"
    })
final class EvaluateCommand implements Callable<Integer> {
  /** Fewest real images: two halves, each split into the standard errors' parts twice over. */
  static final int MIN_REALS = 4 * RealismReference.PARTS;
  /** Fewest generated images: two per part. */
  static final int MIN_FAKES = 2 * RealismReference.PARTS;

  @Option(names = "--real", required = true, paramLabel = "DIR", description = "Folder of real images.")
  Path real;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Fakes fakes;

  static final class Fakes {
    @Option(names = "--fake", paramLabel = "DIR", description = "Folder of generated images.")
    Path folder;

    @Option(names = "--model", paramLabel = "DIR", description = "Exported model (base path or version folder) to draw images from.")
    Path model;

    @Option(names = "--calibrate", description = "Instead of generated images, measure real images after known"
        + " changes (blur, grain, a white-balance shift, pure noise) and a generator after one epoch: a ruler"
        + " for reading every measure.")
    boolean calibrate;
  }

  @Option(names = "--n", defaultValue = "1024",
      description = "Generated images to measure (default ${DEFAULT-VALUE}); pass at least twice as many real ones.")
  int n;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the image sampling (and of the model's seeds).")
  long seed;

  @Option(names = "--resolution", description = "Size to compare at (default: the model's, or 128 for two folders).")
  Integer resolution;

  @Option(names = "--train", paramLabel = "DIR", description = "The generator's training images: also check for"
      + " copying (distance of generated and of held-out --real images to their nearest training image) and"
      + " write a PNG of the closest pairs.")
  Path train;

  @Option(names = "--json", paramLabel = "FILE", description = "Where to write the JSON (default: evaluate-<name>.json, never overwritten).")
  Path json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (n < MIN_FAKES) {
      throw new UserInputException("--n must be >= " + MIN_FAKES + " (the standard errors split the images into "
          + RealismReference.PARTS + " parts), got " + n);
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
    if (generated.count() < MIN_FAKES) {
      throw new UserInputException("only " + generated.count() + " generated images; the measures need at least " + MIN_FAKES);
    }
    RgbImages reals = load(real, res, out);
    requireReals(reals);
    RgbImages training = train != null ? load(train, res, out) : null;
    if (reals.count() < 2 * Math.min(n, generated.count())) {
      out.printf("note: %d real images for %d generated: only %d generated images can be compared (the reals are split in halves)%n",
          reals.count(), generated.count(), reals.count() / 2);
    }
    Path target = json != null ? json : freeName("evaluate-" + name, ".json");
    long start = System.nanoTime();
    RealismEvaluation e;
    try (RealismMeter meter = RealismMeter.open()) {
      out.println("measuring " + reals.count() + " real images (the reference half and the held-out half)...");
      out.flush();
      RealismReference ref = meter.reference(reals, seed);
      out.println("measuring the generated images: SWD, KID, eye geometry, colour...");
      out.flush();
      e = ref.compare(generated);
      if (training != null) {
        out.println("checking for copies of the " + training.count() + " training images...");
        out.flush();
        Memorisation.Check check;
        try {
          check = Memorisation.check(meter, training, generated, reals);
        } catch (IllegalArgumentException ex) {
          throw new UserInputException("--train: " + ex.getMessage() + " (pass such images as --real)");
        }
        e = e.withMemorisation(check.summary());
        Path png = freeName(stripJson(target) + "-closest-pairs", ".png");
        PngFiles.write(ImageGrid.compose(check.closestPairs(), 2, check.closestPairs().count()), png);
        out.println("wrote " + png + " (left: generated, right: its nearest training image; closest first)");
      }
    }
    out.print(e.table());
    out.printf(java.util.Locale.ROOT, "checkerboard (period-2 amplitude x1e3 in 8x8 blocks): generated %.2f, real %.2f%n",
        eyegan.metrics.Checkerboard.amplitudeX1e3(generated), eyegan.metrics.Checkerboard.amplitudeX1e3(reals));
    e.writeJson(target);
    out.printf(java.util.Locale.ROOT, "wrote %s (%.0f s)%n", target, (System.nanoTime() - start) / 1e9);
    out.flush();
    return 0;
  }

  /** The ruler: every measure of changed reals against the other half, at --resolution (default 128). */
  private int calibrate(PrintWriter out) {
    if (json != null) {
      throw new UserInputException("--json is not written for --calibrate; the tables are printed");
    }
    if (train != null) {
      throw new UserInputException("--train checks a generator for copies; it does not apply to --calibrate");
    }
    int res = resolution != null ? resolution : LoadOptions.DEFAULT_RESOLUTION;
    RgbImages reals = load(real, res, out);
    requireReals(reals);
    Consumer<String> progress = line -> {
      out.println(line);
      out.flush();
    };
    RealismCalibration c;
    try (RealismMeter meter = RealismMeter.open()) {
      c = RealismCalibration.measure(meter, reals, n, seed, k -> FirstEpoch.generate(reals, k, seed), progress);
    }
    out.print(c.swdTable());
    out.println();
    out.print(c.table());
    out.flush();
    return 0;
  }

  private static void requireReals(RgbImages reals) {
    if (reals.count() < MIN_REALS) {
      throw new UserInputException(reals.count() + " usable real images; the measures need at least " + MIN_REALS
          + " (two halves, each split into " + RealismReference.PARTS + " parts for the standard errors)");
    }
  }

  private static RgbImages load(Path dir, int res, PrintWriter out) {
    return DatasetLoader.load(dir, LoadOptions.of(res), line -> {
      out.println(line);
      out.flush();
    }).images();
  }

  private static String stripJson(Path p) {
    String s = p.toString();
    return s.endsWith(".json") ? s.substring(0, s.length() - ".json".length()) : s;
  }

  /** {@code base.ext}, or {@code base-2.ext}, ... : earlier results are never overwritten. */
  private static Path freeName(String base, String ext) {
    Path p = Path.of(base + ext);
    for (int i = 2; Files.exists(p); i++) {
      p = Path.of(base + "-" + i + ext);
    }
    return p;
  }
}
