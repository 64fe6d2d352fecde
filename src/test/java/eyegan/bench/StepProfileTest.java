package eyegan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.Preset;
import eyegan.config.StepOptions;
import eyegan.runtime.SessionConfigs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.NodeOutput;
import org.tensorflow.proto.TensorDescription;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.TFloat32;

/** The step profile: op types and FLOPs read off TensorFlow's node statistics. */
class StepProfileTest {
  private static NodeExecStats node(String name, String label, long... outShape) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : outShape) {
      shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
    }
    return NodeExecStats.newBuilder().setNodeName(name).setTimelineLabel(label)
        .addOutput(NodeOutput.newBuilder().setSlot(0).setTensorDescription(TensorDescription.newBuilder().setShape(shape)))
        .build();
  }

  @Test
  void labelsGiveTypeAndInputs() {
    String label = "[mklcpu 0.1MB 0.1MB] Gradients/Conv2DBackpropInput_1 = _MklNativeConv2DBackpropInput(Gradients/Shape_49, disc_conv2_kernel, g:1)";
    try (Graph g = new Graph()) {
      assertEquals("_MklNativeConv2DBackpropInput", StepProfile.type(node("x", label), g));
    }
    assertEquals(List.of("Gradients/Shape_49", "disc_conv2_kernel", "g:1"), StepProfile.labelInputs(label));
  }

  @Test
  void convolutionAndProductFlopsFromShapes() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 8, 8, 3)));
      var k = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(3, 3, 3, 4)));
      var conv = tf.withName("conv").nn.conv2d(x, k, List.of(1L, 2L, 2L, 1L), "SAME");
      var a = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 10)));
      var w = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(10, 7)));
      tf.withName("matmul").linalg.matMul(a, w);
      // A batch of 2 at run time: [2, 4, 4, 4] out of the stride-2 convolution, each output value
      // 3*3*3 multiply-adds: 2 * (2*4*4*4) * 27 FLOPs; [2, 10] x [10, 7]: 2 * 2 * 10 * 7.
      NodeExecStats c = node("conv", "conv = Conv2D(" + x.op().name() + ", " + k.op().name() + ")", 2, 4, 4, 4);
      assertEquals(2.0 * 2 * 4 * 4 * 4 * 27, StepProfile.flops(c, "Conv2D", g, Map.of()), 0);
      NodeExecStats m = node("matmul", "matmul = MatMul(" + a.op().name() + ", " + w.op().name() + ")", 2, 7);
      assertEquals(2.0 * 2 * 10 * 7, StepProfile.flops(m, "MatMul", g, Map.of(a.op().name() + ":0", new long[] {2, 10})), 0);
      assertEquals(0, StepProfile.flops(node("nowhere", "", 1), "Conv2D", g, Map.of()), "a node not in the graph");
    }
  }

  @Test
  void theTinyStepIsMostlyConvolutionTime() {
    StepProfile.Result r = StepProfile.run(Preset.TINY.model(), StepOptions.TUTORIAL, 8, 1, 2, SessionConfigs.training());
    double shares = r.rows().stream().mapToDouble(StepProfile.Row::share).sum();
    assertEquals(1.0, shares, 1e-6, "shares of the node time add up");
    assertTrue(r.gflop() > 0, "convolutions and products counted");
    assertTrue(r.rows().stream().anyMatch(row -> row.type().contains("Conv2D") && row.gflop() > 0), r.table(40));
    assertTrue(r.table(5).contains("other types"), r.table(5));
  }
}
