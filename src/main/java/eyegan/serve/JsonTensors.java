package eyegan.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.tensorflow.proto.DataType;

/**
 * TF Serving's JSON mapping of tensors, both ways, for the dtypes eyegan's signatures use
 * (float32, int64, string). A tensor is a value or a nested list whose nesting is its shape;
 * every list at one level has the same length and every value sits at the deepest level.
 * float32 takes any JSON number (and {@code NaN}, {@code Infinity}); int64 only whole numbers
 * ({@code 42}, not {@code 42.0}); a string is a JSON string, or {@code {"b64": "..."}} for bytes.
 * Output strings whose tensor name ends in {@code _bytes} are written as {@code {"b64": "..."}}.
 */
final class JsonTensors {
  /** TF Serving's suffix that marks a string tensor as binary. */
  static final String BYTES_SUFFIX = "_bytes";
  static final String B64 = "b64";
  private static final int DEBUG_CHARS = 256;

  private JsonTensors() {}

  /**
   * Converts one JSON value to a tensor of {@code dtype}.
   *
   * @throws RestException (400) naming the offending value when the nesting is ragged or a value
   *     has the wrong type
   */
  static HostTensor parse(JsonNode value, DataType dtype) {
    List<Long> dims = new ArrayList<>();
    for (JsonNode n = value; n.isArray(); n = n.get(0)) {
      dims.add((long) n.size());
      if (n.size() == 0) {
        break;
      }
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    long count = 1;
    for (long d : shape) {
      count *= d;
    }
    if (count > Integer.MAX_VALUE) {
      throw RestException.badRequest("tensor of shape " + HostTensor.shapeText(shape) + " is too large");
    }
    Filler f = new Filler(dtype, shape, (int) count);
    f.fill(value, 0);
    return switch (dtype) {
      case DT_FLOAT -> HostTensor.ofFloats(shape, f.floats);
      case DT_INT64 -> HostTensor.ofLongs(shape, f.longs);
      case DT_STRING -> HostTensor.ofStrings(shape, f.strings);
      default -> throw RestException.badRequest("conversion of JSON to " + typeName(dtype) + " is not implemented");
    };
  }

  /** True for {@code {"b64": "<string>"}}, the REST API's form of a binary value. */
  static boolean isBase64Object(JsonNode n) {
    return n.isObject() && n.size() == 1 && n.has(B64) && n.get(B64).isTextual();
  }

  /**
   * Writes the values of {@code t} from dimension {@code dim} on, starting at flat index
   * {@code offset}: the whole tensor for dim 0, one batch row for dim 1.
   */
  static void write(JsonGenerator g, HostTensor t, boolean bytes, int dim, int offset) throws IOException {
    writeFrom(g, t, bytes, dim, new int[] {offset});
  }

  private static void writeFrom(JsonGenerator g, HostTensor t, boolean bytes, int dim, int[] at) throws IOException {
    if (dim >= t.shape().length) {
      writeValue(g, t, bytes, at[0]++);
      return;
    }
    g.writeStartArray();
    for (long i = 0; i < t.shape()[dim]; i++) {
      writeFrom(g, t, bytes, dim + 1, at);
    }
    g.writeEndArray();
  }

  private static void writeValue(JsonGenerator g, HostTensor t, boolean bytes, int i) throws IOException {
    switch (t.dtype()) {
      case DT_FLOAT -> g.writeNumber(t.floats()[i]);
      case DT_INT64 -> g.writeNumber(t.longs()[i]);
      case DT_STRING -> {
        if (bytes) {
          g.writeStartObject();
          g.writeStringField(B64, Base64.getEncoder().encodeToString(t.strings()[i]));
          g.writeEndObject();
        } else {
          g.writeString(new String(t.strings()[i], StandardCharsets.UTF_8));
        }
      }
      default -> throw new IllegalStateException("no JSON form for " + t.dtype());
    }
  }

  /** TensorFlow's short dtype names, as TF Serving's messages use them. */
  static String typeName(DataType t) {
    return switch (t) {
      case DT_FLOAT -> "float";
      case DT_INT64 -> "int64";
      case DT_STRING -> "string";
      default -> t.name().startsWith("DT_") ? t.name().substring(3).toLowerCase(java.util.Locale.ROOT) : t.name();
    };
  }

  /** A JSON value as compact text for an error message, cut at 256 characters. */
  static String debug(JsonNode n) {
    String s = n.toString();
    return s.length() <= DEBUG_CHARS ? s : s.substring(0, DEBUG_CHARS) + "...";
  }

  private static String jsonType(JsonNode n) {
    return switch (n.getNodeType()) {
      case NULL, MISSING -> "Null";
      case BOOLEAN -> n.booleanValue() ? "True" : "False";
      case OBJECT, POJO -> "Object";
      case ARRAY -> "Array";
      case STRING, BINARY -> "String";
      case NUMBER -> "Number";
    };
  }

  /** Walks the JSON tree in row-major order, checking the nesting against the shape. */
  private static final class Filler {
    final DataType dtype;
    final long[] shape;
    float[] floats;
    long[] longs;
    byte[][] strings;
    int next;

    Filler(DataType dtype, long[] shape, int count) {
      this.dtype = dtype;
      this.shape = shape;
      switch (dtype) {
        case DT_FLOAT -> floats = new float[count];
        case DT_INT64 -> longs = new long[count];
        case DT_STRING -> strings = new byte[count][];
        default -> throw RestException.badRequest("conversion of JSON to " + typeName(dtype) + " is not implemented");
      }
    }

    void fill(JsonNode n, int level) {
      int rank = shape.length;
      if (!n.isArray()) {
        if (level != rank) {
          throw RestException.badRequest("JSON Value: " + debug(n) + " found at incorrect level: " + (level + 1)
              + " in the JSON DOM. Expected at level: " + rank);
        }
        add(n);
        return;
      }
      if (level >= rank) {
        throw RestException.badRequest("Encountered list at unexpected level: " + level + " expected < " + rank);
      }
      if (n.size() != shape[level]) {
        throw RestException.badRequest("Encountered list at unexpected size: " + n.size() + " at level: " + level
            + " expected size: " + shape[level]);
      }
      for (JsonNode e : n) {
        fill(e, level + 1);
      }
    }

    private void add(JsonNode n) {
      switch (dtype) {
        case DT_FLOAT -> {
          if (!n.isNumber()) {
            throw typeError(n);
          }
          floats[next++] = (float) n.doubleValue();
        }
        case DT_INT64 -> {
          if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw typeError(n);
          }
          longs[next++] = n.longValue();
        }
        case DT_STRING -> {
          if (n.isTextual()) {
            strings[next++] = n.textValue().getBytes(StandardCharsets.UTF_8);
          } else if (isBase64Object(n)) {
            try {
              strings[next++] = Base64.getDecoder().decode(n.get(B64).textValue());
            } catch (IllegalArgumentException e) {
              throw RestException.badRequest("Unable to base64 decode");
            }
          } else {
            throw typeError(n);
          }
        }
        default -> throw typeError(n);
      }
    }

    private RestException typeError(JsonNode n) {
      return RestException.badRequest("JSON Value: " + debug(n) + " Type: " + jsonType(n)
          + " is not of expected type: " + typeName(dtype));
    }
  }
}
