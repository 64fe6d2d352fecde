package eyegan.pretrained;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.TFloat32;

/** Builds and runs tiny graphs of TF.js-style nodes, for the op rewrite tests. */
final class TinyGraphs {
  private TinyGraphs() {}

  static NodeDef placeholder(String name) {
    return NodeDef.newBuilder().setName(name).setOp("Placeholder")
        .putAttr("dtype", type(DataType.DT_FLOAT))
        .putAttr("shape", AttrValue.newBuilder().setShape(TensorShapeProto.newBuilder().setUnknownRank(true)).build())
        .build();
  }

  static NodeDef floats(String name, long[] shape, float... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return WeightConstants.constant(name, DataType.DT_FLOAT, shape, b.array());
  }

  static AttrValue type(DataType t) {
    return AttrValue.newBuilder().setType(t).build();
  }

  static AttrValue ints(long... v) {
    AttrValue.ListValue.Builder l = AttrValue.ListValue.newBuilder();
    for (long x : v) {
      l.addI(x);
    }
    return AttrValue.newBuilder().setList(l).build();
  }

  static AttrValue strings(String... v) {
    AttrValue.ListValue.Builder l = AttrValue.ListValue.newBuilder();
    for (String x : v) {
      l.addS(ByteString.copyFrom(x, StandardCharsets.UTF_8));
    }
    return AttrValue.newBuilder().setList(l).build();
  }

  static AttrValue string(String v) {
    return AttrValue.newBuilder().setS(ByteString.copyFrom(v, StandardCharsets.UTF_8)).build();
  }

  /** A TF.js fused node as the converter writes it: {@code fused_ops}, {@code num_args}, T. */
  static NodeDef.Builder fused(String op, String name, List<String> inputs, String... fusedOps) {
    NodeDef.Builder b = NodeDef.newBuilder().setName(name).setOp(op)
        .putAttr("T", type(DataType.DT_FLOAT))
        .putAttr("fused_ops", strings(fusedOps))
        .putAttr("num_args", AttrValue.newBuilder().setI(inputs.size() - 2).build());
    inputs.forEach(b::addInput);
    return b;
  }

  /**
   * Rewrites every node with {@link FusedOps}, imports the graph into TensorFlow, feeds {@code x}
   * (shape {@code shape}) to the placeholder {@code x} and returns {@code output}'s values.
   */
  static float[] run(List<NodeDef> nodes, long[] shape, float[] x, String output) {
    GraphDef.Builder g = GraphDef.newBuilder();
    for (NodeDef n : nodes) {
      FusedOps.rewrite(n).forEach(g::addNode);
    }
    return runGraph(g.build(), shape, x, output);
  }

  static float[] runGraph(GraphDef def, long[] shape, float[] x, String output) {
    try (Graph graph = new Graph()) {
      graph.importGraphDef(def);
      try (Session s = new Session(graph);
          TFloat32 in = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(x, true, false));
          Result r = s.runner().feed("x", in).fetch(output).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        float[] out = new float[Math.toIntExact(t.shape().size())];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
      }
    }
  }

  /** Values 0.37 * (i - n/2) with a wobble: both signs, no two alike, deterministic. */
  static float[] ramp(int n, float scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = scale * (float) ((i - n / 2.0) * 0.37 + 0.5 * Math.sin(i * 1.7));
    }
    return v;
  }
}
