package eyegan.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.GraphDef;

/**
 * The converter end to end on tiny graph models written in both packagings, and its readers: the
 * weight encodings TF.js defines (float32, float16, uint8/uint16-quantised, int32) decoded to the
 * values TF.js's {@code decodeWeights} computes, written here from its formulas.
 */
class TfjsConverterTest {
  @TempDir Path tmp;

  /**
   * A graph model computing {@code y = x * w + c} element-wise over 4 values, w stored as {@code
   * wEncoding} and c as float32, followed in the same group by an int32 weight that nothing uses.
   */
  private static String modelJson(String wEncoding, String paths) {
    String quant = switch (wEncoding) {
      case "float32" -> "";
      case "float16" -> ",\"quantization\":{\"dtype\":\"float16\"}";
      default -> ",\"quantization\":{\"dtype\":\"" + wEncoding + "\",\"min\":-1.5,\"scale\":0.1}";
    };
    return "{\"format\":\"graph-model\",\"modelTopology\":{\"node\":["
        + "{\"name\":\"x\",\"op\":\"Placeholder\",\"attr\":{\"dtype\":{\"type\":\"DT_FLOAT\"},\"shape\":{\"shape\":{\"dim\":[{\"size\":\"4\"}]}}}},"
        + "{\"name\":\"w\",\"op\":\"Const\",\"attr\":{\"value\":{\"tensor\":{\"dtype\":\"DT_FLOAT\",\"tensorShape\":{\"dim\":[{\"size\":\"4\"}]}}},\"dtype\":{\"type\":\"DT_FLOAT\"}}},"
        + "{\"name\":\"c\",\"op\":\"Const\",\"attr\":{\"value\":{\"tensor\":{\"dtype\":\"DT_FLOAT\",\"tensorShape\":{\"dim\":[{\"size\":\"4\"}]}}},\"dtype\":{\"type\":\"DT_FLOAT\"}}},"
        + "{\"name\":\"xw\",\"op\":\"Mul\",\"input\":[\"x\",\"w\"],\"attr\":{\"T\":{\"type\":\"DT_FLOAT\"}},\"device\":\"/device:CPU:0\"},"
        + "{\"name\":\"y\",\"op\":\"AddV2\",\"input\":[\"xw\",\"c\"],\"attr\":{\"T\":{\"type\":\"DT_FLOAT\"}}}"
        + "],\"library\":{},\"versions\":{\"producer\":175}},"
        + "\"weightsManifest\":[{\"paths\":[" + paths + "],\"weights\":["
        + "{\"name\":\"w\",\"shape\":[4],\"dtype\":\"float32\"" + quant + "},"
        + "{\"name\":\"c\",\"shape\":[4],\"dtype\":\"float32\"},"
        + "{\"name\":\"unused\",\"shape\":[2],\"dtype\":\"int32\"}]}]}";
  }

  private static final float[] C = {0.25f, -0.5f, 1f, 2f};
  private static final float[] X = {1f, -2f, 3f, 0.5f};

  /** The weight bytes: w as encoded, then c as float32, then two int32. */
  private static byte[] weights(byte[] w) {
    ByteBuffer b = ByteBuffer.allocate(w.length + 16 + 8).order(ByteOrder.LITTLE_ENDIAN);
    b.put(w);
    for (float v : C) {
      b.putFloat(v);
    }
    b.putInt(7).putInt(-7);
    return b.array();
  }

  private float[] convertAndRun(TfjsArtifacts artifacts) {
    GraphDef g = TfjsConverter.convert(artifacts);
    assertTrue(g.getNodeList().stream().allMatch(n -> n.getDevice().isEmpty()), "devices are cleared");
    return TinyGraphs.runGraph(g, new long[] {4}, X, "y");
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  @Test
  void uint8WeightsDequantiseAsTfjsDoesInDoubleThenFloat() throws IOException {
    byte[] q = {0, 15, (byte) 200, (byte) 255};
    Path model = write("model.json", modelJson("uint8", "\"group1-shard1of1.bin\"").getBytes(StandardCharsets.UTF_8));
    write("group1-shard1of1.bin", weights(q));
    float[] y = convertAndRun(TfjsArtifacts.read(model));
    for (int i = 0; i < 4; i++) {
      float w = (float) ((q[i] & 0xFF) * 0.1 + -1.5); // TF.js: values[i] = v * scale + min, into a Float32Array
      assertEquals(X[i] * w + C[i], y[i], 0f, "bit-identical dequantisation at " + i);
    }
  }

  @Test
  void uint16AndFloat16AndFloat32WeightsKeepTheirValues() throws IOException {
    // uint16 little-endian: 0, 1000, 40000, 65535
    ByteBuffer u16 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    int[] q = {0, 1000, 40000, 65535};
    for (int v : q) {
      u16.putShort((short) v);
    }
    Path model = write("model.json", modelJson("uint16", "\"a.bin\"").getBytes(StandardCharsets.UTF_8));
    write("a.bin", weights(u16.array()));
    float[] y = convertAndRun(TfjsArtifacts.read(model));
    for (int i = 0; i < 4; i++) {
      assertEquals(X[i] * (float) (q[i] * 0.1 + -1.5) + C[i], y[i], 0f);
    }
    // float16: 1.0 = 0x3C00, -2.0 = 0xC000, 0.333251953125 = 0x3555, 65504 = 0x7BFF (IEEE 754 binary16)
    ByteBuffer f16 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    for (int h : new int[] {0x3C00, 0xC000, 0x3555, 0x7BFF}) {
      f16.putShort((short) h);
    }
    write("model.json", modelJson("float16", "\"a.bin\"").getBytes(StandardCharsets.UTF_8));
    write("a.bin", weights(f16.array()));
    float[] half = {1f, -2f, 0.333251953125f, 65504f};
    y = convertAndRun(TfjsArtifacts.read(model));
    for (int i = 0; i < 4; i++) {
      assertEquals(X[i] * half[i] + C[i], y[i], 0f);
    }
    ByteBuffer f32 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    float[] plain = {0.1f, -3f, 1e-20f, 7.5f};
    for (float v : plain) {
      f32.putFloat(v);
    }
    write("model.json", modelJson("float32", "\"a.bin\"").getBytes(StandardCharsets.UTF_8));
    write("a.bin", weights(f32.array()));
    y = convertAndRun(TfjsArtifacts.read(model));
    for (int i = 0; i < 4; i++) {
      assertEquals(X[i] * plain[i] + C[i], y[i], 0f);
    }
  }

  @Test
  void readsTheBase64InJavaScriptPackagingWithShardsJoinedInOrder() throws IOException {
    byte[] q = {10, 20, 30, 40};
    byte[] all = weights(q);
    // Two shards splitting the weights mid-value, as TF.js shards split any byte stream.
    byte[] first = java.util.Arrays.copyOfRange(all, 0, 7);
    byte[] second = java.util.Arrays.copyOfRange(all, 7, all.length);
    // A minified literal: unquoted keys, !0 for true, .5-style numbers, as model.min.js holds them.
    String literal = modelJson("uint8", "\"group1-shard1of2\",\"group1-shard2of2\"")
        .replace("\"name\":", "name:").replace("\"op\":", "op:").replace("\"min\":-1.5", "min:-1.5").replace("\"scale\":0.1", "scale:.1");
    String bundle = "!function(t){module.exports=t()}(function(){return function t(e,a,l){}({1:[function(t,e,a){e.exports="
        + literal + "},{}]},{},[1])(1)});";
    Path model = write("model.min.js", bundle.getBytes(StandardCharsets.UTF_8));
    write("group1-shard1of2.min.js", shardModule(first));
    write("group1-shard2of2.min.js", shardModule(second));
    TfjsArtifacts a = TfjsArtifacts.read(model);
    assertArrayEquals(first, a.shards().get("group1-shard1of2"));
    assertEquals(3, a.sources().size(), "model and both shards are recorded for provenance");
    float[] y = convertAndRun(a);
    for (int i = 0; i < 4; i++) {
      assertEquals(X[i] * (float) (q[i] * 0.1 + -1.5) + C[i], y[i], 0f);
    }
  }

  private static byte[] shardModule(byte[] bytes) {
    return ("!function(i){module.exports=i()}(function(){return function i(m,h,Z){}({1:[function(i,m,h){m.exports=\""
        + Base64.getEncoder().encodeToString(bytes) + "\"},{}]},{},[1])(1)});").getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void conversionIsByteIdenticalOnRerun() throws IOException {
    Path model = write("model.json", modelJson("uint8", "\"w.bin\"").getBytes(StandardCharsets.UTF_8));
    write("w.bin", weights(new byte[] {1, 2, 3, 4}));
    byte[] a = TfjsConverter.convertToBytes(TfjsArtifacts.read(model));
    byte[] b = TfjsConverter.convertToBytes(TfjsArtifacts.read(model));
    assertArrayEquals(a, b);
  }

  @Test
  void inconsistentModelsAreRefusedWithTheirReason() throws IOException {
    Path model = write("model.json", modelJson("float32", "\"w.bin\"").getBytes(StandardCharsets.UTF_8));
    write("w.bin", new byte[20]); // 40 bytes described
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TfjsConverter.convert(TfjsArtifacts.read(model)));
    assertTrue(e.getMessage().contains("runs past the end"), e.getMessage());
    write("model.json", modelJson("float32", "\"w.bin\"").replace("\"name\":\"c\",\"shape\":[4]", "\"name\":\"c\",\"shape\":[2,2]")
        .getBytes(StandardCharsets.UTF_8));
    write("w.bin", weights(new byte[16]));
    e = assertThrows(IllegalArgumentException.class, () -> TfjsConverter.convert(TfjsArtifacts.read(model)));
    assertTrue(e.getMessage().contains("shape"), e.getMessage());
  }

  @Test
  void jsLiteralsReadAsTheirJsonEquivalent() {
    JsonNode n = JsLiteral.parse(" {a:1,'b':[!0,!1,null,.5,-.25,1e-3,\"q\\\"x\\u0041\"],c:{d:-7},}", 0);
    assertEquals(1, n.get("a").asInt());
    assertTrue(n.get("b").get(0).asBoolean());
    assertTrue(!n.get("b").get(1).asBoolean());
    assertTrue(n.get("b").get(2).isNull());
    assertEquals(0.5, n.get("b").get(3).asDouble());
    assertEquals(-0.25, n.get("b").get(4).asDouble());
    assertEquals(0.001, n.get("b").get(5).asDouble());
    assertEquals("q\"xA", n.get("b").get(6).asText());
    assertEquals(-7, n.get("c").get("d").asInt());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsLiteral.parse("{a:f(1)}", 0));
    assertTrue(e.getMessage().contains("not a literal"), e.getMessage());
  }
}
