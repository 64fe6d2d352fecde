package eyegan.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * The JSON bodies of TF Serving's model status and model metadata calls: the proto3 JSON forms
 * of {@code GetModelStatusResponse} and {@code GetModelMetadataResponse} as TF Serving prints
 * them (proto field names, int64 values as strings, every field present even when empty).
 */
final class ModelStatusJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelStatusJson() {}

  /**
   * {@code {"model_version_status": [{"version": "1", "state": "AVAILABLE", "status":
   * {"error_code": "OK", "error_message": ""}}]}}
   */
  static byte[] status(long version) throws java.io.IOException {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode v = root.putArray("model_version_status").addObject();
    v.put("version", Long.toString(version));
    v.put("state", "AVAILABLE");
    v.putObject("status").put("error_code", "OK").put("error_message", "");
    return JSON.writeValueAsBytes(root);
  }

  /**
   * {@code {"model_spec": {"name", "signature_name": "", "version"}, "metadata": {"signature_def":
   * {"signature_def": {KEY: {"inputs", "outputs", "method_name", "defaults"}}}}}}, every
   * SignatureDef of the served version.
   */
  static byte[] metadata(String model, long version, Map<String, SignatureDef> defs) throws java.io.IOException {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("model_spec").put("name", model).put("signature_name", "").put("version", Long.toString(version));
    ObjectNode sigs = root.putObject("metadata").putObject("signature_def").putObject("signature_def");
    defs.forEach((key, def) -> {
      ObjectNode s = sigs.putObject(key);
      tensors(s.putObject("inputs"), def.getInputsMap());
      tensors(s.putObject("outputs"), def.getOutputsMap());
      s.put("method_name", def.getMethodName());
      ObjectNode defaults = s.putObject("defaults");
      for (Map.Entry<String, TensorProto> d : new java.util.TreeMap<>(def.getDefaultsMap()).entrySet()) {
        defaults.put(d.getKey(), d.getValue().toString()); // eyegan's signatures have none
      }
    });
    return JSON.writeValueAsBytes(root);
  }

  private static void tensors(ObjectNode into, Map<String, TensorInfo> map) {
    new java.util.TreeMap<>(map).forEach((alias, info) -> {
      ObjectNode t = into.putObject(alias);
      t.put("dtype", info.getDtype().name());
      ObjectNode shape = t.putObject("tensor_shape");
      ArrayNode dims = shape.putArray("dim");
      TensorShapeProto s = info.getTensorShape();
      for (TensorShapeProto.Dim d : s.getDimList()) {
        dims.addObject().put("size", Long.toString(d.getSize())).put("name", d.getName());
      }
      shape.put("unknown_rank", s.getUnknownRank());
      t.put("name", info.getName());
    });
  }
}
