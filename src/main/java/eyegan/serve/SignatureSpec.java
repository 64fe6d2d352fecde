package eyegan.serve;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * One signature of a SavedModel as a predict request needs it: its inputs and outputs by alias,
 * each with dtype and shape (-1 for a dynamic dimension). Maps are sorted by alias, the order in
 * which TF Serving lists them.
 */
record SignatureSpec(String key, Map<String, TensorSpec> inputs, Map<String, TensorSpec> outputs, String methodName) {

  /**
   * @param dims one entry per dimension, -1 where any size is allowed; null for an unknown rank
   */
  record TensorSpec(String alias, DataType dtype, long[] dims) {
    /** Whether {@code shape} fits: same rank, and every fixed dimension equal. */
    boolean accepts(long[] shape) {
      if (dims == null) {
        return true;
      }
      if (shape.length != dims.length) {
        return false;
      }
      for (int i = 0; i < dims.length; i++) {
        if (dims[i] >= 0 && dims[i] != shape[i]) {
          return false;
        }
      }
      return true;
    }

    String shapeText() {
      return dims == null ? "[?]" : HostTensor.shapeText(dims);
    }
  }

  static SignatureSpec of(String key, SignatureDef def) {
    return new SignatureSpec(key, specs(def.getInputsMap()), specs(def.getOutputsMap()), def.getMethodName());
  }

  private static Map<String, TensorSpec> specs(Map<String, TensorInfo> map) {
    Map<String, TensorSpec> out = new TreeMap<>();
    map.forEach((alias, info) -> out.put(alias, new TensorSpec(alias, info.getDtype(), dims(info.getTensorShape()))));
    return Collections.unmodifiableMap(out);
  }

  private static long[] dims(TensorShapeProto s) {
    if (s.getUnknownRank()) {
      return null;
    }
    long[] d = new long[s.getDimCount()];
    for (int i = 0; i < d.length; i++) {
      d[i] = s.getDim(i).getSize();
    }
    return d;
  }
}
