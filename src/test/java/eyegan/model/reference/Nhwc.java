package eyegan.model.reference;

/**
 * A batch of feature maps for the plain-Java reference: NHWC order, row-major, in double precision
 * so that the reference's own rounding stays far below the tolerance it is compared with.
 *
 * @param n batch size
 * @param h height
 * @param w width
 * @param c channels
 * @param v {@code n * h * w * c} values; element (b, y, x, k) at {@code ((b * h + y) * w + x) * c + k}
 */
public record Nhwc(int n, int h, int w, int c, double[] v) {
  public Nhwc {
    if (v.length != n * h * w * c) {
      throw new IllegalArgumentException(v.length + " values for [" + n + ", " + h + ", " + w + ", " + c + "]");
    }
  }

  /** Zeros of the given shape. */
  public static Nhwc zeros(int n, int h, int w, int c) {
    return new Nhwc(n, h, w, c, new double[n * h * w * c]);
  }

  /** float32 values (as TensorFlow holds them) viewed as [n, h, w, c]. */
  public static Nhwc of(float[] values, int n, int h, int w, int c) {
    double[] d = new double[values.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = values[i];
    }
    return new Nhwc(n, h, w, c, d);
  }

  /** Flat index of element (b, y, x, k). */
  public int at(int b, int y, int x, int k) {
    return ((b * h + y) * w + x) * c + k;
  }

  /** The same values seen as another shape of the same size (Keras Reshape / Flatten, row-major). */
  public Nhwc view(int nh, int nw, int nc) {
    return new Nhwc(n, nh, nw, nc, v);
  }
}
