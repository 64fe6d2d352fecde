package eyegan.bench;

import eyegan.config.Preset;
import eyegan.export.GeneratorExporter;
import eyegan.inference.EyeGenerator;
import eyegan.io.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Measures generator inference the way a user meets it: export a SavedModel (freshly initialised
 * weights: speed does not depend on training), load it with {@link EyeGenerator}, and time
 * generation at several batch sizes on whatever device TensorFlow picks.
 *
 * <p>Reported: SavedModel load time (median of {@value #LOADS} loads, TensorFlow's runtime already
 * initialised by the export), the first call after loading (includes TensorFlow's one-off graph
 * optimisation), and for each batch size the sustained images per second of the noise signature,
 * plus images per second of the seed -> PNG signature at the largest batch.
 *
 * <p>Run: {@code java -cp target/eyegan.jar eyegan.bench.InferenceBenchmark [preset] [seconds]}
 * (defaults {@code article}, 10 s per batch size).
 */
public final class InferenceBenchmark {
  /** Batch sizes measured by default: one image (latency) and one full batch (throughput). */
  public static final int[] DEFAULT_BATCHES = {1, 64};
  public static final double DEFAULT_SECONDS = 10;
  private static final int LOADS = 3;
  private static final long NOISE_SEED = 1;

  /** Everything one measurement found. */
  public record Result(String preset, int resolution, double loadSeconds, double firstCallMillis,
      List<Throughput> noiseToImages, Throughput seedsToPng) {
    /** Human-readable lines. */
    public List<String> lines() {
      List<String> out = new ArrayList<>();
      out.add(String.format(Locale.ROOT, "generator inference, preset %s (%dx%d), %d CPU cores visible",
          preset, resolution, resolution, Runtime.getRuntime().availableProcessors()));
      out.add(String.format(Locale.ROOT, "  SavedModel load: %.3f s (median of %d)", loadSeconds, LOADS));
      out.add(String.format(Locale.ROOT, "  first call after load: %.1f ms", firstCallMillis));
      for (Throughput t : noiseToImages) {
        out.add(String.format(Locale.ROOT, "  noise -> images, batch %3d: %8.1f images/s  (%.1f ms per batch, %d runs)",
            t.batch(), t.imagesPerSecond(), t.millisPerBatch(), t.runs()));
      }
      out.add(String.format(Locale.ROOT, "  seeds -> PNG,    batch %3d: %8.1f images/s  (%.1f ms per batch, %d runs)",
          seedsToPng.batch(), seedsToPng.imagesPerSecond(), seedsToPng.millisPerBatch(), seedsToPng.runs()));
      return out;
    }
  }

  private InferenceBenchmark() {}

  /**
   * Exports an untrained generator of {@code preset} into a temporary folder under {@code workDir}
   * (deleted afterwards) and measures it.
   *
   * @param secondsPerBatch how long to keep generating at each batch size
   * @param progress receives a line before each phase
   */
  public static Result measure(Preset preset, int[] batches, double secondsPerBatch, Path workDir, Consumer<String> progress) {
    if (batches.length == 0 || Arrays.stream(batches).anyMatch(b -> b < 1 || b > EyeGenerator.MAX_BATCH)) {
      throw new IllegalArgumentException("batch sizes must be 1.." + EyeGenerator.MAX_BATCH + ", got " + Arrays.toString(batches));
    }
    Path dir;
    try {
      Files.createDirectories(workDir);
      dir = Files.createTempDirectory(workDir, "eyegan-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a benchmark folder in " + workDir, e);
    }
    try {
      progress.accept("exporting an untrained " + preset.id() + " generator");
      Path model = new GeneratorExporter(progress).exportInitial(preset.model(), NOISE_SEED, preset.id(), dir.resolve("model")).versionDir();
      double[] loads = new double[LOADS];
      for (int i = 0; i < LOADS; i++) {
        long t0 = System.nanoTime();
        try (EyeGenerator g = EyeGenerator.load(model)) {
          loads[i] = (System.nanoTime() - t0) / 1e9;
        }
      }
      Arrays.sort(loads);
      try (EyeGenerator g = EyeGenerator.load(model)) {
        float[][] one = noise(1, g.noiseDim());
        long t0 = System.nanoTime();
        g.generateFloats(one);
        double first = (System.nanoTime() - t0) / 1e6;
        List<Throughput> noiseToImages = new ArrayList<>();
        int largest = 0;
        for (int b : batches) {
          progress.accept("batch " + b + ": " + secondsPerBatch + " s");
          float[][] z = noise(b, g.noiseDim());
          noiseToImages.add(Throughput.measure(() -> g.generateFloats(z), b, secondsPerBatch));
          largest = Math.max(largest, b);
        }
        int pngBatch = largest;
        progress.accept("seeds -> PNG, batch " + pngBatch);
        Throughput png = Throughput.measure(() -> g.generatePng(pngBatch, 0), pngBatch, secondsPerBatch);
        return new Result(preset.id(), g.resolution(), loads[LOADS / 2], first, noiseToImages, png);
      }
    } finally {
      FileTrees.deleteQuietly(dir);
    }
  }

  private static float[][] noise(int n, int d) {
    SplittableRandom random = new SplittableRandom(NOISE_SEED);
    float[][] z = new float[n][d];
    for (float[] row : z) {
      for (int k = 0; k < d; k++) {
        row[k] = (float) random.nextGaussian();
      }
    }
    return z;
  }


  /** {@code [preset] [seconds per batch size]}; prints the result lines. */
  public static void main(String[] args) {
    eyegan.runtime.NativeLogging.configure(false);
    Preset preset = args.length > 0 ? Preset.parse(args[0]) : Preset.ARTICLE;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : DEFAULT_SECONDS;
    Result r = measure(preset, DEFAULT_BATCHES, seconds, Path.of(System.getProperty("java.io.tmpdir")),
        line -> System.out.println("... " + line));
    r.lines().forEach(System.out::println);
  }
}
