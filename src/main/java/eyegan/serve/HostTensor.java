package eyegan.serve;

import java.util.Arrays;
import org.tensorflow.proto.DataType;

/**
 * A dense tensor held in Java arrays, row-major, between JSON and the model: float32 values in
 * {@code floats}, int64 in {@code longs}, strings (raw bytes) in {@code strings}; the other two
 * are null. {@code shape} has one entry per dimension (empty for a scalar).
 */
record HostTensor(DataType dtype, long[] shape, float[] floats, long[] longs, byte[][] strings) {
  HostTensor {
    shape = shape.clone();
  }

  static HostTensor ofFloats(long[] shape, float[] values) {
    return new HostTensor(DataType.DT_FLOAT, shape, values, null, null);
  }

  static HostTensor ofLongs(long[] shape, long[] values) {
    return new HostTensor(DataType.DT_INT64, shape, null, values, null);
  }

  static HostTensor ofStrings(long[] shape, byte[][] values) {
    return new HostTensor(DataType.DT_STRING, shape, null, null, values);
  }

  /** Size of dimension 0 (the batch); 1 for a scalar. */
  int batch() {
    return shape.length == 0 ? 1 : (int) shape[0];
  }

  /** Number of values. */
  int size() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return (int) n;
  }

  /** Rows of a [n, D] float tensor. */
  float[][] floatRows() {
    int n = batch();
    int d = n == 0 ? 0 : floats.length / n;
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = Arrays.copyOfRange(floats, i * d, (i + 1) * d);
    }
    return rows;
  }

  /** {@code [2,100]}, as TF Serving prints shapes in its messages. */
  static String shapeText(long[] shape) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < shape.length; i++) {
      b.append(i == 0 ? "" : ",").append(shape[i]);
    }
    return b.append(']').toString();
  }
}
