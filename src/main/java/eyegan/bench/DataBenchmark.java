package eyegan.bench;

import eyegan.data.DatasetLoader;
import eyegan.data.LoadOptions;
import eyegan.data.LoadResult;
import eyegan.image.RgbImages;
import eyegan.io.FileTrees;
import eyegan.synth.SyntheticEyes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Measures the data pipeline on photo-like input: renders {@code count} synthetic eyes as
 * {@code size}-pixel JPEG files (what a folder of web photos looks like), then times decoding and
 * resizing them to the training resolution on all cores, and loading the same set from the cache.
 */
public final class DataBenchmark {
  /** @param filesPerSecond decode + crop + resize throughput; @param cachedLoadSeconds second load */
  public record Result(int files, int photoSize, int resolution, double filesPerSecond, double cachedLoadSeconds) {}

  private static final float JPEG_QUALITY = 0.9f;

  private DataBenchmark() {}

  public static Result run(int count, int photoSize, int resolution) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("eyegan-bench-data");
      Path photos = Files.createDirectories(dir.resolve("photos"));
      RgbImages images = SyntheticEyes.render(count, 99, photoSize);
      for (int i = 0; i < count; i++) {
        writeJpeg(images, i, photos.resolve(String.format("photo%04d.jpg", i)));
      }
      LoadOptions options = LoadOptions.of(resolution).withCacheDir(dir.resolve("cache"));
      LoadResult cold = DatasetLoader.load(photos, options.withCache(false), line -> {});
      DatasetLoader.load(photos, options, line -> {}); // decodes once more and writes the cache
      LoadResult warm = DatasetLoader.load(photos, options, line -> {});
      if (!warm.fromCache()) {
        throw new IllegalStateException("the cache was not used on the second load");
      }
      double coldSeconds = cold.elapsed().toNanos() / 1e9;
      return new Result(count, photoSize, resolution, cold.loaded() / coldSeconds, warm.elapsed().toNanos() / 1e9);
    } catch (IOException e) {
      throw new UncheckedIOException("data benchmark: " + e.getMessage(), e);
    } finally {
      if (dir != null) {
        FileTrees.deleteQuietly(dir);
      }
    }
  }

  private static void writeJpeg(RgbImages images, int i, Path file) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(JPEG_QUALITY);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(images.toBufferedImage(i), null, null), param);
    } finally {
      writer.dispose();
    }
  }

}
