package eyegan.image;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/** Writes PNG files so that a reader (a browser, TensorBoard, a user) never sees a half-written one. */
public final class PngFiles {
  private PngFiles() {}

  /** Writes {@code image} to a temporary file beside {@code target}, then renames it into place. */
  public static void write(RenderedImage image, Path target) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try {
        if (!ImageIO.write(image, "png", tmp.toFile())) {
          throw new IOException("no PNG writer available");
        }
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
    }
  }
}
