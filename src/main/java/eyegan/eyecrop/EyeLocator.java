package eyegan.eyecrop;

import eyegan.image.RgbImages;
import eyegan.pretrained.EyeLandmarks;
import eyegan.pretrained.IrisLandmarks;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the corners, lids and iris of eyes in a photo with MediaPipe's iris network, starting from a
 * rough centre, size and tilt for each eye (BlazeFace's eye keypoints). Two passes, as MediaPipe's
 * own pipeline converges over video frames: the first window is placed from the rough guess, the
 * second is centred on the eye the first found, turned level with its corners and sized to
 * {@value #WINDOW_PER_WIDTH} x its width (the framing the network was trained on: the eye fills
 * less than half the window). All eyes of a call go through the network in batches.
 */
public final class EyeLocator {
  /** Window side / eye width for the second pass (MediaPipe's eye crops). */
  public static final double WINDOW_PER_WIDTH = 2.3;

  /**
   * A rough eye to refine.
   *
   * @param x centre, photo pixels
   * @param y centre, photo pixels
   * @param side first window's side, photo pixels
   * @param angle tilt of the face (the line between the eyes), radians
   * @param leftEye the person's left eye (on the viewer's right): mirrored for the network, which
   *     expects a right eye
   */
  public record Guess(double x, double y, double side, double angle, boolean leftEye) {}

  private final IrisLandmarks network;

  /** @param network the iris network; shared, not closed here */
  public EyeLocator(IrisLandmarks network) {
    this.network = network;
  }

  /** The eye near each guess, in the guesses' order. */
  public List<EyeFit> locate(RgbImages photo, List<Guess> guesses) {
    List<EyeWindow> first = new ArrayList<>();
    for (Guess g : guesses) {
      first.add(new EyeWindow(g.x(), g.y(), g.side(), g.angle(), g.leftEye()));
    }
    List<EyeFit> rough = run(photo, first);
    List<EyeWindow> second = new ArrayList<>();
    for (int k = 0; k < guesses.size(); k++) {
      EyeFit f = rough.get(k);
      double side = f.width() * WINDOW_PER_WIDTH;
      // A degenerate first answer (no width) keeps the first window rather than collapse it.
      second.add(side > 1 && Double.isFinite(side)
          ? new EyeWindow(f.centerX(), f.centerY(), side, f.angle(), guesses.get(k).leftEye())
          : first.get(k));
    }
    return run(photo, second);
  }

  /** Runs the network on every window and maps its points back into the photo. */
  List<EyeFit> run(RgbImages photo, List<EyeWindow> windows) {
    int size = IrisLandmarks.INPUT_SIZE;
    int per = size * size * RgbImages.CHANNELS;
    List<EyeFit> out = new ArrayList<>(windows.size());
    for (int first = 0; first < windows.size(); first += IrisLandmarks.BATCH) {
      int rows = Math.min(IrisLandmarks.BATCH, windows.size() - first);
      float[] batch = new float[rows * per];
      for (int r = 0; r < rows; r++) {
        windows.get(first + r).sampleUnit(photo, 0, size, batch, r * per);
      }
      float[] points = network.run(batch, rows);
      int stride = EyeLandmarks.POINTS * 3;
      for (int r = 0; r < rows; r++) {
        EyeWindow w = windows.get(first + r);
        float[] xy = new float[EyeLandmarks.POINTS * 2];
        for (int p = 0; p < EyeLandmarks.POINTS; p++) {
          double u = points[r * stride + 3 * p];
          double v = points[r * stride + 3 * p + 1];
          xy[2 * p] = (float) w.photoX(u, v, size);
          xy[2 * p + 1] = (float) w.photoY(u, v, size);
        }
        out.add(EyeFit.of(xy));
      }
    }
    return out;
  }
}
