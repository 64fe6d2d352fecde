package eyegan.pretrained;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * Rewrites the ops that TF.js graph models use but TensorFlow's op registry lacks, or holds with
 * another signature, into core TensorFlow ops computing the same function:
 *
 * <ul>
 *   <li>{@code _FusedConv2D}, {@code FusedDepthwiseConv2dNative}, {@code _FusedMatMul} (TF.js
 *       writes them without TensorFlow's {@code TArgs} attribute; the depthwise one exists only in
 *       TF.js) become {@code Conv2D} / {@code DepthwiseConv2dNative} / {@code MatMul}, then
 *       {@code BiasAdd} when {@code fused_ops} starts with BiasAdd, then the activation;
 *   <li>activations: {@code Relu}, {@code Relu6}, {@code Elu}, {@code Sigmoid}, {@code LeakyRelu}
 *       (slope from {@code leakyrelu_alpha}) map to the TensorFlow ops of the same name;
 *   <li>{@code Prelu(x, alpha)} (TF.js: {@code x < 0 ? alpha * x : x}, per channel) becomes
 *       {@code Relu(x) - alpha * Relu(-x)}. TF.js's converter stores alpha itself (it negates the
 *       {@code -alpha} constant of the Keras graph it fuses), so the stored values are used as they
 *       are. For {@code x < 0} the expression is {@code 0 - alpha * (-x) = alpha * x} and for
 *       {@code x >= 0} it is {@code x - alpha * 0 = x}, both exact in floating point.
 * </ul>
 *
 * The last node of each rewrite keeps the original name, so consumers need no change. Every other
 * node passes through with its device cleared (TF.js writes {@code /device:CPU:0}, which would pin
 * work to the CPU even where a GPU is present).
 */
final class FusedOps {
  private static final Set<String> CONV_ATTRS =
      Set.of("T", "strides", "padding", "explicit_paddings", "data_format", "dilations", "use_cudnn_on_gpu");
  private static final Set<String> DEPTHWISE_ATTRS =
      Set.of("T", "strides", "padding", "explicit_paddings", "data_format", "dilations");
  private static final Set<String> MATMUL_ATTRS = Set.of("T", "transpose_a", "transpose_b");
  private static final Set<String> PLAIN_ACTIVATIONS = Set.of("Relu", "Relu6", "Elu", "Sigmoid");

  private FusedOps() {}

  /** The core-op nodes that compute {@code node}; a list of one for nodes that need no change. */
  static List<NodeDef> rewrite(NodeDef node) {
    return switch (node.getOp()) {
      case "_FusedConv2D" -> fused(node, "Conv2D", CONV_ATTRS);
      case "FusedDepthwiseConv2dNative" -> fused(node, "DepthwiseConv2dNative", DEPTHWISE_ATTRS);
      case "_FusedMatMul" -> fused(node, "MatMul", MATMUL_ATTRS);
      case "Prelu" -> prelu(node.getName(), input(node, 0), input(node, 1), type(node), controls(node));
      default -> List.of(node.toBuilder().clearDevice().build());
    };
  }

  private static List<NodeDef> fused(NodeDef node, String coreOp, Set<String> keep) {
    List<String> ops = fusedOps(node);
    String name = node.getName();
    boolean bias = !ops.isEmpty() && ops.get(0).equals("BiasAdd");
    String activation = ops.size() > (bias ? 1 : 0) ? ops.get(bias ? 1 : 0) : null;
    if (ops.size() > (bias ? 1 : 0) + (activation != null ? 1 : 0)) {
      throw new IllegalArgumentException(name + ": unsupported fused_ops " + ops);
    }
    if (!bias && activation == null && !ops.isEmpty()) {
      throw new IllegalArgumentException(name + ": unsupported fused_ops " + ops);
    }
    int numArgs = (int) node.getAttrOrDefault("num_args", AttrValue.newBuilder().setI(0).build()).getI();
    int expected = (bias ? 1 : 0) + ("Prelu".equals(activation) ? 1 : 0);
    if (numArgs != expected) {
      throw new IllegalArgumentException(name + ": fused_ops " + ops + " take " + expected + " arguments, num_args is " + numArgs);
    }
    DataType t = type(node);
    List<NodeDef> out = new ArrayList<>();
    String coreName = bias || activation != null ? name + "/" + coreOp : name;
    NodeDef.Builder core = NodeDef.newBuilder().setName(coreName).setOp(coreOp)
        .addInput(input(node, 0)).addInput(input(node, 1));
    controls(node).forEach(core::addInput);
    node.getAttrMap().forEach((k, v) -> {
      if (keep.contains(k)) {
        core.putAttr(k, v);
      }
    });
    out.add(core.build());
    String last = coreName;
    int arg = 2;
    if (bias) {
      String biasName = activation != null ? name + "/BiasAdd" : name;
      NodeDef.Builder b = NodeDef.newBuilder().setName(biasName).setOp("BiasAdd")
          .addInput(last).addInput(input(node, arg++)).putAttr("T", typeAttr(t));
      if (node.containsAttr("data_format") && !coreOp.equals("MatMul")) {
        b.putAttr("data_format", node.getAttrOrThrow("data_format"));
      }
      out.add(b.build());
      last = biasName;
    }
    if (activation != null) {
      out.addAll(activation(name, activation, last, arg < node.getInputCount() ? input(node, arg) : null, node, t));
    }
    return out;
  }

  private static List<NodeDef> activation(String name, String op, String x, String alpha, NodeDef node, DataType t) {
    if (PLAIN_ACTIVATIONS.contains(op)) {
      return List.of(unary(op, name, x, t));
    }
    if (op.equals("LeakyRelu")) {
      float slope = node.getAttrOrDefault("leakyrelu_alpha", AttrValue.newBuilder().setF(0.2f).build()).getF();
      return List.of(unary(op, name, x, t).toBuilder().putAttr("alpha", AttrValue.newBuilder().setF(slope).build()).build());
    }
    if (op.equals("Prelu")) {
      return prelu(name, x, alpha, t, List.of());
    }
    throw new IllegalArgumentException(name + ": unsupported fused activation " + op);
  }

  /** {@code name = Relu(x) - alpha * Relu(-x)}. */
  static List<NodeDef> prelu(String name, String x, String alpha, DataType t, List<String> controls) {
    NodeDef.Builder positive = unary("Relu", name + "/positive", x, t).toBuilder();
    controls.forEach(positive::addInput);
    return List.of(
        positive.build(),
        unary("Neg", name + "/negated", x, t),
        unary("Relu", name + "/negative", name + "/negated", t),
        binary("Mul", name + "/scaled", alpha, name + "/negative", t),
        binary("Sub", name, name + "/positive", name + "/scaled", t));
  }

  /** The {@code fused_ops} attribute as strings ({@code ["BiasAdd", "Relu6"]}). */
  static List<String> fusedOps(NodeDef node) {
    List<String> ops = new ArrayList<>();
    if (node.containsAttr("fused_ops")) {
      for (ByteString s : node.getAttrOrThrow("fused_ops").getList().getSList()) {
        ops.add(s.toString(StandardCharsets.UTF_8));
      }
    }
    return ops;
  }

  private static NodeDef unary(String op, String name, String x, DataType t) {
    return NodeDef.newBuilder().setName(name).setOp(op).addInput(x).putAttr("T", typeAttr(t)).build();
  }

  private static NodeDef binary(String op, String name, String a, String b, DataType t) {
    return NodeDef.newBuilder().setName(name).setOp(op).addInput(a).addInput(b).putAttr("T", typeAttr(t)).build();
  }

  private static AttrValue typeAttr(DataType t) {
    return AttrValue.newBuilder().setType(t).build();
  }

  /** The node's T attribute; TF.js's Prelu has none and is float32. */
  private static DataType type(NodeDef node) {
    return node.containsAttr("T") ? node.getAttrOrThrow("T").getType() : DataType.DT_FLOAT;
  }

  /** Data input {@code i} (control inputs, written {@code ^name}, come after the data inputs). */
  private static String input(NodeDef node, int i) {
    if (i >= node.getInputCount() || node.getInput(i).startsWith("^")) {
      throw new IllegalArgumentException(node.getName() + " (" + node.getOp() + ") has no input " + i);
    }
    return node.getInput(i);
  }

  private static List<String> controls(NodeDef node) {
    return node.getInputList().stream().filter(s -> s.startsWith("^")).toList();
  }
}
