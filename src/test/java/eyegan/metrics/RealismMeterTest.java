package eyegan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eyegan.image.RgbImages;
import eyegan.synth.SyntheticEyes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The realism instruments on real images: the ruler's orderings (KID grows from the floor through a
 * 0.5 and a 1 px blur to pure noise, eye geometry from the floor through a 1 px blur to noise,
 * plausible eyes are common among reals and absent in noise, a white-balance shift is seen by the warmth distance and not by brightness), SWD's numbers
 * unchanged, the JSON, and the memorisation check on copies and on new images.
 */
class RealismMeterTest {
  private static RealismMeter meter;
  private static RealismCalibration ruler;

  @TempDir Path tmp;

  @BeforeAll
  static void measure() {
    // SWD with one batch of 128 directions instead of four: a quarter of its cost, and SWD is not
    // what this class tests.
    meter = RealismMeter.open(new SlicedWasserstein(SwdSettings.STANDARD.withDirections(1, 128)), eyegan.pretrained.EyeCrop.CLOSE_UP);
    // 2 x 60 built-in eyes at 64 px, the cpu preset's size.
    ruler = RealismCalibration.measure(meter, SyntheticEyes.render(120, 11, 64), 60, 3, null, line -> {});
  }

  @AfterAll
  static void close() {
    meter.close();
  }

  private static RealismEvaluation row(Degradation d) {
    return ruler.rows().get(d.ordinal()).evaluation();
  }

  @Test
  void kidGrowsFromTheFloorThroughBlurToNoise() {
    Degradation[] ladder = {Degradation.NONE, Degradation.BLUR_HALF_PIXEL, Degradation.BLUR_ONE_PIXEL, Degradation.NOISE};
    for (int i = 1; i < ladder.length; i++) {
      Measure lo = row(ladder[i - 1]).kid();
      Measure hi = row(ladder[i]).kid();
      // Beyond one combined standard error; the copies share their images, so the noise of the
      // difference is smaller still (on 2 x 500 eyes the 0.5 px blur is 13.5 +- 1.0 x 1e-3 against -0.1 +- 0.3).
      assertTrue(hi.value() > lo.value() + Math.hypot(lo.valueSe(), hi.valueSe()),
          "KID: " + ladder[i - 1] + " " + lo + " below " + ladder[i] + " " + hi);
    }
    RealismEvaluation floor = row(Degradation.NONE);
    assertEquals(floor.kid().value(), floor.kid().floor(), 0, "the unchanged copy is the floor itself");
  }

  /**
   * Eye geometry grows from the floor through a 1 px blur to noise. A 0.5 px blur it cannot see: the
   * iris model reads the eye from a window 1.8 images wide shrunk to 64 px, so half a pixel of blur
   * is a quarter pixel there, and the shapes it finds do not move beyond their noise (on 2 x 500
   * eyes: 0.072 +- 0.010 against a floor of 0.086 +- 0.011). That is asserted too, so that a change
   * making geometry react to sharpness (KID's job) shows up.
   */
  @Test
  void eyeGeometryGrowsFromTheFloorThroughAOnePixelBlurToNoise() {
    Measure floor = row(Degradation.NONE).eyeGeometry();
    Measure half = row(Degradation.BLUR_HALF_PIXEL).eyeGeometry();
    Measure one = row(Degradation.BLUR_ONE_PIXEL).eyeGeometry();
    Measure noise = row(Degradation.NOISE).eyeGeometry();
    assertTrue(one.value() > floor.value() && noise.value() > 10 * one.value(), floor + " < " + one + " < " + noise);
    assertTrue(Math.abs(half.value() - floor.value()) < 2 * Math.hypot(half.valueSe(), floor.valueSe()),
        "a 0.5 px blur stays within the floor's noise: " + half + " vs " + floor);
  }

  @Test
  void plausibleEyesAreCommonAmongRealsAndAbsentInNoise() {
    // A box from 60 reals is tight (each feature's 1st-99th percentile lies near its extremes), so
    // about 3 in 4 other reals fit all five features; from 500 reals about 9 in 10 do.
    assertTrue(row(Degradation.NONE).plausibleEyes().value() >= 0.6, "reals: " + row(Degradation.NONE).plausibleEyes());
    assertTrue(row(Degradation.NOISE).plausibleEyes().value() <= 0.1, "noise: " + row(Degradation.NOISE).plausibleEyes());
  }

  @Test
  void aWhiteBalanceShiftMovesWarmthAndNotBrightness() {
    RealismEvaluation floor = row(Degradation.NONE);
    RealismEvaluation warm = row(Degradation.WARMER);
    double warmth = warm.colour().get("warmth").value();
    assertTrue(warmth > floor.colour().get("warmth").value() + 8 && warmth < 12 + floor.colour().get("warmth").value() + 1,
        "every image 12 levels warmer: " + warmth + " against a floor of " + floor.colour().get("warmth").value());
    assertEquals(floor.colour().get("brightness").value(), warm.colour().get("brightness").value(), 6 * (0.299 - 0.114) + 1e-9,
        "red +6 and blue -6 move luma by 0.299 * 6 - 0.114 * 6 = 1.11 at most, and W1 by no more");
  }

  @Test
  void swdFieldsEqualSwdAloneAndTheJsonKeepsThem() throws Exception {
    RgbImages reals = SyntheticEyes.render(40, 21, 32);
    RgbImages fakes = SyntheticEyes.render(20, 22, 32);
    RealismEvaluation e = meter.evaluate(reals, fakes, 5);
    SwdEvaluation swdOnly = new SlicedWasserstein(SwdSettings.STANDARD.withDirections(1, 128)).evaluate(reals, fakes, 5);
    assertArrayEquals(swdOnly.fakes().perLevelX1e3(), e.swd().fakes().perLevelX1e3());
    assertArrayEquals(swdOnly.floor().perLevelX1e3(), e.swd().floor().perLevelX1e3());
    Path file = tmp.resolve("e.json");
    e.writeJson(file);
    SwdEvaluation back = SwdEvaluation.readJson(file);
    assertEquals(swdOnly.fakes(), back.fakes(), "SWD readers still read evaluate's JSON");
    JsonNode tree = new ObjectMapper().readTree(file.toFile());
    for (String field : List.of("kid", "kid_subsets", "eye_geometry", "eye_geometry_features", "plausible_eyes", "colour", "swd_average")) {
      assertTrue(tree.has(field), "JSON has " + field);
    }
    assertTrue(tree.get("kid").has("value_se") && tree.get("colour").has("warmth"));
  }

  @Test
  void memorisationSeesCopiesAndNotNewImages() {
    RgbImages training = SyntheticEyes.render(30, 31, 32);
    RgbImages heldOut = SyntheticEyes.render(20, 32, 32);
    RgbImages copies = ImageSelection.copy(training, ImageMeasurements.all(12));
    Memorisation.Check copied = Memorisation.check(meter, training, copies, heldOut);
    assertEquals(0, copied.summary().generatedMedian(), 1e-3, "a copy sits on its training image");
    assertTrue(copied.summary().ratio() < 0.05, copied.summary().toString());
    assertEquals(2 * Memorisation.PAIRS, copied.closestPairs().count());
    Memorisation.Check fresh = Memorisation.check(meter, training, SyntheticEyes.render(12, 33, 32), heldOut);
    assertTrue(fresh.summary().ratio() > 0.6 && fresh.summary().ratio() < 1.6,
        "new eyes are as far from the training set as held-out ones: " + fresh.summary());
  }
}
