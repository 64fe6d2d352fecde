package eyegan.cli;

import eyegan.UserInputException;
import eyegan.image.ImageGrid;
import eyegan.image.PngFiles;
import eyegan.image.RgbImages;
import eyegan.inference.EyeGenerator;
import eyegan.inference.Latents;
import java.awt.image.RenderedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eyegan generate}: PNGs from an exported model, named by seed, and/or a grid; optionally
 * truncated or as latent walks between consecutive seeds. Never overwrites a file.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write eye images (PNG files) from an exported model.",
      "Invent eyes with an exported model. Image i comes from seed SEED+i and is written as"
          + " seed<SEED+i>.png; the same seed gives the same image here, in the Java API and through"
          + " TF Serving's generate_png signature.",
      "Existing files are never overwritten: the command stops before writing anything if a file"
          + " it would write is already there."
    },
    footer = {
      "",
      "Examples:",
      "  eyegan generate --n 16 --seed 42 --out out/ --grid   # 16 PNGs + 4x4 grid",
      "  eyegan generate --n 16 --seed 42 --truncation 0.7 --grid-only --out out/",
      "  eyegan generate --n 2 --seed 42 --interpolate 8 --out out/   # 42 -> 43",
      "  eyegan generate --model savedmodel/eyegan/3 --n 4 --seed 7"
    })
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--model", defaultValue = "savedmodel/eyegan", paramLabel = "DIR",
      description = "Version folder or TF Serving base path (highest version); default ${DEFAULT-VALUE}.")
  Path model;

  @Option(names = "--n", defaultValue = "16", description = "Number of seeds (default ${DEFAULT-VALUE}).")
  int n;

  @Option(names = "--seed", defaultValue = "0", description = "First seed; the others follow (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", defaultValue = "out", paramLabel = "DIR", description = "Output folder (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--grid", description = "Also write all images as one grid PNG.")
  boolean grid;

  @Option(names = "--grid-only", description = "Write only the grid PNG.")
  boolean gridOnly;

  @Option(names = "--truncation", defaultValue = "1", paramLabel = "PSI",
      description = "Truncation psi in [0, 1]: each seed's noise is scaled by PSI toward the mean (1 = off,"
          + " smaller = more typical, less varied eyes).")
  double psi;

  @Option(names = "--interpolate", defaultValue = "0", paramLabel = "STEPS",
      description = "Instead of one image per seed, walk from each seed to the next in STEPS images along"
          + " the spherical path between their noise vectors (with --n 1: SEED to SEED+1).")
  int steps;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    validate();
    PrintWriter terminal = spec.commandLine().getOut();
    try (EyeGenerator eyes = EyeGenerator.load(model)) {
      terminal.println("model " + eyes.path() + ": " + eyes.info().summary());
      terminal.flush();
      String suffix = psi == 1 ? "" : String.format(Locale.ROOT, "-psi%.2f", psi);
      Map<Path, RenderedImage> files = steps > 0 ? walks(eyes, suffix) : singles(eyes, suffix);
      refuseOverwrites(files.keySet());
      for (Map.Entry<Path, RenderedImage> f : files.entrySet()) {
        PngFiles.write(f.getValue(), f.getKey());
      }
      terminal.println("wrote " + describe(files.keySet()));
      terminal.flush();
    }
    return 0;
  }

  private void validate() {
    if (n < 1) {
      throw new UserInputException("--n must be >= 1, got " + n);
    }
    if (!(psi >= 0 && psi <= 1)) {
      throw new UserInputException("--truncation must be in [0, 1] (1 = off), got " + psi);
    }
    if (steps == 1 || steps < 0) {
      throw new UserInputException("--interpolate needs at least 2 steps (both ends), got " + steps);
    }
  }

  private Map<Path, RenderedImage> singles(EyeGenerator eyes, String suffix) {
    RgbImages images = eyes.generate(n, seed, psi);
    Map<Path, RenderedImage> files = new LinkedHashMap<>();
    if (!gridOnly) {
      for (int i = 0; i < n; i++) {
        files.put(out.resolve("seed" + (seed + i) + suffix + ".png"), images.toBufferedImage(i));
      }
    }
    if (grid || gridOnly) {
      files.put(out.resolve("grid-seed" + seed + "-" + (seed + n - 1) + suffix + ".png"), ImageGrid.compose(images));
    }
    return files;
  }

  /** One row per pair of consecutive seeds, {@code steps} images each, both ends included. */
  private Map<Path, RenderedImage> walks(EyeGenerator eyes, String suffix) {
    int seeds = Math.max(2, n);
    float[][] noise = Latents.truncate(eyes.noise(seeds, seed), psi);
    List<float[]> path = new ArrayList<>();
    for (int p = 0; p + 1 < seeds; p++) {
      path.addAll(List.of(Latents.slerp(noise[p], noise[p + 1], steps)));
    }
    RgbImages images = eyes.generate(path.toArray(new float[0][]));
    Map<Path, RenderedImage> files = new LinkedHashMap<>();
    if (!gridOnly) {
      for (int i = 0; i < images.count(); i++) {
        long from = seed + i / steps;
        String name = String.format(Locale.ROOT, "interp-%d-%d-%02d%s.png", from, from + 1, i % steps, suffix);
        files.put(out.resolve(name), images.toBufferedImage(i));
      }
    }
    if (grid || gridOnly) {
      String name = "interp-grid-seed" + seed + "-" + (seed + seeds - 1) + "-" + steps + "steps" + suffix + ".png";
      files.put(out.resolve(name), ImageGrid.compose(images, steps, images.count()));
    }
    return files;
  }

  private static void refuseOverwrites(Iterable<Path> targets) {
    List<Path> existing = new ArrayList<>();
    for (Path p : targets) {
      if (Files.exists(p)) {
        existing.add(p);
      }
    }
    if (!existing.isEmpty()) {
      throw new UserInputException(existing.get(0) + (existing.size() > 1 ? " and " + (existing.size() - 1) + " more" : "")
          + " already exist" + (existing.size() > 1 ? "" : "s") + "; eyegan does not overwrite images."
          + " Choose another --out or other seeds.");
    }
  }

  private String describe(Set<Path> files) {
    long pngs = files.size();
    return pngs == 1 ? files.iterator().next().toString() : pngs + " PNG files to " + out;
  }
}
