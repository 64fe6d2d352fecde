package eyegan.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;

/**
 * The REST contract, from TF Serving's REST API documentation (api_rest.md) and its handler tests:
 * model status and metadata bodies in the proto3 JSON form TF Serving prints, predict in row
 * ({@code instances} -> {@code predictions}) and columnar ({@code inputs} -> {@code outputs})
 * form, single and multiple named outputs, and {@code {"b64": ...}} for outputs named
 * {@code *_bytes}. Values are checked against the SavedModel run by plain TensorFlow Java.
 */
class RestContractTest {
  private static final float TOLERANCE = 1e-6f;

  private static ReferenceModel model;
  private static EyeganServer server;
  private static Http http;

  @BeforeAll
  static void serve() throws Exception {
    model = ReferenceModel.shared();
    server = EyeganServer.start(ServeOptions.defaults(model.base).withPort(0).withPollSeconds(0), line -> {});
    http = new Http(server.uri());
  }

  @AfterAll
  static void stop() {
    server.close();
    model.close();
  }

  @Test
  void modelStatusIsTheDocumentedBody() throws Exception {
    // api_rest.md's example for half_plus_three, version 123; here the one version is 1
    JsonNode expected = Http.JSON.readTree("""
        {"model_version_status": [{"version": "1", "state": "AVAILABLE",
                                   "status": {"error_code": "OK", "error_message": ""}}]}""");
    for (String path : List.of("/v1/models/eyegan", "/v1/models/eyegan/versions/1")) {
      Http.Reply r = http.get(path);
      assertEquals(200, r.status(), path);
      assertTrue(r.contentType().startsWith("application/json"), r.contentType());
      assertEquals(expected, r.json(), path);
    }
  }

  @Test
  void metadataIsGetModelMetadataResponseWithEverySignature() throws Exception {
    // The layout of TF Serving's saved_model_half_plus_two_2_versions_metadata.json; dtypes and
    // shapes from the signature table in docs/serving.md (R = 32 for tiny, D = 100); graph tensor names as
    // the SavedModel file records them.
    SavedModel file = SavedModel.parseFrom(Files.readAllBytes(model.base.resolve("1/saved_model.pb")));
    var defs = file.getMetaGraphs(0).getSignatureDefMap();
    String dyn = "{\"size\": \"-1\", \"name\": \"\"}";
    String noise = "{\"dtype\": \"DT_FLOAT\", \"tensor_shape\": {\"dim\": [" + dyn + ", {\"size\": \"100\", \"name\": \"\"}],"
        + " \"unknown_rank\": false}, \"name\": \"%s\"}";
    String images = "{\"dtype\": \"DT_FLOAT\", \"tensor_shape\": {\"dim\": [" + dyn + ", {\"size\": \"32\", \"name\": \"\"},"
        + " {\"size\": \"32\", \"name\": \"\"}, {\"size\": \"3\", \"name\": \"\"}], \"unknown_rank\": false}, \"name\": \"%s\"}";
    String seeds = "{\"dtype\": \"DT_INT64\", \"tensor_shape\": {\"dim\": [" + dyn + "], \"unknown_rank\": false}, \"name\": \"%s\"}";
    String png = "{\"dtype\": \"DT_STRING\", \"tensor_shape\": {\"dim\": [" + dyn + "], \"unknown_rank\": false}, \"name\": \"%s\"}";
    String predict = "\"method_name\": \"tensorflow/serving/predict\", \"defaults\": {}";
    String expected = "{\"model_spec\": {\"name\": \"eyegan\", \"signature_name\": \"\", \"version\": \"1\"},"
        + " \"metadata\": {\"signature_def\": {\"signature_def\": {"
        + "\"generate_from_seeds\": {\"inputs\": {\"seeds\": " + seeds.formatted(in(defs.get("generate_from_seeds"), "seeds"))
        + "}, \"outputs\": {\"images\": " + images.formatted(out(defs.get("generate_from_seeds"), "images"))
        + ", \"noise\": " + noise.formatted(out(defs.get("generate_from_seeds"), "noise")) + "}, " + predict + "},"
        + "\"generate_png\": {\"inputs\": {\"seeds\": " + seeds.formatted(in(defs.get("generate_png"), "seeds"))
        + "}, \"outputs\": {\"png_bytes\": " + png.formatted(out(defs.get("generate_png"), "png_bytes")) + "}, " + predict + "},"
        + "\"serving_default\": {\"inputs\": {\"noise\": " + noise.formatted(in(defs.get("serving_default"), "noise"))
        + "}, \"outputs\": {\"images\": " + images.formatted(out(defs.get("serving_default"), "images")) + "}, " + predict + "}"
        + "}}}}";
    assertEquals(3, defs.size(), "the export has eyegan's three signatures and no others: " + defs.keySet());
    for (String path : List.of("/v1/models/eyegan/metadata", "/v1/models/eyegan/versions/1/metadata")) {
      Http.Reply r = http.get(path);
      assertEquals(200, r.status(), r.body());
      assertEquals(Http.JSON.readTree(expected), r.json(), path);
    }
  }

  @Test
  void rowFormatNoiseGivesOnePredictionPerInstance() throws Exception {
    float[][] z = noise(2, 1);
    Http.Reply r = http.post("/v1/models/eyegan:predict", "{\"instances\": " + Http.JSON.writeValueAsString(z) + "}");
    assertEquals(200, r.status(), r.body());
    JsonNode body = r.json();
    assertEquals(List.of("predictions"), fields(body));
    assertImages(model.images(z), body.get("predictions"), 2);
  }

  @Test
  void rowFormatAcceptsObjectsNamingTheInput() throws Exception {
    float[][] z = noise(2, 2);
    String body = "{\"signature_name\": \"serving_default\", \"instances\": [{\"noise\": " + Http.JSON.writeValueAsString(z[0])
        + "}, {\"noise\": " + Http.JSON.writeValueAsString(z[1]) + "}]}";
    Http.Reply r = http.post("/v1/models/eyegan/versions/1:predict", body);
    assertEquals(200, r.status(), r.body());
    assertImages(model.images(z), r.json().get("predictions"), 2);
  }

  @Test
  void columnarFormatGivesOutputsWithTheOnlyOutputUnnamed() throws Exception {
    // api_rest.md: {"inputs": [3.0, 4.0]} -> {"outputs": [3.5, 4.0]}: one output, name omitted
    float[][] z = noise(3, 3);
    for (String body : List.of("{\"inputs\": " + Http.JSON.writeValueAsString(z) + "}",
        "{\"inputs\": {\"noise\": " + Http.JSON.writeValueAsString(z) + "}}")) {
      Http.Reply r = http.post("/v1/models/eyegan:predict", body);
      assertEquals(200, r.status(), r.body());
      assertEquals(List.of("outputs"), fields(r.json()));
      assertImages(model.images(z), r.json().get("outputs"), 3);
    }
  }

  @Test
  void bytesOutputsComeAsBase64Objects() throws Exception {
    // png_bytes ends in _bytes: each value is {"b64": <base64 of the PNG file>}
    byte[][] expected = model.pngs(42, 43);
    Http.Reply row = http.post("/v1/models/eyegan:predict", "{\"signature_name\": \"generate_png\", \"instances\": [42, 43]}");
    assertEquals(200, row.status(), row.body());
    JsonNode predictions = row.json().get("predictions");
    assertEquals(2, predictions.size());
    for (int i = 0; i < 2; i++) {
      assertEquals(List.of("b64"), fields(predictions.get(i)));
      assertArrayEquals(expected[i], Base64.getDecoder().decode(predictions.get(i).get("b64").textValue()));
    }
    Http.Reply col = http.post("/v1/models/eyegan:predict", "{\"signature_name\": \"generate_png\", \"inputs\": {\"seeds\": [43]}}");
    assertEquals(200, col.status(), col.body());
    assertArrayEquals(expected[1], Base64.getDecoder().decode(col.json().get("outputs").get(0).get("b64").textValue()));
  }

  @Test
  void severalOutputsAreObjectsPerRowOrOneObjectOfColumns() throws Exception {
    // api_rest.md: several named outputs -> a list of objects (row) or an object (columnar)
    float[][] ref = model.fromSeeds(42, 7);
    Http.Reply row = http.post("/v1/models/eyegan:predict", "{\"signature_name\": \"generate_from_seeds\", \"instances\": [42, 7]}");
    assertEquals(200, row.status(), row.body());
    JsonNode predictions = row.json().get("predictions");
    assertEquals(2, predictions.size());
    for (int i = 0; i < 2; i++) {
      JsonNode p = predictions.get(i);
      assertEquals(List.of("images", "noise"), fields(p));
      assertValues(ref[0], i * ReferenceModel.R * ReferenceModel.R * 3, p.get("images"), ReferenceModel.R, ReferenceModel.R, 3);
      assertValues(ref[1], i * ReferenceModel.D, p.get("noise"), ReferenceModel.D);
    }
    Http.Reply col = http.post("/v1/models/eyegan:predict", "{\"signature_name\": \"generate_from_seeds\", \"inputs\": {\"seeds\": [42, 7]}}");
    assertEquals(200, col.status(), col.body());
    JsonNode outputs = col.json().get("outputs");
    assertEquals(List.of("images", "noise"), fields(outputs));
    assertValues(ref[0], 0, outputs.get("images"), 2, ReferenceModel.R, ReferenceModel.R, 3);
    assertValues(ref[1], 0, outputs.get("noise"), 2, ReferenceModel.D);
  }

  @Test
  void anEmptyColumnarBatchGivesEmptyOutputs() throws Exception {
    // dimension 0 may be 0: a [0] seed tensor is valid and its answers are [0, ...] tensors
    Http.Reply png = http.post("/v1/models/eyegan:predict", "{\"signature_name\": \"generate_png\", \"inputs\": []}");
    assertEquals(200, png.status(), png.body());
    assertEquals(Http.JSON.readTree("{\"outputs\": []}"), png.json());
    Http.Reply both = http.post("/v1/models/eyegan:predict", "{\"signature_name\": \"generate_from_seeds\", \"inputs\": {\"seeds\": []}}");
    assertEquals(200, both.status(), both.body());
    assertEquals(Http.JSON.readTree("{\"outputs\": {\"images\": [], \"noise\": []}}"), both.json());
  }

  @Test
  void nanAndInfinityAreJsonTokensBothWays() throws Exception {
    // api_rest.md, "JSON conformance": NaN, Infinity and -Infinity are accepted and written bare
    float[] row = noise(1, 4)[0];
    StringBuilder b = new StringBuilder("{\"instances\": [[NaN, Infinity, -Infinity");
    for (int k = 3; k < ReferenceModel.D; k++) {
      b.append(", ").append(row[k]);
    }
    Http.Reply r = http.post("/v1/models/eyegan:predict", b.append("]]}").toString());
    assertEquals(200, r.status(), r.body());
    assertTrue(r.body().contains("NaN"), "NaN in, NaN out through the dense layer");
    assertTrue(r.json().get("predictions").get(0).get(0).get(0).get(0).isDouble());
  }

  @Test
  void thePageIsServedAtTheRoot() throws Exception {
    Http.Reply page = http.get("/");
    assertEquals(200, page.status());
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    assertTrue(page.body().contains("<meta name=\"eyegan-model\" content=\"eyegan\">"), "the page is told the model name");
    Http.Reply js = http.get("/eyegan.js");
    assertEquals(200, js.status());
    assertTrue(js.body().contains(":predict"));
  }

  private static String in(SignatureDef d, String alias) {
    return d.getInputsOrThrow(alias).getName();
  }

  private static String out(SignatureDef d, String alias) {
    return d.getOutputsOrThrow(alias).getName();
  }

  private static List<String> fields(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static float[][] noise(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] z = new float[n][ReferenceModel.D];
    for (float[] row : z) {
      for (int k = 0; k < row.length; k++) {
        row[k] = (float) random.nextGaussian();
      }
    }
    return z;
  }

  /** A list of n images, each [R][R][3], equal to {@code expected} (flattened NHWC). */
  private static void assertImages(float[] expected, JsonNode list, int n) {
    assertValues(expected, 0, list, n, ReferenceModel.R, ReferenceModel.R, 3);
  }

  /** {@code node} is a nested list of the given shape whose values equal expected[offset...]. */
  private static void assertValues(float[] expected, int offset, JsonNode node, int... shape) {
    int[] at = {offset};
    walk(expected, at, node, shape, 0);
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    assertEquals(offset + size, at[0]);
  }

  private static void walk(float[] expected, int[] at, JsonNode node, int[] shape, int dim) {
    if (dim == shape.length) {
      assertTrue(node.isNumber(), "a number at the deepest level: " + node);
      assertEquals(expected[at[0]], node.floatValue(), TOLERANCE, "value " + at[0]);
      at[0]++;
      return;
    }
    assertTrue(node.isArray() && node.size() == shape[dim], "a list of " + shape[dim] + " at level " + dim);
    for (JsonNode e : node) {
      walk(expected, at, e, shape, dim + 1);
    }
  }

}
