package eyegan.data;

import java.nio.file.Path;

/**
 * How {@link DatasetLoader} turns a folder into training images.
 *
 * @param resolution side of the square training images in pixels (the reference model uses 128)
 * @param fit centre crop (default), pad or stretch to square
 * @param cacheDir where decoded sets are cached; {@code null} means {@link CacheLocation#defaultDirectory()}
 * @param useCache read and write the cache; {@code false} always decodes and writes nothing
 * @param threads decoding threads; 0 means one per available core
 */
public record LoadOptions(int resolution, SquareFit fit, Path cacheDir, boolean useCache, int threads) {
  /** The reference model's training resolution. */
  public static final int DEFAULT_RESOLUTION = 128;
  /** Largest accepted resolution; far beyond what a DCGAN of this kind trains at. */
  public static final int MAX_RESOLUTION = 4096;
  /**
   * Background (0xRRGGBB) that transparent pixels are composited onto and that fills padding:
   * white, as image viewers and web pages show transparent photos.
   */
  public static final int BACKGROUND_RGB = 0xFFFFFF;

  public LoadOptions {
    if (resolution < 1 || resolution > MAX_RESOLUTION) {
      throw new IllegalArgumentException("resolution must be in 1.." + MAX_RESOLUTION + ", got " + resolution);
    }
    if (fit == null) {
      throw new IllegalArgumentException("fit must not be null");
    }
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0 (0 = one per core), got " + threads);
    }
  }

  /** Crop to square, default cache directory, cache on, all cores. */
  public static LoadOptions of(int resolution) {
    return new LoadOptions(resolution, SquareFit.CROP, null, true, 0);
  }

  public LoadOptions withFit(SquareFit newFit) {
    return new LoadOptions(resolution, newFit, cacheDir, useCache, threads);
  }

  public LoadOptions withCacheDir(Path dir) {
    return new LoadOptions(resolution, fit, dir, useCache, threads);
  }

  public LoadOptions withCache(boolean enabled) {
    return new LoadOptions(resolution, fit, cacheDir, enabled, threads);
  }

  public LoadOptions withThreads(int count) {
    return new LoadOptions(resolution, fit, cacheDir, useCache, count);
  }

  /** The cache directory in effect. */
  public Path effectiveCacheDir() {
    return cacheDir != null ? cacheDir : CacheLocation.defaultDirectory();
  }

  /** The thread count in effect. */
  public int effectiveThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }
}
