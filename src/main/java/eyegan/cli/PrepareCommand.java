package eyegan.cli;

import eyegan.UserInputException;
import eyegan.data.CacheLocation;
import eyegan.data.DatasetLoader;
import eyegan.data.LoadOptions;
import eyegan.data.LoadResult;
import eyegan.data.SquareFit;
import eyegan.eyecrop.EyeCropRun;
import eyegan.image.ImageGrid;
import eyegan.image.PngFiles;
import eyegan.image.RgbImages;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eyegan prepare}: decodes a photo folder once, caches it, and shows what training will see;
 * with {@code --detect-eyes}, turns a folder of face photos into aligned eye crops instead.
 */
@Command(
    name = "prepare",
    mixinStandardHelpOptions = true,
    header = "Decode and check an image folder; write the cache and a preview grid.",
    description = {
      "Decodes every JPEG, PNG, BMP, GIF and TIFF file under a folder (recursively),",
      "crops each to its centred square (or pads or stretches it), resizes it to the training",
      "resolution, reports skipped files with reasons, caches the result so training",
      "starts fast, and writes a grid of the images. The folder is never modified.",
      "",
      "With --detect-eyes it takes photos of faces instead: it finds every face",
      "(BlazeFace) and both eyes of each (MediaPipe iris landmarks), and writes one square",
      "crop per open eye into --out, centred on the eye, turned level with its corners,",
      "at the training resolution, with crops.csv (where each crop came from) and a",
      "contact sheet (--grid). Train on the crops with: eyegan train --data DIR"
    },
    footer = {"", "Examples:", "  eyegan prepare --data ~/photos/eyes --resolution 128",
        "  (caches under ~/.cache/eyegan, writes reals-eyes-128px.png here)",
        "  eyegan prepare --data ~/photos/portraits --detect-eyes --out ~/photos/eye-crops",
        "  (writes ~/photos/eye-crops/*.png and crops.csv, and eyes-eye-crops-128px.png here)"})
public final class PrepareCommand implements Runnable {
  /** Grid of the first images: 8 x 8, as the training run's reals.png. */
  private static final int GRID_COLUMNS = 8;
  private static final int GRID_IMAGES = 64;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder of photos.")
  Path data;

  @Option(names = "--resolution", paramLabel = "N", defaultValue = "" + LoadOptions.DEFAULT_RESOLUTION,
      description = "Side of the square training images in pixels (default: ${DEFAULT-VALUE}).")
  int resolution;

  @Option(names = "--fit", paramLabel = "crop|pad|stretch", defaultValue = "crop",
      description = "How photos become square: crop (default: the centred square), pad (the whole photo on white)"
          + " or stretch (the whole photo squashed to a square, as the tutorial does).")
  String fit;

  @Option(names = "--pad", description = "Deprecated: the same as --fit pad.")
  boolean pad;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Cache folder (default: $" + CacheLocation.ENV_CACHE_DIR + ", else $XDG_CACHE_HOME/eyegan, else ~/.cache/eyegan).")
  Path cacheDir;

  @Option(names = "--grid", paramLabel = "FILE",
      description = "Where to write the grid of images (default: reals-<folder>-<N>px.png in the current folder,"
          + " numbered if taken); with --detect-eyes the contact sheet of the crops (default: eyes-<out>-<N>px.png).")
  Path grid;

  @CommandLine.Mixin EyeCropFlags eyes = new EyeCropFlags();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    if (resolution < 1 || resolution > LoadOptions.MAX_RESOLUTION) {
      throw new UserInputException("--resolution must be in 1.." + LoadOptions.MAX_RESOLUTION + ", got " + resolution);
    }
    eyes.check();
    PrintWriter w = spec.commandLine().getOut();
    if (eyes.detectEyes) {
      detectEyes(w);
      return;
    }
    LoadOptions options = LoadOptions.of(resolution).withFit(squareFit()).withCacheDir(cacheDir);
    LoadResult result = DatasetLoader.load(data, options, line -> {
      w.println(line);
      w.flush();
    });
    RgbImages images = result.images();
    Path gridFile = grid != null ? grid : freeName(defaultGridName());
    PngFiles.write(ImageGrid.compose(spreadSample(images), GRID_COLUMNS, GRID_IMAGES), gridFile);
    w.printf(Locale.ROOT, "%d images ready (%dx%d), %d files skipped%n", result.loaded(), resolution, resolution,
        result.skipped().size());
    if (result.cacheFile() != null) {
      w.println("cache: " + result.cacheFile());
    }
    w.printf(Locale.ROOT, "grid of %d images: %s%n", Math.min(GRID_IMAGES, images.count()), gridFile.toAbsolutePath());
    w.flush();
  }

  private void detectEyes(PrintWriter w) {
    if (cacheDir != null || pad || !fit.equals("crop")) {
      throw new UserInputException("--fit, --pad and --cache-dir do not apply with --detect-eyes");
    }
    Path sheet = grid != null ? grid : freeName("eyes-" + folderName(eyes.out) + "-" + resolution + "px");
    EyeCropRun.run(data, eyes.out, sheet, eyes.options(resolution), eyes.force, line -> {
      w.println(line);
      w.flush();
    });
  }

  private SquareFit squareFit() {
    SquareFit f;
    try {
      f = SquareFit.parse(fit);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--fit: " + e.getMessage());
    }
    if (pad && f != SquareFit.CROP && f != SquareFit.PAD) {
      throw new UserInputException("--pad means --fit pad, which contradicts --fit " + f.id() + "; give only --fit");
    }
    return pad ? SquareFit.PAD : f;
  }

  /** Up to 64 images spread evenly over the set (the first 64 are often one photo session). */
  private static RgbImages spreadSample(RgbImages images) {
    int n = Math.min(GRID_IMAGES, images.count());
    byte[] out = new byte[n * images.imageBytes()];
    for (int k = 0; k < n; k++) {
      int i = (int) ((long) k * images.count() / n);
      System.arraycopy(images.pixels(), i * images.imageBytes(), out, k * images.imageBytes(), images.imageBytes());
    }
    return new RgbImages(n, images.height(), images.width(), out);
  }

  private String defaultGridName() {
    return "reals-" + folderName(data) + "-" + resolution + "px";
  }

  private static String folderName(Path folder) {
    Path name = folder.toAbsolutePath().normalize().getFileName();
    return name == null ? "data" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** {@code base.png}, or {@code base-2.png}, {@code base-3.png}, ... whichever does not exist yet. */
  private static Path freeName(String base) {
    Path candidate = Path.of(base + ".png");
    for (int i = 2; Files.exists(candidate); i++) {
      candidate = Path.of(base + "-" + i + ".png");
    }
    return candidate;
  }
}
