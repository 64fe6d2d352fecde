package eyegan.synth;

import java.awt.Color;
import java.util.random.RandomGenerator;

/**
 * Everything that varies between synthetic eyes, drawn once per image. Lengths are in canvas units
 * (the image is 1 x 1); the eye is described as a right eye seen from the front (inner corner on
 * the viewer's right) and {@link #mirrored} turns it into a left eye.
 *
 * @param width eye opening, outer to inner corner
 * @param centreX centre of the opening
 * @param centreY centre of the opening
 * @param openUp upper lid height above the corner line
 * @param openDown lower lid depth below the corner line
 * @param outerLift how far the outer corner sits above the inner one (canthal tilt; may be negative)
 * @param upperPeak where the upper lid is highest, -1 outer .. 1 inner
 * @param creaseGap distance of the lid crease above the lid margin
 * @param creaseStrength darkness of the crease, 0..1
 * @param irisRadius iris radius
 * @param pupilFraction pupil radius as a fraction of the iris radius
 * @param gazeX iris offset from the opening's centre, horizontal
 * @param gazeY iris offset, vertical (positive = down)
 * @param skin base skin colour
 * @param skinDarkness 0 lightest .. 1 darkest skin tone
 * @param lidTint colour the upper lid skin is blended toward (shadowed, pinkish or darker)
 * @param hair brow and lash colour
 * @param iris iris colours
 * @param sclera white of the eye
 * @param browY height of the brow's lower edge at its arch
 * @param browThickness brow thickness
 * @param browArch how far the arch rises above the brow's ends
 * @param browDensity hairs per unit of brow, relative (0.6 .. 1.3)
 * @param lashLength longest upper lash
 * @param lashCount upper lashes
 * @param vessels visible blood vessels in the sclera
 * @param highlights corneal highlights, 1 or 2
 * @param highlightSize main highlight size as a fraction of the iris radius
 * @param lightAngle direction the light comes from (radians, 0 = from the right, counter-clockwise)
 * @param lightStrength side-to-side lighting contrast, 0..1
 * @param exposure overall brightness factor
 * @param warmth colour temperature shift, -1 cool .. 1 warm
 * @param rotation small head tilt (radians)
 * @param scale framing scale
 * @param shiftX framing shift
 * @param shiftY framing shift
 * @param mirrored draw a left eye (mirror image of the right-eye description)
 * @param grain sensor noise standard deviation in 8-bit levels
 * @param detailSeed seed for per-hair, per-fibre and per-vessel randomness
 */
record EyeParams(
    double width, double centreX, double centreY, double openUp, double openDown, double outerLift,
    double upperPeak, double creaseGap, double creaseStrength,
    double irisRadius, double pupilFraction, double gazeX, double gazeY,
    Color skin, double skinDarkness, Color lidTint, Color hair, Palettes.Iris iris, Color sclera,
    double browY, double browThickness, double browArch, double browDensity,
    double lashLength, int lashCount, int vessels,
    int highlights, double highlightSize, double lightAngle, double lightStrength, double exposure,
    double warmth, double rotation, double scale, double shiftX, double shiftY, boolean mirrored,
    double grain, long detailSeed) {

  static EyeParams sample(RandomGenerator rng) {
    double width = rng.nextDouble(0.62, 0.80);
    double centreX = 0.5 + rng.nextDouble(-0.02, 0.02);
    double centreY = rng.nextDouble(0.56, 0.62);
    double openUp = width * rng.nextDouble(0.17, 0.27);
    double openDown = width * rng.nextDouble(0.08, 0.13);
    double outerLift = width * rng.nextDouble(-0.05, 0.08);
    double upperPeak = rng.nextDouble(-0.05, 0.35);
    double creaseGap = width * rng.nextDouble(0.05, 0.16);
    double creaseStrength = rng.nextDouble(0.25, 0.9);

    double irisRadius = width * rng.nextDouble(0.185, 0.215);
    double pupilFraction = rng.nextDouble(0.25, 0.52);
    double gazeX = width * rng.nextDouble(-0.11, 0.11);
    double gazeY = width * rng.nextDouble(-0.04, 0.03);

    double darkness = rng.nextDouble();
    Color skin = Palettes.skin(darkness, rng);
    Color lidTint = switch (rng.nextInt(3)) {
      case 0 -> Palettes.scale(skin, 0.8); // shadowed lid
      case 1 -> Palettes.mix(skin, new Color(150, 80, 90), 0.35); // pinkish, thin skin
      default -> Palettes.mix(skin, new Color(90, 70, 80), 0.3); // darker, slightly purple
    };
    Color hair = Palettes.hair(darkness, rng);
    Palettes.Iris iris = Palettes.iris(darkness, rng);
    double white = rng.nextDouble(205, 238);
    Color sclera = Palettes.clamp(white + rng.nextDouble(0, 8), white - rng.nextDouble(0, 10), white - rng.nextDouble(2, 16));

    double browY = centreY - openUp - width * rng.nextDouble(0.26, 0.42);
    double browThickness = width * rng.nextDouble(0.10, 0.18);
    double browArch = width * rng.nextDouble(0.03, 0.11);
    double browDensity = rng.nextDouble(0.6, 1.3);

    double lashLength = width * rng.nextDouble(0.10, 0.19);
    int lashCount = rng.nextInt(40, 75);
    int vessels = rng.nextInt(2, 9);
    int highlights = rng.nextDouble() < 0.4 ? 2 : 1;
    double highlightSize = rng.nextDouble(0.14, 0.30);
    // Light mostly from above, left or right.
    double lightAngle = Math.PI / 2 + rng.nextDouble(-1.1, 1.1);
    double lightStrength = rng.nextDouble(0.1, 0.5);
    double exposure = rng.nextDouble(0.85, 1.1);
    double warmth = rng.nextDouble(-1, 1);

    double rotation = Math.toRadians(rng.nextDouble(-9, 9));
    double scale = rng.nextDouble(0.9, 1.12);
    double shiftX = rng.nextDouble(-0.035, 0.035);
    double shiftY = rng.nextDouble(-0.03, 0.03);
    boolean mirrored = rng.nextBoolean();
    double grain = rng.nextDouble(1.0, 4.0);
    return new EyeParams(width, centreX, centreY, openUp, openDown, outerLift, upperPeak, creaseGap,
        creaseStrength, irisRadius, pupilFraction, gazeX, gazeY, skin, darkness, lidTint, hair, iris, sclera,
        browY, browThickness, browArch, browDensity, lashLength, lashCount, vessels, highlights,
        highlightSize, lightAngle, lightStrength, exposure, warmth, rotation, scale, shiftX, shiftY,
        mirrored, grain, rng.nextLong());
  }
}
