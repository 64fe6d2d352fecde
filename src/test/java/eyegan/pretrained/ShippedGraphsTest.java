package eyegan.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.GraphDef;

/** What the jar ships beside each graph: provenance that matches the bytes, and the licence texts. */
class ShippedGraphsTest {
  private static byte[] resource(String path) throws IOException {
    try (InputStream in = ShippedGraphsTest.class.getResourceAsStream(path)) {
      assertNotNull(in, "missing resource " + path);
      return in.readAllBytes();
    }
  }

  @Test
  void everyGraphHasProvenanceMatchingItsBytesAndItsLicences() throws IOException {
    long total = 0;
    for (PretrainedNetwork n : PretrainedNetwork.values()) {
      byte[] graph = resource(n.resource());
      total += graph.length;
      JsonNode p = new ObjectMapper().readTree(resource(n.provenanceResource()));
      assertEquals(Sha256.hex(graph), p.get("converted_sha256").asText(), n + ": the graph is the one the provenance describes");
      assertEquals(n.npmPackage(), p.get("npm_package").asText());
      assertEquals(n.version(), p.get("version").asText());
      assertTrue(p.get("source_files").size() >= 2 && p.get("tarball_sha256").asText().matches("[0-9a-f]{64}"));
      for (PretrainedNetwork.Licence l : n.licences()) {
        String text = new String(resource("/eyegan/pretrained/licences/" + l.file()), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("MIT License") || text.contains("Apache License"), l.file());
      }
      GraphDef def = GraphDef.parseFrom(graph);
      assertTrue(def.getNodeList().stream().noneMatch(d -> d.getOp().startsWith("_Fused") || d.getOp().startsWith("Fused")
          || d.getOp().equals("Prelu")), n + " holds only core ops");
    }
    assertTrue(total < 12L << 20, "the shipped graphs stay under 12 MB: " + total);
  }
}
