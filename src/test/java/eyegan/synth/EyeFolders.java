package eyegan.synth;

import eyegan.image.PngFiles;
import eyegan.image.RgbImages;
import java.nio.file.Path;

/** Folders of rendered eye PNGs, a small real data set for tests that train or load. */
public final class EyeFolders {
  private EyeFolders() {}

  /** Writes {@code count} eyes of {@code size} px rendered from {@code seed} into {@code dir}; returns it. */
  public static Path write(Path dir, int count, long seed, int size) {
    RgbImages eyes = SyntheticEyes.render(count, seed, size);
    for (int i = 0; i < eyes.count(); i++) {
      PngFiles.write(eyes.toBufferedImage(i), dir.resolve("eye" + i + ".png"));
    }
    return dir;
  }
}
