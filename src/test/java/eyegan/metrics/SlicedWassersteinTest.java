package eyegan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.image.RgbImages;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behaviour of the distance on procedural textures (32 px: levels 32 and 16). The sets are small, so
 * values are noisy (two samples of the same process are about 60 apart, a blurred or colour-cast set
 * 270 to 350); the assertions compare with a factor of 2, not digits.
 */
class SlicedWassersteinTest {
  private static final int SIZE = 32;
  private static final long SEED = 2018;
  private static final SlicedWasserstein SWD = new SlicedWasserstein(SwdSettings.STANDARD);
  /** For properties that hold for any direction count: 64 directions instead of 512 keep the tests quick. */
  private static final SlicedWasserstein LIGHT = new SlicedWasserstein(SwdSettings.STANDARD.withDirections(2, 32));

  private static RgbImages reals;
  private static RgbImages sameProcess;
  /** SWD (full settings) of the reals to another sample of their process, and to a blurred one. */
  private static SwdResult same;
  private static SwdResult blurred;

  @BeforeAll
  static void images() {
    reals = TextureImages.generate(64, SIZE, 1);
    sameProcess = TextureImages.generate(64, SIZE, 2);
    same = SWD.compute(reals, sameProcess, SEED);
    blurred = SWD.compute(reals, TextureImages.blurred(sameProcess), SEED);
  }

  @Test
  void aSetAgainstItselfIsExactlyZero() {
    SwdResult r = LIGHT.compute(reals, reals, SEED);
    assertArrayEquals(new int[] {32, 16}, r.levelResolutions());
    assertArrayEquals(new double[] {0, 0}, r.perLevelX1e3(), 0.0);
    assertEquals(0.0, r.average(), 0.0);
  }

  @Test
  void differentDistributionsAreFartherThanAnotherSampleOfTheSame() {
    double shifted = SWD.compute(reals, TextureImages.shifted(sameProcess, 0, 20), SEED).average();
    assertTrue(same.average() > 0, "two samples are never identical");
    assertTrue(blurred.average() > 2 * same.average(), "blurred " + blurred + " vs same process " + same);
    assertTrue(shifted > 2 * same.average(), "colour-shifted " + shifted + " vs same process " + same);
  }

  @Test
  void blurShowsMostInTheFinestLevel() {
    double[] b = blurred.perLevelX1e3();
    double[] s = same.perLevelX1e3();
    assertTrue(b[0] - s[0] > b[1] - s[1], "detail lost at 32 px should count more than at 16 px: " + blurred);
  }

  @Test
  void perSetNormalisationCannotSeeAUniformColourCastButPooledCan() {
    SlicedWasserstein perSet = new SlicedWasserstein(SwdSettings.STANDARD.withNormalization(SwdSettings.Normalization.PER_SET));
    RgbImages cast = TextureImages.shifted(sameProcess, 0, 20);
    double perSetSame = perSet.compute(reals, sameProcess, SEED).average();
    assertEquals(same.average(), perSetSame, 0.5 * same.average(), "without a cast both agree roughly");
    double perSetCast = perSet.compute(reals, cast, SEED).average();
    // The shift never clips here, so per-set standardisation removes it; what remains is the noise of
    // other patch positions (they follow the image content, which the shift changed).
    assertEquals(perSetSame, perSetCast, 0.1 * perSetSame);
    assertTrue(SWD.compute(reals, cast, SEED).average() > 2 * perSetSame);
  }

  @Test
  void imageOrderDoesNotMatter() {
    SwdResult forward = LIGHT.compute(reals, sameProcess, SEED);
    SwdResult reversed = LIGHT.compute(TextureImages.reversed(reals), TextureImages.reversed(sameProcess), SEED);
    assertEquals(forward, reversed);
  }

  @Test
  void sameSeedSameResultOtherSeedSimilarResult() {
    SwdResult a = LIGHT.compute(reals, sameProcess, SEED);
    assertEquals(a, LIGHT.compute(reals, sameProcess, SEED));
    SwdResult b = LIGHT.compute(reals, sameProcess, SEED + 1);
    assertNotEquals(a, b);
    assertEquals(a.average(), b.average(), 0.5 * a.average(), "another draw of patches and directions");
  }

  @Test
  void referenceComparisonEqualsDirectComputation() {
    SwdReference ref = LIGHT.reference(reals, SEED);
    RgbImages blurred = TextureImages.blurred(sameProcess);
    assertEquals(LIGHT.compute(reals, sameProcess, SEED), ref.compare(sameProcess));
    assertEquals(LIGHT.compute(reals, blurred, SEED), ref.compare(blurred));
  }

  @Test
  void setsMayDifferInCountAndTheDistanceIsSymmetric() {
    RgbImages fewer = TextureImages.generate(40, SIZE, 7);
    SwdResult ab = LIGHT.compute(reals, fewer, SEED);
    SwdResult ba = LIGHT.compute(fewer, reals, SEED);
    assertArrayEquals(ab.perLevelX1e3(), ba.perLevelX1e3(), 1e-9);
    assertTrue(ab.average() > 0);
  }

  @Test
  void imageCapPicksARandomSubsetOfEachSet() {
    SlicedWasserstein capped = new SlicedWasserstein(LIGHT.settings().withImagesPerSet(16));
    SwdReference ref = capped.reference(reals, SEED);
    assertEquals(16, ref.imageCount());
    assertEquals(capped.compute(reals, sameProcess, SEED), ref.compare(sameProcess));
  }

  @Test
  void floorComparesTwoDisjointHalvesOfTheReals() {
    SwdResult floor = SWD.floor(reals, SEED);
    assertTrue(floor.average() > 0, "disjoint halves differ");
    assertTrue(blurred.average() > 2 * floor.average(), "blurred " + blurred + " vs floor " + floor);
    assertThrows(IllegalArgumentException.class, () -> SWD.floor(TextureImages.generate(1, SIZE, 1), SEED));
  }

  @Test
  void evaluationPrintsTheFloorBesideEachLevelAndRoundTripsAsJson(@TempDir Path dir) {
    SwdEvaluation e = LIGHT.evaluate(reals, TextureImages.blurred(sameProcess), SEED);
    assertEquals(32, e.realImages(), "one half of the reals");
    assertEquals(32, e.fakeImages(), "as many generated as the other half");
    String table = e.table();
    assertTrue(table.contains("real floor"), table);
    assertTrue(table.lines().anyMatch(l -> l.startsWith("32px")), table);
    assertTrue(table.lines().anyMatch(l -> l.startsWith("16px")), table);
    assertTrue(table.lines().anyMatch(l -> l.startsWith("average")), table);
    Path json = dir.resolve("swd.json");
    e.writeJson(json);
    assertEquals(e, SwdEvaluation.readJson(json));
    assertEquals(e.fakes(), SwdResult.fromJson(e.fakes().toJson()));
    assertTrue(e.fakes().toJson().contains("\"swd_x1e3\""), e.fakes().toJson());
  }

  @Test
  void anotherSampleOfTheRealProcessSitsAtTheFloor() {
    // evaluate compares both at one sample size, so the ratio is about 1 for a perfect generator and
    // far above it for a blurry one.
    RgbImages manyReals = TextureImages.generate(128, SIZE, 11);
    SwdEvaluation good = SWD.evaluate(manyReals, sameProcess, SEED);
    double ratio = good.fakes().average() / good.floor().average();
    assertTrue(ratio > 0.6 && ratio < 1.6, "ratio " + ratio + "\n" + good.table());
    SwdEvaluation blurry = SWD.evaluate(manyReals, TextureImages.blurred(sameProcess), SEED);
    assertEquals(good.floor(), blurry.floor(), "the floor depends on the reals only");
    assertTrue(blurry.fakes().average() > 2 * blurry.floor().average(), blurry.table());
  }

  @Test
  void mismatchedOrUnusableImagesAreRejectedWithTheSizes() {
    RgbImages big = TextureImages.generate(2, 64, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LIGHT.compute(reals, big, SEED));
    assertTrue(e.getMessage().contains("32x32") && e.getMessage().contains("64x64"), e.getMessage());
    RgbImages tiny = new RgbImages(2, 8, 8, new byte[2 * 8 * 8 * 3]);
    assertThrows(IllegalArgumentException.class, () -> LIGHT.compute(tiny, tiny, SEED));
    assertThrows(IllegalArgumentException.class, () -> LIGHT.compute(new RgbImages(0, 32, 32, new byte[0]), reals, SEED));
  }

  @Test
  void constantImagesDoNotDivideByZero() {
    RgbImages grey = new RgbImages(4, 32, 32, filled(4 * 32 * 32 * 3, (byte) 128));
    assertEquals(0.0, LIGHT.compute(grey, grey, SEED).average(), 0.0);
    assertTrue(Double.isFinite(LIGHT.compute(grey, reals, SEED).average()));
  }

  private static byte[] filled(int n, byte value) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, value);
    return b;
  }
}
