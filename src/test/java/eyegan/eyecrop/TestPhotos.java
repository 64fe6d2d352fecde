package eyegan.eyecrop;

import eyegan.data.PhotoReader;
import eyegan.image.RgbImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped test photos (see {@code photos/PROVENANCE.md} among the test resources). */
final class TestPhotos {
  /** Eileen Collins, 512 x 512, one frontal face, eyes about 17 px wide. */
  static final String ASTRONAUT = "astronaut.jpg";
  /** Grace Hopper, 512 x 600, one frontal face with glasses, eyes about 28 px wide. */
  static final String HOPPER = "grace_hopper.jpg";
  /** A cup of coffee from above, 300 x 200, no face. */
  static final String COFFEE = "coffee.jpg";

  private TestPhotos() {}

  static byte[] bytes(String name) {
    try (InputStream in = TestPhotos.class.getResourceAsStream("/eyegan/eyecrop/photos/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test photo " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The photo decoded upright, [1, h, w, 3]. */
  static RgbImages decoded(String name) throws Exception {
    return new PhotoReader().decode(bytes(name));
  }

  /** Copies the photo into {@code dir} under its own name. */
  static Path copy(String name, Path dir) throws IOException {
    Files.createDirectories(dir);
    return Files.write(dir.resolve(name), bytes(name));
  }
}
