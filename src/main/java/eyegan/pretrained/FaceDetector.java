package eyegan.pretrained;

import eyegan.image.RgbImages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MediaPipe BlazeFace ({@link PretrainedNetwork#BLAZEFACE}): finds faces in photos, each with a box
 * and six keypoints, among them both eye centres. The image is padded to a square with black
 * (centred, as {@code @vladmandic/human}'s square mode does), resized bilinearly to 256 x 256 and
 * mapped to [-1, 1]; the network scores 896 anchors (a 16 x 16 grid of 16 px cells with 2 anchors
 * each, then an 8 x 8 grid of 32 px cells with 6); each anchor's regressor holds the box centre as
 * an offset from the anchor centre, the box size, and the keypoints as offsets from the anchor
 * centre, all in pixels of the 256 px input. Boxes scoring at least {@code minScore} (sigmoid of the
 * logit) are kept, greedily in score order, unless they overlap a kept one by more than {@code
 * maxOverlap} (intersection over union). Holds a TensorFlow session: close it.
 */
public final class FaceDetector implements AutoCloseable {
  /** Side of the network's input. */
  public static final int INPUT_SIZE = 256;
  /** Input node: float32 [1, 256, 256, 3] in [-1, 1] (the graph's batch is fixed at 1). */
  public static final String INPUT = "input";
  /** Logits of the 512 anchors of the 16 px grid, then of the 384 of the 32 px grid. */
  static final String[] LOGITS = {"Identity", "Identity_1"};
  /** Regressors (16 per anchor) of the same anchors. */
  static final String[] REGRESSORS = {"Identity_2", "Identity_3"};
  /** Anchors in all. */
  public static final int ANCHORS = 896;
  /** Keypoints per face. */
  public static final int KEYPOINTS = 6;
  /** Default score threshold. */
  public static final double MIN_SCORE = 0.5;
  /** Default overlap above which the weaker of two boxes is dropped. */
  public static final double MAX_OVERLAP = 0.3;

  /**
   * One face, in pixels of the source image (x right, y down from the top-left corner).
   *
   * @param score sigmoid of the network's logit, 0..1
   * @param left box
   * @param top box
   * @param right box
   * @param bottom box
   * @param keypoints 6 x (x, y): the subject's right eye (on the viewer's left), left eye, nose tip,
   *     mouth centre, right ear, left ear
   */
  public record Face(double score, double left, double top, double right, double bottom, double[] keypoints) {
    public static final int RIGHT_EYE = 0;
    public static final int LEFT_EYE = 1;

    public double keypointX(int k) {
      return keypoints[2 * k];
    }

    public double keypointY(int k) {
      return keypoints[2 * k + 1];
    }

    double area() {
      return Math.max(0, right - left) * Math.max(0, bottom - top);
    }
  }

  private static final double[][] ANCHOR_CENTRES = anchors();

  private final NetworkSession session;

  private FaceDetector(NetworkSession session) {
    this.session = session;
  }

  /** Loads the network from the jar. */
  public static FaceDetector open() {
    return new FaceDetector(NetworkSession.open(PretrainedNetwork.BLAZEFACE));
  }

  /** Faces in image {@code i} with the default thresholds, best first. */
  public List<Face> detect(RgbImages images, int i) {
    return detect(images, i, MIN_SCORE, MAX_OVERLAP);
  }

  /** Faces in image {@code i}, best first. */
  public List<Face> detect(RgbImages images, int i, double minScore, double maxOverlap) {
    int side = Math.max(images.width(), images.height());
    int padX = (side - images.width()) / 2;
    int padY = (side - images.height()) / 2;
    float[] input = squareInput(images, i, side, padX, padY);
    List<NetworkSession.Output> out = session.run(INPUT, new long[] {1, INPUT_SIZE, INPUT_SIZE, 3}, input,
        LOGITS[0], LOGITS[1], REGRESSORS[0], REGRESSORS[1]);
    float[] logits = concat(out.get(0).values(), out.get(1).values());
    float[] regressors = concat(out.get(2).values(), out.get(3).values());
    double scale = side / (double) INPUT_SIZE;
    return decode(logits, regressors, minScore, maxOverlap, scale, -padX, -padY);
  }

  /**
   * Decodes raw outputs: {@code logits} [896], {@code regressors} [896 x 16], into faces scoring at
   * least {@code minScore}, non-maximum suppressed at {@code maxOverlap}, each coordinate mapped
   * from input pixels to {@code u * scale + shift}.
   */
  static List<Face> decode(float[] logits, float[] regressors, double minScore, double maxOverlap,
      double scale, double shiftX, double shiftY) {
    List<Face> candidates = new ArrayList<>();
    for (int a = 0; a < ANCHORS; a++) {
      double score = 1 / (1 + Math.exp(-logits[a]));
      if (score < minScore) {
        continue;
      }
      int r = a * 16;
      double ax = ANCHOR_CENTRES[a][0];
      double ay = ANCHOR_CENTRES[a][1];
      double cx = ax + regressors[r];
      double cy = ay + regressors[r + 1];
      double w = regressors[r + 2];
      double h = regressors[r + 3];
      double[] kp = new double[2 * KEYPOINTS];
      for (int k = 0; k < KEYPOINTS; k++) {
        kp[2 * k] = (ax + regressors[r + 4 + 2 * k]) * scale + shiftX;
        kp[2 * k + 1] = (ay + regressors[r + 5 + 2 * k]) * scale + shiftY;
      }
      candidates.add(new Face(score,
          (cx - w / 2) * scale + shiftX, (cy - h / 2) * scale + shiftY,
          (cx + w / 2) * scale + shiftX, (cy + h / 2) * scale + shiftY, kp));
    }
    candidates.sort(Comparator.comparingDouble(Face::score).reversed());
    List<Face> kept = new ArrayList<>();
    for (Face f : candidates) {
      if (kept.stream().noneMatch(k -> overlap(k, f) > maxOverlap)) {
        kept.add(f);
      }
    }
    return kept;
  }

  /** Intersection over union of two boxes. */
  static double overlap(Face a, Face b) {
    double w = Math.min(a.right(), b.right()) - Math.max(a.left(), b.left());
    double h = Math.min(a.bottom(), b.bottom()) - Math.max(a.top(), b.top());
    if (w <= 0 || h <= 0) {
      return 0;
    }
    double inter = w * h;
    return inter / (a.area() + b.area() - inter);
  }

  /** Anchor centres in input pixels, in the network's output order. */
  static double[][] anchors() {
    double[][] out = new double[ANCHORS][];
    int a = 0;
    int[][] grids = {{16, 2}, {32, 6}}; // stride, anchors per cell
    for (int[] g : grids) {
      int cells = INPUT_SIZE / g[0];
      for (int y = 0; y < cells; y++) {
        for (int x = 0; x < cells; x++) {
          for (int k = 0; k < g[1]; k++) {
            out[a++] = new double[] {(x + 0.5) * g[0], (y + 0.5) * g[0]};
          }
        }
      }
    }
    return out;
  }

  /**
   * The image centred in a black square of {@code side} px, resized to 256 x 256 as TF.js's {@code
   * resizeBilinear} does by default (source coordinate {@code dst * side / 256}, no half-pixel
   * offset), mapped to [-1, 1].
   */
  private static float[] squareInput(RgbImages images, int i, int side, int padX, int padY) {
    float[] out = new float[INPUT_SIZE * INPUT_SIZE * 3];
    double step = side / (double) INPUT_SIZE;
    int o = 0;
    for (int y = 0; y < INPUT_SIZE; y++) {
      double sy = y * step;
      int y0 = (int) Math.floor(sy);
      double fy = sy - y0;
      int y1 = Math.min(y0 + 1, side - 1);
      for (int x = 0; x < INPUT_SIZE; x++) {
        double sx = x * step;
        int x0 = (int) Math.floor(sx);
        double fx = sx - x0;
        int x1 = Math.min(x0 + 1, side - 1);
        for (int c = 0; c < 3; c++) {
          double top = padded(images, i, y0, x0, c, padX, padY) * (1 - fx) + padded(images, i, y0, x1, c, padX, padY) * fx;
          double bottom = padded(images, i, y1, x0, c, padX, padY) * (1 - fx) + padded(images, i, y1, x1, c, padX, padY) * fx;
          out[o++] = (float) ((top * (1 - fy) + bottom * fy) / 127.5 - 1);
        }
      }
    }
    return out;
  }

  private static int padded(RgbImages images, int i, int y, int x, int c, int padX, int padY) {
    int iy = y - padY;
    int ix = x - padX;
    if (iy < 0 || ix < 0 || iy >= images.height() || ix >= images.width()) {
      return 0;
    }
    return images.get(i, iy, ix, c);
  }

  private static float[] concat(float[] a, float[] b) {
    float[] out = new float[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Override
  public void close() {
    session.close();
  }
}
