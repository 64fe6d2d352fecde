package eyegan.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.VersionDef;

/**
 * Converts a TensorFlow.js graph model into a frozen TensorFlow GraphDef that {@code
 * Graph.importGraphDef} accepts: weights become constants ({@link WeightConstants}), TF.js-only
 * and fused ops become core ops ({@link FusedOps}), every other node is kept as written. Node
 * names are kept, so the model's input and output names are those of its {@code signature}.
 *
 * <p>Deterministic: the same files give the same bytes (nodes in the model's order, attributes
 * serialised sorted), which is what lets {@code regenerate.sh} check the shipped graphs by SHA-256.
 */
final class TfjsConverter {
  private TfjsConverter() {}

  /** The converted graph of {@code artifacts}. */
  static GraphDef convert(TfjsArtifacts artifacts) {
    JsonNode topology = artifacts.model().get("modelTopology");
    JsonNode library = topology.path("library");
    if (library.path("function").size() > 0) {
      throw new IllegalArgumentException("the model holds functions (control flow); only plain graphs are supported");
    }
    Map<String, List<NodeDef>> weights = WeightConstants.decode(artifacts.model().get("weightsManifest"), artifacts.shards());
    GraphDef.Builder graph = GraphDef.newBuilder();
    Set<String> names = new HashSet<>();
    for (JsonNode json : topology.get("node")) {
      NodeDef node = GraphJson.node(json);
      List<NodeDef> nodes;
      if (node.getOp().equals("Const")) {
        nodes = weights.get(node.getName());
        if (nodes == null) {
          throw new IllegalArgumentException("constant " + node.getName() + " has no weight in the manifest");
        }
        checkAgainstDeclared(node, nodes.get(nodes.size() - 1), nodes);
      } else {
        nodes = FusedOps.rewrite(node);
      }
      for (NodeDef n : nodes) {
        if (!names.add(n.getName())) {
          throw new IllegalArgumentException("two nodes named " + n.getName() + " after conversion");
        }
        graph.addNode(n);
      }
    }
    JsonNode producer = topology.path("versions").path("producer");
    if (!producer.isMissingNode()) {
      graph.setVersions(VersionDef.newBuilder().setProducer(producer.asInt()));
    }
    return graph.build();
  }

  /** {@link #convert} serialised with sorted maps, so equal graphs are equal bytes. */
  static byte[] convertToBytes(TfjsArtifacts artifacts) {
    return serialize(convert(artifacts));
  }

  static byte[] serialize(GraphDef graph) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(graph.getSerializedSize());
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.useDeterministicSerialization();
      graph.writeTo(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The dtype and shape a Const node declares must be those of its weight: a mismatch means the
   * manifest and the topology disagree, and the graph would fail later with a less clear message.
   */
  private static void checkAgainstDeclared(NodeDef declared, NodeDef last, List<NodeDef> nodes) {
    if (!declared.containsAttr("value")) {
      return;
    }
    TensorProto want = declared.getAttrOrThrow("value").getTensor();
    DataType got = last.getOp().equals("Const")
        ? last.getAttrOrThrow("dtype").getType()
        : last.getAttrOrThrow("DstT").getType();
    if (want.getDtype() != got) {
      throw new IllegalArgumentException("constant " + declared.getName() + " is " + want.getDtype()
          + " in the topology but " + got + " in the manifest");
    }
    TensorProto stored = nodes.get(0).getAttrOrThrow("value").getTensor();
    if (!want.getTensorShape().getDimList().equals(stored.getTensorShape().getDimList())) {
      throw new IllegalArgumentException("constant " + declared.getName() + " has shape "
          + want.getTensorShape().getDimList() + " in the topology but " + stored.getTensorShape().getDimList() + " in the manifest");
    }
  }
}
