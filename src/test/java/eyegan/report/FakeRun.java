package eyegan.report;

import eyegan.image.ImageGrid;
import eyegan.image.PngFiles;
import eyegan.image.RgbImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes what a training run leaves in its folder, with made-up content: grids that go from noise to a
 * smooth pattern, a stats.jsonl with plausible curves and SWD lines, options and a reals grid.
 */
public final class FakeRun {
  private FakeRun() {}

  /**
   * @param epochs grids fakes000001.png .. fakesNNNNNN.png after fakes_init.png
   * @param stepsPerEpoch training lines per epoch in stats.jsonl
   * @param tile side of each image in the 4x4 grids
   */
  public static void write(Path dir, int epochs, int stepsPerEpoch, int tile) {
    try {
      Files.createDirectories(dir);
      Random random = new Random(7);
      PngFiles.write(ImageGrid.compose(images(16, tile, 1.0, random), 4, 16), dir.resolve("reals.png"));
      PngFiles.write(ImageGrid.compose(images(16, tile, 0.0, random), 4, 16), dir.resolve("fakes_init.png"));
      for (int e = 1; e <= epochs; e++) {
        double quality = (double) e / epochs;
        PngFiles.write(ImageGrid.compose(images(16, tile, quality, random), 4, 16), dir.resolve(String.format(Locale.ROOT, "fakes%06d.png", e)));
      }
      StringBuilder stats = new StringBuilder();
      long step = 0;
      for (int e = 1; e <= epochs; e++) {
        for (int s = 0; s < stepsPerEpoch; s++) {
          step++;
          double t = (double) step / (epochs * stepsPerEpoch);
          stats.append(
              String.format(
                  Locale.ROOT,
                  "{\"step\":%d,\"epoch\":%d,\"d_loss\":%.4f,\"g_loss\":%.4f,\"d_real\":%.4f,\"d_fake\":%.4f,\"img_per_s\":%.1f,\"elapsed_s\":%.1f}%n",
                  step, e, 1.3 - 0.3 * t + 0.1 * random.nextGaussian(), 0.7 + 0.5 * t + 0.1 * random.nextGaussian(),
                  0.55 + 0.1 * t + 0.03 * random.nextGaussian(), 0.45 - 0.1 * t + 0.03 * random.nextGaussian(),
                  120 + 5 * random.nextGaussian(), step * 0.5));
        }
        if (e % 2 == 0 || e == epochs) {
          double swd = 80 * Math.exp(-3.0 * e / epochs) + 10;
          stats.append(
              String.format(
                  Locale.ROOT,
                  "{\"step\":%d,\"epoch\":%d,\"swd\":%.3f,\"swd_levels\":[%.3f,%.3f,%.3f,%.3f],\"swd_resolutions\":[128,64,32,16],\"swd_floor\":12.5}%n",
                  step, e, swd, swd * 0.6, swd * 0.9, swd * 1.1, swd * 1.4));
        }
      }
      Files.writeString(dir.resolve(StatsFile.FILE_NAME), stats, StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve(RunFolder.OPTIONS),
          "{\"preset\":\"cpu\",\"resolution\":64,\"batch_size\":64,\"epochs\":" + epochs
              + ",\"learning_rate\":1e-4,\"data\":\"data/synthetic-eyes\",\"swd\":{\"every_epochs\":2,\"images\":256}}\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Images blending noise (quality 0) into smooth colour ramps (quality 1). */
  private static RgbImages images(int n, int size, double quality, Random random) {
    byte[] px = new byte[n * size * size * 3];
    int p = 0;
    for (int i = 0; i < n; i++) {
      double hue = random.nextDouble();
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          double dx = (x - size / 2.0) / size;
          double dy = (y - size / 2.0) / size;
          double iris = Math.exp(-(dx * dx + dy * dy) * 18);
          double[] smooth = {200 - 150 * iris * hue, 180 - 120 * iris, 170 - 100 * iris * (1 - hue)};
          for (int c = 0; c < 3; c++) {
            double v = quality * smooth[c] + (1 - quality) * random.nextInt(256);
            px[p++] = (byte) Math.max(0, Math.min(255, Math.round(v)));
          }
        }
      }
    }
    return new RgbImages(n, size, size, px);
  }

  /** Writes a fake run to the folder given as the first argument: 30 epochs of 64 px grids. */
  public static void main(String[] args) {
    write(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 30, 20, 64);
  }
}
