package eyegan.eyecrop;

import eyegan.image.Resampler;
import eyegan.image.RgbImages;
import eyegan.pretrained.FaceDetector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns one upright photo into eye crops: BlazeFace finds the faces and both eye centres of each,
 * the iris network ({@link EyeLocator}) finds each eye's corners, lids and iris, and every eye that
 * is open, wide enough and whole inside the photo becomes one square crop: centred on the midpoint
 * of its corners, turned so that the corners lie level, {@code cropScale} x the eye's width on a
 * side, resampled to {@code resolution} pixels. Thread-safe when the networks are (TensorFlow
 * sessions accept concurrent runs).
 */
public final class EyeCropper {
  /**
   * First iris window / distance between the eye centres. An eye is about 0.45 of that distance
   * wide, and the iris network wants it to fill less than half its window (see {@link EyeLocator}).
   */
  static final double FIRST_WINDOW_PER_EYE_DISTANCE = 1.05;
  /**
   * Eye width / distance between the detector's eye centres that a real eye can have; the test
   * portraits measure 0.35-0.39. Outside this the iris network has latched onto something else.
   */
  static final double MIN_WIDTH_PER_DISTANCE = 0.2;
  static final double MAX_WIDTH_PER_DISTANCE = 0.7;
  /** Iris radius / eye width of a real eye: about 0.2 (0.22 on the test portraits). */
  static final double MIN_IRIS_PER_WIDTH = 0.1;
  static final double MAX_IRIS_PER_WIDTH = 0.35;
  /** How far (pixels) a crop may reach past the photo's edge and still count as inside (rounding). */
  static final double EDGE_SLACK = 0.5;

  /** The crops and skips of one photo. */
  public record Outcome(List<CroppedEye> crops, List<Skip> skips, int faces) {}

  private final FaceDetector faces;
  private final EyeLocator eyes;
  private final EyeCropOptions options;

  /**
   * @param faces the face detector; shared, not closed here
   * @param eyes the iris network's locator; shared
   * @param options thresholds, framing and resolution
   */
  public EyeCropper(FaceDetector faces, EyeLocator eyes, EyeCropOptions options) {
    this.faces = faces;
    this.eyes = eyes;
    this.options = options;
  }

  /** The crops of {@code photo} ([1, h, w, 3], upright), named after {@code source}. */
  public Outcome crop(RgbImages photo, String source) {
    List<FaceDetector.Face> found = new ArrayList<>(
        faces.detect(photo, 0, options.minScore(), FaceDetector.MAX_OVERLAP));
    List<Skip> skips = new ArrayList<>();
    if (found.isEmpty()) {
      skips.add(new Skip(SkipKind.NO_FACE, source,
          String.format(Locale.ROOT, "no face found (none scores --min-score %.2f)", options.minScore())));
      return new Outcome(List.of(), skips, 0);
    }
    // Left to right, so that face numbers read like the photo.
    found.sort(Comparator.comparingDouble(f -> (f.left() + f.right()) / 2));

    List<EyeLocator.Guess> guesses = new ArrayList<>();
    for (FaceDetector.Face f : found) {
      double rx = f.keypointX(FaceDetector.Face.RIGHT_EYE);
      double ry = f.keypointY(FaceDetector.Face.RIGHT_EYE);
      double lx = f.keypointX(FaceDetector.Face.LEFT_EYE);
      double ly = f.keypointY(FaceDetector.Face.LEFT_EYE);
      double distance = Math.max(1, Math.hypot(lx - rx, ly - ry));
      double tilt = Math.atan2(ly - ry, lx - rx);
      double side = FIRST_WINDOW_PER_EYE_DISTANCE * distance;
      guesses.add(new EyeLocator.Guess(rx, ry, side, tilt, false));
      guesses.add(new EyeLocator.Guess(lx, ly, side, tilt, true));
    }
    List<EyeFit> fits = eyes.locate(photo, guesses);

    List<CroppedEye> crops = new ArrayList<>();
    for (int k = 0; k < fits.size(); k++) {
      FaceDetector.Face face = found.get(k / 2);
      EyeLocator.Guess guess = guesses.get(k);
      EyeFit eye = fits.get(k);
      String what = source + " face " + k / 2 + " " + (guess.leftEye() ? "left" : "right") + " eye";
      double distance = guess.side() / FIRST_WINDOW_PER_EYE_DISTANCE;
      Skip skip = checkShape(what, eye, distance);
      if (skip != null) {
        skips.add(skip);
        continue;
      }
      // Only an eye of plausible, non-zero width gets a window: a degenerate one would have no side.
      EyeWindow window = new EyeWindow(eye.centerX(), eye.centerY(), options.cropScale() * eye.width(), eye.angle(), false);
      skip = checkPlace(what, eye, window, photo);
      if (skip != null) {
        skips.add(skip);
      } else {
        crops.add(new CroppedEye(source, k / 2, guess.leftEye(), face, eye, window, render(photo, window)));
      }
    }
    return new Outcome(crops, skips, found.size());
  }

  /** Is it an eye at all (NaN-safe: every comparison fails on NaN), and wide enough? */
  private Skip checkShape(String what, EyeFit eye, double eyeDistance) {
    double w = eye.width();
    double widthRatio = w / eyeDistance;
    double irisRatio = eye.irisRadius() / w;
    if (!(widthRatio >= MIN_WIDTH_PER_DISTANCE && widthRatio <= MAX_WIDTH_PER_DISTANCE)
        || !(irisRatio >= MIN_IRIS_PER_WIDTH && irisRatio <= MAX_IRIS_PER_WIDTH)) {
      return new Skip(SkipKind.NOT_AN_EYE, what, String.format(Locale.ROOT,
          "no eye where the face detector put one (width %.2f of the eye distance, iris radius %.2f of the width)",
          widthRatio, irisRatio));
    }
    if (w < options.minEyePx()) {
      return new Skip(SkipKind.TOO_SMALL, what, String.format(Locale.ROOT,
          "too small (%.0f px wide, --min-eye-px %.0f)", w, options.minEyePx()));
    }
    return null;
  }

  /** Is its crop inside the photo, and the eye open? */
  private Skip checkPlace(String what, EyeFit eye, EyeWindow window, RgbImages photo) {
    if (!window.inside(photo.width(), photo.height(), EDGE_SLACK)) {
      return new Skip(SkipKind.CUT_OFF, what, "cut off: its crop reaches past the photo's edge");
    }
    if (eye.opening() < options.minOpening()) {
      return new Skip(SkipKind.CLOSED, what, String.format(Locale.ROOT,
          "closed (opening %.2f of its width, --min-opening %.2f)", eye.opening(), options.minOpening()));
    }
    return null;
  }

  /**
   * The crop's pixels: the turned square is first read at the photo's own scale (bilinear, so the
   * turn blurs no more than half a pixel), then resized with eyegan's resampler (area averaging
   * when shrinking, bilinear when enlarging), as the training loader resizes photos.
   */
  private byte[] render(RgbImages photo, EyeWindow window) {
    int nativeSide = Math.max(1, (int) Math.round(window.side()));
    byte[] level = window.sampleBytes(photo, 0, nativeSide);
    return Resampler.resize(level, nativeSide, options.resolution());
  }
}
