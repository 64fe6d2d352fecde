package eyegan.inference;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorShapeProto;

/** Short text forms of TensorFlow dtypes and shapes for messages and listings. */
public final class TensorText {
  private TensorText() {}

  /** {@code DT_FLOAT} -> {@code float32}, {@code DT_INT64} -> {@code int64}, {@code DT_STRING} -> {@code string}. */
  public static String dtype(DataType t) {
    return switch (t) {
      case DT_FLOAT -> "float32";
      case DT_DOUBLE -> "float64";
      case DT_HALF -> "float16";
      case DT_STRING -> "string";
      case DT_BOOL -> "bool";
      default -> t.name().startsWith("DT_") ? t.name().substring(3).toLowerCase(java.util.Locale.ROOT) : t.name();
    };
  }

  /** {@code [-1, 100]}; {@code [?]} for an unknown rank. */
  public static String shape(Shape s) {
    if (s.isUnknown()) {
      return "[?]";
    }
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < s.numDimensions(); i++) {
      b.append(i == 0 ? "" : ", ").append(s.get(i));
    }
    return b.append(']').toString();
  }

  /** Like {@link #shape(Shape)} for a shape proto, in {@code saved_model_cli}'s style: {@code (-1, 100)}. */
  public static String shape(TensorShapeProto s) {
    if (s.getUnknownRank()) {
      return "unknown_rank";
    }
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < s.getDimCount(); i++) {
      b.append(i == 0 ? "" : ", ").append(s.getDim(i).getSize());
    }
    return b.append(s.getDimCount() == 1 ? ",)" : ")").toString();
  }
}
