package eyegan.data;

import eyegan.image.RgbImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A loaded dataset.
 *
 * @param images the training images, shape [loaded, resolution, resolution, 3], RGB 0..255, in the
 *     order of {@link #files()} (relative paths sorted)
 * @param loaded number of images (= {@code images.count()})
 * @param skipped files left out, with reasons, sorted by path
 * @param fromCache whether the images came from the cache rather than decoding
 * @param elapsed wall time of the load
 * @param files relative path of each image, {@code /}-separated
 * @param cacheFile the cache file read or written; {@code null} when caching is off or failed
 */
public record LoadResult(
    RgbImages images,
    int loaded,
    List<Skipped> skipped,
    boolean fromCache,
    Duration elapsed,
    List<String> files,
    Path cacheFile) {}
