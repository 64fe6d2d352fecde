package eyegan.image;

import eyegan.io.AtomicFiles;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes PNG files so that a reader (a browser, TensorBoard, a user) never sees a half-written one. */
public final class PngFiles {
  private PngFiles() {}

  /** Writes {@code image} to a temporary file beside {@code target}, then renames it into place. */
  public static void write(RenderedImage image, Path target) {
    AtomicFiles.write(target, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer available");
      }
    });
  }
}
