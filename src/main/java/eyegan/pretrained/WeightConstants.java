package eyegan.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Turns the weights of a TF.js {@code weightsManifest} into constant nodes, reading the shards
 * exactly as TF.js's {@code decodeWeights} does: each group's shards are concatenated in order and
 * its weights follow one another, each {@code product(shape) * bytes per value} long, little-endian.
 *
 * <p>Every weight becomes one node of the weight's name whose value TF.js would see:
 * <ul>
 *   <li>float32, int32, bool: a {@code Const} holding the bytes as they are;
 *   <li>float32 quantised to uint8 or uint16 ({@code quantization: {min, scale}}): the small
 *       integers stay in the graph, 1 or 2 bytes a weight, followed by the dequantisation TF.js
 *       performs, {@code float32(q * scale + min)} evaluated in float64 ({@code Cast}, {@code Mul},
 *       {@code AddV2}, {@code Cast}): the same two double roundings as JavaScript's arithmetic,
 *       then the same rounding to float32, so the values are bit-identical to TF.js's;
 *   <li>float32 stored as float16: a {@code DT_HALF} constant and a {@code Cast} (exact);
 *   <li>int32 quantised: dequantised here ({@code Math.round(q * scale + min)}, as TF.js).
 * </ul>
 * TensorFlow folds the dequantisation once, when a session first runs the graph.
 */
final class WeightConstants {
  private WeightConstants() {}

  /**
   * The nodes of every weight, keyed by weight name, each list ending with the node that carries
   * the weight's name.
   */
  static Map<String, List<NodeDef>> decode(JsonNode manifest, Map<String, byte[]> shards) {
    Map<String, List<NodeDef>> out = new LinkedHashMap<>();
    for (JsonNode group : manifest) {
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      for (JsonNode p : group.get("paths")) {
        byte[] shard = shards.get(p.asText());
        if (shard == null) {
          throw new IllegalArgumentException("weight shard " + p.asText() + " was not read");
        }
        joined.writeBytes(shard);
      }
      ByteBuffer data = ByteBuffer.wrap(joined.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
      int offset = 0;
      for (JsonNode w : group.get("weights")) {
        String name = w.get("name").asText();
        long[] shape = GraphJson.dims(w.get("shape"));
        String dtype = w.get("dtype").asText();
        JsonNode q = w.get("quantization");
        int count = Math.toIntExact(elements(shape));
        int bytesPer = q != null ? bytesPerValue(q.get("dtype").asText(), name) : bytesPerValue(dtype, name);
        int length = Math.multiplyExact(count, bytesPer);
        if (offset + length > data.capacity()) {
          throw new IllegalArgumentException("weight " + name + " runs past the end of its shards ("
              + (offset + length) + " > " + data.capacity() + " bytes)");
        }
        byte[] raw = new byte[length];
        data.get(offset, raw);
        offset += length;
        if (out.put(name, nodes(name, dtype, shape, q, raw)) != null) {
          throw new IllegalArgumentException("weight " + name + " appears twice in the manifest");
        }
      }
      if (offset != data.capacity()) {
        throw new IllegalArgumentException("the manifest describes " + offset + " bytes but its shards hold " + data.capacity());
      }
    }
    return out;
  }

  private static List<NodeDef> nodes(String name, String dtype, long[] shape, JsonNode q, byte[] raw) {
    if (q == null) {
      DataType type = switch (dtype) {
        case "float32" -> DataType.DT_FLOAT;
        case "int32" -> DataType.DT_INT32;
        case "bool" -> DataType.DT_BOOL;
        default -> throw new IllegalArgumentException("weight " + name + ": unsupported dtype " + dtype);
      };
      return List.of(constant(name, type, shape, raw));
    }
    String qtype = q.get("dtype").asText();
    if (dtype.equals("float32") && qtype.equals("float16")) {
      return List.of(constant(name + "/float16", DataType.DT_HALF, shape, raw),
          cast(name, name + "/float16", DataType.DT_HALF, DataType.DT_FLOAT));
    }
    double scale = q.get("scale").asDouble();
    double min = q.get("min").asDouble();
    DataType stored = qtype.equals("uint8") ? DataType.DT_UINT8 : DataType.DT_UINT16;
    if (dtype.equals("int32")) {
      ByteBuffer ints = ByteBuffer.allocate(raw.length / bytesPerValue(qtype, name) * 4).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < raw.length / bytesPerValue(qtype, name); i++) {
        ints.putInt((int) Math.round(unsigned(raw, i, stored) * scale + min));
      }
      return List.of(constant(name, DataType.DT_INT32, shape, ints.array()));
    }
    if (!dtype.equals("float32")) {
      throw new IllegalArgumentException("weight " + name + ": " + qtype + " quantisation of " + dtype + " is not supported");
    }
    return List.of(
        constant(name + "/quantized", stored, shape, raw),
        cast(name + "/quantized_f64", name + "/quantized", stored, DataType.DT_DOUBLE),
        scalar(name + "/scale", scale),
        binary("Mul", name + "/scaled", name + "/quantized_f64", name + "/scale", DataType.DT_DOUBLE),
        scalar(name + "/min", min),
        binary("AddV2", name + "/dequantized_f64", name + "/scaled", name + "/min", DataType.DT_DOUBLE),
        cast(name, name + "/dequantized_f64", DataType.DT_DOUBLE, DataType.DT_FLOAT));
  }

  private static long unsigned(byte[] raw, int i, DataType stored) {
    if (stored == DataType.DT_UINT8) {
      return raw[i] & 0xFF;
    }
    return (raw[2 * i] & 0xFF) | (raw[2 * i + 1] & 0xFF) << 8;
  }

  private static int bytesPerValue(String dtype, String name) {
    return switch (dtype) {
      case "float32", "int32" -> 4;
      case "float16", "uint16" -> 2;
      case "uint8", "bool" -> 1;
      default -> throw new IllegalArgumentException("weight " + name + ": unsupported type " + dtype);
    };
  }

  static long elements(long[] shape) {
    long n = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("a weight of unknown size");
      }
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** A {@code Const} of {@code type} whose {@code tensor_content} is {@code content} (little-endian). */
  static NodeDef constant(String name, DataType type, long[] shape, byte[] content) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (long d : shape) {
      s.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
    }
    TensorProto tensor = TensorProto.newBuilder()
        .setDtype(type)
        .setTensorShape(s)
        .setTensorContent(ByteString.copyFrom(content))
        .build();
    return NodeDef.newBuilder()
        .setName(name)
        .setOp("Const")
        .putAttr("dtype", AttrValue.newBuilder().setType(type).build())
        .putAttr("value", AttrValue.newBuilder().setTensor(tensor).build())
        .build();
  }

  private static NodeDef scalar(String name, double value) {
    return constant(name, DataType.DT_DOUBLE, new long[0],
        ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(value).array());
  }

  private static NodeDef cast(String name, String input, DataType from, DataType to) {
    return NodeDef.newBuilder()
        .setName(name)
        .setOp("Cast")
        .addInput(input)
        .putAttr("SrcT", AttrValue.newBuilder().setType(from).build())
        .putAttr("DstT", AttrValue.newBuilder().setType(to).build())
        .putAttr("Truncate", AttrValue.newBuilder().setB(false).build())
        .build();
  }

  private static NodeDef binary(String op, String name, String a, String b, DataType type) {
    return NodeDef.newBuilder()
        .setName(name)
        .setOp(op)
        .addInput(a)
        .addInput(b)
        .putAttr("T", AttrValue.newBuilder().setType(type).build())
        .build();
  }
}
