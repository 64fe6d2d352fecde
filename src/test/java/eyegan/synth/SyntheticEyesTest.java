package eyegan.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.image.RgbImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticEyesTest {
  private static final int SIZE = 64;

  @TempDir Path dir;

  @Test
  void sameSeedGivesIdenticalImagesAndPngFiles() throws Exception {
    assertArrayEquals(SyntheticEyes.renderOne(3, 5, SIZE), SyntheticEyes.renderOne(3, 5, SIZE));
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    SyntheticEyes.writePngs(a, 4, 11L, SIZE, line -> {});
    SyntheticEyes.writePngs(b, 4, 11L, SIZE, line -> {});
    for (int i = 0; i < 4; i++) {
      String name = SyntheticEyes.fileName(i);
      assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
    }
  }

  @Test
  void differentSeedsAndIndicesGiveDifferentImages() {
    byte[] first = SyntheticEyes.renderOne(1, 0, SIZE);
    assertFalse(java.util.Arrays.equals(first, SyntheticEyes.renderOne(2, 0, SIZE)));
    assertFalse(java.util.Arrays.equals(first, SyntheticEyes.renderOne(1, 1, SIZE)));
  }

  @Test
  void parallelRenderMatchesOneByOne() {
    RgbImages all = SyntheticEyes.render(6, 9L, SIZE);
    assertEquals(6, all.count());
    for (int i = 0; i < 6; i++) {
      byte[] one = SyntheticEyes.renderOne(9L, i, SIZE);
      byte[] slice = java.util.Arrays.copyOfRange(all.pixels(), i * all.imageBytes(), (i + 1) * all.imageBytes());
      assertArrayEquals(one, slice, "image " + i);
    }
  }

  @Test
  void everyImageHasADarkPupilAndLightScleraNearTheMiddle() {
    // A coarse check that an eye is drawn where expected: the middle half of the image holds
    // near-black pixels (pupil) and much lighter, low-saturation ones (sclera or highlight).
    for (int i = 0; i < 8; i++) {
      byte[] rgb = SyntheticEyes.renderOne(21L, i, SIZE);
      int darkest = 255;
      int lightest = 0;
      for (int y = SIZE / 4; y < 3 * SIZE / 4; y++) {
        for (int x = SIZE / 4; x < 3 * SIZE / 4; x++) {
          int p = (y * SIZE + x) * 3;
          int r = rgb[p] & 0xFF;
          int g = rgb[p + 1] & 0xFF;
          int b = rgb[p + 2] & 0xFF;
          int lum = (r * 299 + g * 587 + b * 114) / 1000;
          darkest = Math.min(darkest, lum);
          if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) < 40) {
            lightest = Math.max(lightest, lum);
          }
        }
      }
      assertTrue(darkest < 45, "image " + i + ": no pupil-dark pixel, darkest " + darkest);
      assertTrue(lightest > 150, "image " + i + ": no sclera-light pixel, lightest " + lightest);
    }
  }

  @Test
  void parametersCoverTheIntendedVariety() {
    SplittableRandom rng = new SplittableRandom(5);
    int mirrored = 0;
    int twoHighlights = 0;
    int blueish = 0;
    int brownish = 0;
    double lightestSkin = 1;
    double darkestSkin = 0;
    double minPupil = 1;
    double maxPupil = 0;
    double minGaze = 1;
    double maxGaze = -1;
    int n = 400;
    for (int i = 0; i < n; i++) {
      EyeParams p = EyeParams.sample(rng);
      mirrored += p.mirrored() ? 1 : 0;
      twoHighlights += p.highlights() == 2 ? 1 : 0;
      java.awt.Color outer = p.iris().outer();
      blueish += outer.getBlue() > outer.getRed() + 30 ? 1 : 0;
      brownish += outer.getRed() > outer.getBlue() + 15 ? 1 : 0;
      lightestSkin = Math.min(lightestSkin, p.skinDarkness());
      darkestSkin = Math.max(darkestSkin, p.skinDarkness());
      minPupil = Math.min(minPupil, p.pupilFraction());
      maxPupil = Math.max(maxPupil, p.pupilFraction());
      minGaze = Math.min(minGaze, p.gazeX() / p.width());
      maxGaze = Math.max(maxGaze, p.gazeX() / p.width());
    }
    assertTrue(mirrored > n / 3 && mirrored < 2 * n / 3, "left/right balance: " + mirrored);
    assertTrue(twoHighlights > n / 5 && twoHighlights < 3 * n / 5, "two highlights: " + twoHighlights);
    assertTrue(blueish > n / 20, "blue/grey irises: " + blueish);
    assertTrue(brownish > n / 3, "brown irises: " + brownish);
    assertTrue(lightestSkin < 0.05 && darkestSkin > 0.95, "skin range " + lightestSkin + ".." + darkestSkin);
    assertTrue(minPupil < 0.3 && maxPupil > 0.45, "pupil range " + minPupil + ".." + maxPupil);
    assertTrue(minGaze < -0.08 && maxGaze > 0.08, "gaze range " + minGaze + ".." + maxGaze);
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> SyntheticEyes.render(0, 1, SIZE));
    assertThrows(IllegalArgumentException.class, () -> SyntheticEyes.renderOne(1, 0, SyntheticEyes.MIN_SIZE - 1));
  }
}
