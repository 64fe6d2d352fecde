package eyegan.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Reads the nodes of a TF.js {@code modelTopology}, a GraphDef written as protobuf JSON (camelCase
 * field names, 64-bit integers as strings, bytes as base64), back into protobuf {@link NodeDef}s.
 * Only the attribute kinds graph models use are read (s, i, f, b, type, shape, list of those); a
 * function attribute is an error, since the converter only
 * accepts frozen graphs whose constants come from the weights manifest (a Const's {@code value}
 * is read as its declared dtype and shape only).
 */
final class GraphJson {
  private GraphJson() {}

  /** The node as written, device and attributes included; attributes in their written order. */
  static NodeDef node(JsonNode json) {
    NodeDef.Builder b = NodeDef.newBuilder().setName(text(json, "name")).setOp(text(json, "op"));
    if (json.has("input")) {
      for (JsonNode in : json.get("input")) {
        b.addInput(in.asText());
      }
    }
    if (json.has("device")) {
      b.setDevice(json.get("device").asText());
    }
    if (json.has("attr")) {
      Iterator<Map.Entry<String, JsonNode>> it = json.get("attr").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        try {
          b.putAttr(e.getKey(), attr(e.getValue()));
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException("node " + b.getName() + ", attribute " + e.getKey() + ": " + ex.getMessage(), ex);
        }
      }
    }
    return b.build();
  }

  /** One {@code AttrValue} in protobuf JSON form. */
  static AttrValue attr(JsonNode v) {
    AttrValue.Builder a = AttrValue.newBuilder();
    if (v.has("s")) {
      a.setS(bytes(v.get("s")));
    } else if (v.has("i")) {
      a.setI(Long.parseLong(v.get("i").asText()));
    } else if (v.has("f")) {
      a.setF(floatValue(v.get("f")));
    } else if (v.has("b")) {
      a.setB(v.get("b").asBoolean());
    } else if (v.has("type")) {
      a.setType(dataType(v.get("type").asText()));
    } else if (v.has("shape")) {
      a.setShape(shape(v.get("shape")));
    } else if (v.has("list")) {
      a.setList(list(v.get("list")));
    } else if (v.has("tensor")) {
      a.setTensor(declaredTensor(v.get("tensor")));
    } else if (v.has("func")) {
      throw new IllegalArgumentException("function attributes are not supported (the graph must be frozen)");
    } else if (v.isEmpty()) {
      a.setList(AttrValue.ListValue.getDefaultInstance()); // protobuf JSON writes an empty list as {}
    } else {
      throw new IllegalArgumentException("unknown attribute value " + v);
    }
    return a.build();
  }

  /**
   * The dtype and shape a Const declares. Graph models keep every constant's values in the weights
   * manifest, so a tensor that carries values inline is refused rather than half read.
   */
  private static TensorProto declaredTensor(JsonNode t) {
    Iterator<String> fields = t.fieldNames();
    while (fields.hasNext()) {
      String f = fields.next();
      if (!f.equals("dtype") && !f.equals("tensorShape")) {
        throw new IllegalArgumentException("constants with inline values ('" + f + "') are not supported");
      }
    }
    TensorProto.Builder b = TensorProto.newBuilder().setDtype(dataType(t.path("dtype").asText("DT_INVALID")));
    if (t.has("tensorShape")) {
      b.setTensorShape(shape(t.get("tensorShape")));
    }
    return b.build();
  }

  private static AttrValue.ListValue list(JsonNode l) {
    AttrValue.ListValue.Builder b = AttrValue.ListValue.newBuilder();
    for (JsonNode s : l.path("s")) {
      b.addS(bytes(s));
    }
    for (JsonNode i : l.path("i")) {
      b.addI(Long.parseLong(i.asText()));
    }
    for (JsonNode f : l.path("f")) {
      b.addF(floatValue(f));
    }
    for (JsonNode x : l.path("b")) {
      b.addB(x.asBoolean());
    }
    for (JsonNode t : l.path("type")) {
      b.addType(dataType(t.asText()));
    }
    for (JsonNode s : l.path("shape")) {
      b.addShape(shape(s));
    }
    if (l.has("tensor") || l.has("func")) {
      throw new IllegalArgumentException("lists of tensors or functions are not supported");
    }
    return b.build();
  }

  /** A {@code TensorShapeProto} in JSON form: {@code {"dim":[{"size":"-1"},...]}} or {@code {"unknownRank":true}}. */
  static TensorShapeProto shape(JsonNode s) {
    TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
    for (JsonNode d : s.path("dim")) {
      b.addDim(TensorShapeProto.Dim.newBuilder().setSize(d.has("size") ? Long.parseLong(d.get("size").asText()) : 0));
    }
    if (s.path("unknownRank").asBoolean(false)) {
      b.setUnknownRank(true);
    }
    return b.build();
  }

  /** Dimensions of a JSON shape, -1 for unknown ones. */
  static long[] dims(JsonNode shapeArray) {
    List<Long> dims = new ArrayList<>();
    for (JsonNode d : shapeArray) {
      dims.add(d.asLong());
    }
    return dims.stream().mapToLong(Long::longValue).toArray();
  }

  /** {@code DT_FLOAT} and the other enum names. */
  static DataType dataType(String name) {
    try {
      return DataType.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown data type " + name, e);
    }
  }

  /** Protobuf JSON writes non-finite floats as strings. */
  private static float floatValue(JsonNode f) {
    if (f.isTextual()) {
      return switch (f.asText()) {
        case "NaN" -> Float.NaN;
        case "Infinity" -> Float.POSITIVE_INFINITY;
        case "-Infinity" -> Float.NEGATIVE_INFINITY;
        default -> Float.parseFloat(f.asText());
      };
    }
    return f.floatValue();
  }

  private static ByteString bytes(JsonNode base64) {
    return ByteString.copyFrom(Base64.getDecoder().decode(base64.asText()));
  }

  private static String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("a node without '" + field + "': " + json);
    }
    return v.asText();
  }
}
