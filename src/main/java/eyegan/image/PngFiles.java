package eyegan.image;

import eyegan.io.AtomicFiles;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Writes PNG files so that a reader (a browser, TensorBoard, a user) never sees a half-written one. */
public final class PngFiles {
  private PngFiles() {}

  /**
   * Writes {@code image} to a temporary file beside {@code target}, then renames it into place.
   *
   * <p>The PNG is encoded through a memory cache. ImageIO's default file cache registers its
   * streams with a JVM shutdown hook that closes them; on Ctrl-C that hook closed the stream of a
   * grid being written at an epoch's end, and the training run failed instead of checkpointing.
   */
  public static void write(RenderedImage image, Path target) {
    AtomicFiles.write(target, out -> {
      try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
        if (!ImageIO.write(image, "png", stream)) {
          throw new IOException("no PNG writer available");
        }
      }
    });
  }
}
