package eyegan.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

class GraphOpsTest {
  /** out = call(square, a + b) with a control dependency on "gate"; "unused" hangs off a but is never needed. */
  private static GraphDef sample() {
    try (Graph g = new Graph();
        ConcreteFunction square = ConcreteFunction.create(f -> {
          Operand<TFloat32> x = f.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
          return Signature.builder().key("square").input("x", x).output("y", f.withName("sq").math.square(x)).build();
        })) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> a = tf.withName("a").placeholder(TFloat32.class);
      Operand<TFloat32> b = tf.withName("b").placeholder(TFloat32.class);
      tf.withName("unused").math.neg(a);
      var gate = tf.withName("gate").noOp();
      Operand<TFloat32> sum = tf.withControlDependencies(List.of(gate)).withName("sum").math.add(a, b);
      tf.withName("out").identity(square.call(tf, sum));
      return g.toGraphDef();
    }
  }

  @Test
  void followsDataAndControlInputsAndEntersCalledFunctions() {
    GraphDef def = sample();
    Set<String> ops = GraphOps.needed(def, List.of("out:0")).stream().map(NodeDef::getOp).collect(Collectors.toSet());
    Set<String> names = GraphOps.needed(def, List.of("out")).stream().map(NodeDef::getName).collect(Collectors.toSet());
    assertTrue(names.containsAll(Set.of("out", "sum", "a", "b", "gate")), names.toString());
    assertTrue(!names.contains("unused"), "a node nothing needs is left out: " + names);
    assertTrue(ops.contains("Square"), "the called function's body is walked: " + ops);
  }

  @Test
  void onlyWhatTheTargetsNeed() {
    List<NodeDef> nodes = GraphOps.needed(sample(), List.of("unused"));
    assertEquals(Set.of("unused", "a"), nodes.stream().map(NodeDef::getName).collect(Collectors.toSet()));
  }

  @Test
  void unknownTargetIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GraphOps.needed(sample(), List.of("nope:0")));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }

  @Test
  void dtypesNameEachTypeAttributeInOrder() {
    Map<String, AttrValue> attrs = Map.of(
        "T", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build(),
        "Tidx", AttrValue.newBuilder().setType(DataType.DT_INT32).build(),
        "Tlist", AttrValue.newBuilder().setList(AttrValue.ListValue.newBuilder()
            .addType(DataType.DT_INT64).addType(DataType.DT_STRING)).build(),
        "keep_dims", AttrValue.newBuilder().setB(true).build(),
        "_class", AttrValue.newBuilder().setType(DataType.DT_DOUBLE).build());
    assertEquals("T=float32, Tidx=int32, Tlist=[int64,string]", GraphOps.dtypes(attrs));
    assertEquals("", GraphOps.dtypes(Map.of()));
  }

  @Test
  void inputNames() {
    assertEquals("x", GraphOps.nodeName("^x"));
    assertEquals("x/y", GraphOps.nodeName("x/y:2"));
    assertEquals("x", GraphOps.nodeName("x"));
    // keep the int32 import honest: a typed placeholder's default dtype attr is what the registry sees
    try (Graph g = new Graph()) {
      Ops.create(g).withName("p").placeholder(TInt32.class);
      assertEquals("dtype=int32", GraphOps.dtypes(g.toGraphDef().getNode(0).getAttrMap()));
    }
  }
}
