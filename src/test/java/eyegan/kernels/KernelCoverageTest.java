package eyegan.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.Preset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.DeviceSpec;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;

/**
 * The checker itself, with whatever natives the build links (the CPU build in a plain {@code mvn
 * test}): the answers used here hold for both builds.
 */
class KernelCoverageTest {
  private static final KernelRegistry REGISTRY = KernelRegistry.loaded();
  private static final DeviceSpec HOST = DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.CPU).deviceIndex(0).build();

  @Test
  void everyOpOfEveryGraphHasACpuKernel() {
    // These graphs run on the CPU in the rest of the suite, so a CPU kernel must be found for each.
    for (KernelCoverage.Part part : CheckedGraphs.check("tiny", Preset.TINY.model(), CheckedGraphs.EVERY_OPTION, REGISTRY,
        KernelRegistry.CPU)) {
      assertTrue(part.nodes() > 10, part.name() + " has nodes");
      assertEquals(List.of(), part.uses().stream().filter(u -> !u.hasKernel()).toList(), part.name());
    }
  }

  @Test
  void onlyThePngEncodingIsPinnedToTheHost() {
    // Whatever the natives: the graphs themselves say where the PNG loop runs, and nothing else is pinned.
    for (KernelCoverage.Part part : CheckedGraphs.check("tiny", Preset.TINY.model(), CheckedGraphs.EVERY_OPTION, REGISTRY,
        KernelRegistry.GPU)) {
      List<String> pinned = part.onHost().stream().map(KernelCoverage.Use::op).distinct().sorted().toList();
      if (part.name().endsWith("generate_png")) {
        assertTrue(pinned.containsAll(List.of("EncodePng", "GatherV2", "StatelessWhile", "TensorScatterUpdate")), pinned.toString());
      } else {
        assertEquals(List.of(), pinned, part.name());
      }
    }
  }

  @Test
  void buildIsReportedAsTheLinkedNatives() {
    boolean cudaJar = KernelRegistry.class.getResource(
        "/org/tensorflow/internal/c_api/linux-x86_64-gpu/libjnitensorflow.so") != null;
    assertEquals(cudaJar, REGISTRY.isCudaBuild());
  }

  @Test
  void kernelConstraintsAreMatchedOnTheNodesDtype() {
    // Neg has CPU kernels for float and int32 but none for strings (TensorFlow's cwise_op_neg).
    assertTrue(REGISTRY.find(node("Neg", DataType.DT_FLOAT), KernelRegistry.CPU).isPresent());
    assertFalse(REGISTRY.find(node("Neg", DataType.DT_STRING), KernelRegistry.CPU).isPresent());
    // No build of TensorFlow has a GPU kernel for EncodePng.
    assertFalse(REGISTRY.find(node("EncodePng", DataType.DT_UINT8), KernelRegistry.GPU).isPresent());
    // A labelled kernel is chosen only by a node that asks for the label.
    assertFalse(REGISTRY.find(node("NoOp", null).toBuilder()
        .putAttr("_kernel", AttrValue.newBuilder().setS(com.google.protobuf.ByteString.copyFromUtf8("no-such-label")).build())
        .build(), KernelRegistry.CPU).isPresent());
  }

  @Test
  void anOpWithoutAGpuKernelIsAProblemUnlessListedAndPinnedToTheHost() {
    GraphDef def;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TUint8> image = tf.withName("image").placeholder(TUint8.class);
      tf.withName("loose").image.encodePng(image);
      tf.withDevice(HOST).withName("pinned").image.encodePng(image);
      Operand<TString> jpeg = tf.withName("jpeg").placeholder(TString.class);
      tf.withDevice(HOST).withName("unlisted").image.decodeJpeg(jpeg);
      def = g.toGraphDef();
    }
    KernelCoverage.Use loose = single(def, "loose");
    assertFalse(loose.hasKernel());
    assertFalse(loose.pinnedToHost());
    assertTrue(loose.problem(), "left to the placer, it would move to the CPU silently");
    KernelCoverage.Use pinned = single(def, "pinned");
    assertTrue(pinned.pinnedToHost());
    assertTrue(pinned.hostReason() != null);
    assertFalse(pinned.problem(), "listed, with a reason, and pinned");
    KernelCoverage.Use unlisted = single(def, "unlisted");
    assertTrue(unlisted.pinnedToHost());
    assertTrue(unlisted.problem(), "pinned but not on the list of host ops: nobody said why");
  }

  private static KernelCoverage.Use single(GraphDef def, String target) {
    KernelCoverage.Part part = KernelCoverage.check(target, def, List.of(target), REGISTRY, KernelRegistry.GPU);
    return part.uses().stream().filter(u -> u.example().equals(target)).findFirst().orElseThrow();
  }

  private static NodeDef node(String op, DataType t) {
    NodeDef.Builder b = NodeDef.newBuilder().setName("n").setOp(op);
    if (t != null) {
      b.putAttr("T", AttrValue.newBuilder().setType(t).build());
    }
    return b.build();
  }
}
