package eyegan.pretrained;

import eyegan.image.RgbImages;
import java.util.List;

/**
 * MediaPipe's iris landmark network ({@link PretrainedNetwork#IRIS}) run on eye close-ups: each
 * image's {@link EyeCrop} window is resampled to 64 x 64, RGB in [0, 1] (what {@code
 * @vladmandic/human} feeds it), optionally mirrored, and the 76 points found are mapped back into
 * the image ({@link EyeLandmarks}). Batches of {@value #BATCH}; about 4 ms an image on 2 cores.
 * Holds a TensorFlow session: close it.
 */
public final class IrisLandmarks implements AutoCloseable {
  /** Side of the network's input. */
  public static final int INPUT_SIZE = 64;
  /** Input node: float32 [n, 64, 64, 3] in [0, 1]. */
  public static final String INPUT = "input_1";
  /** Output node: float32 [n, 1, 1, 228], 76 points x (x, y, z) in input pixels. */
  public static final String OUTPUT = "Identity";
  /** Images per TensorFlow run. */
  public static final int BATCH = 64;

  private final NetworkSession session;

  private IrisLandmarks(NetworkSession session) {
    this.session = session;
  }

  /** Loads the network from the jar. */
  public static IrisLandmarks open() {
    return new IrisLandmarks(NetworkSession.open(PretrainedNetwork.IRIS));
  }

  /**
   * The raw network: {@code n} crops, float32 NHWC [n, 64, 64, 3] in [0, 1], flattened, to
   * [n, 228] points in crop pixels, flattened.
   */
  public float[] run(float[] crops, int n) {
    List<NetworkSession.Output> out = session.run(INPUT, new long[] {n, INPUT_SIZE, INPUT_SIZE, 3}, crops, OUTPUT);
    return out.get(0).values();
  }

  /**
   * The landmarks of every image, found in the window {@code crop} of each (mirrored left to right
   * before the network sees it when {@code mirror}), in image coordinates.
   */
  public EyeLandmarks[] locate(RgbImages images, EyeCrop crop, boolean mirror) {
    int n = images.count();
    EyeLandmarks[] out = new EyeLandmarks[n];
    int perImage = INPUT_SIZE * INPUT_SIZE * 3;
    for (int first = 0; first < n; first += BATCH) {
      int rows = Math.min(BATCH, n - first);
      float[] batch = new float[rows * perImage];
      for (int r = 0; r < rows; r++) {
        crop.sample(images, first + r, INPUT_SIZE, mirror, batch, r * perImage);
      }
      float[] points = run(batch, rows);
      int per = EyeLandmarks.POINTS * 3;
      for (int r = 0; r < rows; r++) {
        float[] xyz = new float[per];
        for (int p = 0; p < EyeLandmarks.POINTS; p++) {
          int k = r * per + 3 * p;
          xyz[3 * p] = (float) crop.imageX(points[k], INPUT_SIZE, mirror);
          xyz[3 * p + 1] = (float) crop.imageY(points[k + 1], INPUT_SIZE);
          xyz[3 * p + 2] = (float) (points[k + 2] / INPUT_SIZE * crop.side());
        }
        out[first + r] = new EyeLandmarks(xyz);
      }
    }
    return out;
  }

  @Override
  public void close() {
    session.close();
  }
}
