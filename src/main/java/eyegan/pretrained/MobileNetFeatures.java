package eyegan.pretrained;

import eyegan.image.RgbImages;
import java.util.List;

/**
 * Image features from MobileNetV2-1.4 ({@link PretrainedNetwork#MOBILENET_V2_140}): the 1792 values
 * of its global average pool, a description of what an image shows that ImageNet training made
 * sensitive to shapes, textures and colours. Images are prepared as nsfwjs prepares them: resized
 * to 224 x 224 bilinearly with corners aligned, RGB in [0, 1]. Batches of {@value #BATCH}; about 9 ms
 * an image on 2 cores (1.2 GFLOP each). Holds a TensorFlow session: close it.
 */
public final class MobileNetFeatures implements AutoCloseable {
  /** Side of the network's input. */
  public static final int INPUT_SIZE = 224;
  /** Length of one feature vector. */
  public static final int DIMENSIONS = 1792;
  /** Input node: float32 [n, 224, 224, 3] in [0, 1]. */
  public static final String INPUT = "input";
  /** The pooled features, float32 [n, 1792], each >= 0 (after ReLU6 and averaging). */
  public static final String FEATURE_NODE = "StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/"
      + "StatefulPartitionedCall/StatefulPartitionedCall/predict/feature_vector/SpatialSqueeze";
  /** Images per TensorFlow run: the fastest of 8, 32 and 64 on 2 cores. */
  public static final int BATCH = 32;

  private final NetworkSession session;

  private MobileNetFeatures(NetworkSession session) {
    this.session = session;
  }

  /** Loads the network from the jar. */
  public static MobileNetFeatures open() {
    return new MobileNetFeatures(NetworkSession.open(PretrainedNetwork.MOBILENET_V2_140));
  }

  /** Features of every image: [count][1792]. */
  public float[][] features(RgbImages images) {
    int n = images.count();
    float[][] out = new float[n][];
    int per = INPUT_SIZE * INPUT_SIZE * 3;
    for (int first = 0; first < n; first += BATCH) {
      int rows = Math.min(BATCH, n - first);
      float[] batch = new float[rows * per];
      for (int r = 0; r < rows; r++) {
        resizeAlignedCorners(images, first + r, batch, r * per);
      }
      List<NetworkSession.Output> o = session.run(INPUT, new long[] {rows, INPUT_SIZE, INPUT_SIZE, 3}, batch, FEATURE_NODE);
      float[] v = o.get(0).values();
      for (int r = 0; r < rows; r++) {
        float[] f = new float[DIMENSIONS];
        System.arraycopy(v, r * DIMENSIONS, f, 0, DIMENSIONS);
        out[first + r] = f;
      }
    }
    return out;
  }

  /**
   * Image {@code i} resized to 224 x 224 as TF.js's {@code resizeBilinear(x, size, alignCorners =
   * true)}: output pixel {@code d} samples source coordinate {@code d * (in - 1) / (224 - 1)}; / 255.
   */
  static void resizeAlignedCorners(RgbImages images, int i, float[] out, int offset) {
    int h = images.height();
    int w = images.width();
    double sy = (h - 1) / (double) (INPUT_SIZE - 1);
    double sx = (w - 1) / (double) (INPUT_SIZE - 1);
    int o = offset;
    for (int y = 0; y < INPUT_SIZE; y++) {
      double fy = y * sy;
      int y0 = (int) fy;
      int y1 = Math.min(y0 + 1, h - 1);
      double dy = fy - y0;
      for (int x = 0; x < INPUT_SIZE; x++) {
        double fx = x * sx;
        int x0 = (int) fx;
        int x1 = Math.min(x0 + 1, w - 1);
        double dx = fx - x0;
        for (int c = 0; c < 3; c++) {
          double top = images.get(i, y0, x0, c) * (1 - dx) + images.get(i, y0, x1, c) * dx;
          double bottom = images.get(i, y1, x0, c) * (1 - dx) + images.get(i, y1, x1, c) * dx;
          out[o++] = (float) ((top * (1 - dy) + bottom * dy) / 255.0);
        }
      }
    }
  }

  @Override
  public void close() {
    session.close();
  }
}
