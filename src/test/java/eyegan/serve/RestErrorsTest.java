package eyegan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad requests get TF Serving's error form, {@code {"error": "..."}}, with its status codes (400
 * for invalid input, 404 for an unknown model or version) and, where TF Serving's handler tests
 * pin a message, the same words; the server answers normally afterwards. This server's own limits
 * (batch size, body size) are enforced the same way.
 */
class RestErrorsTest {
  private static final int MAX_BATCH = 8;
  private static final long MAX_BODY = 64 * 1024;

  private static ReferenceModel model;
  private static EyeganServer server;
  private static Http http;
  private static final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void serve() throws Exception {
    model = ReferenceModel.shared();
    ServeOptions options = ServeOptions.defaults(model.base).withPort(0).withPollSeconds(0).withLimits(MAX_BATCH, MAX_BODY);
    server = EyeganServer.start(options, log::add);
    http = new Http(server.uri());
  }

  @AfterAll
  static void stop() {
    server.close();
    model.close();
  }

  static Stream<Arguments> badRequests() {
    String noise99 = "[" + "0.5, ".repeat(98) + "0.5]";
    String noise100 = "[" + "0.5, ".repeat(99) + "0.5]";
    String predict = "/v1/models/eyegan:predict";
    return Stream.of(
        // from TF Serving's http_rest_api_handler_test.cc
        Arguments.of("POST", predict, "", 400, "JSON Parse error: The document is empty"),
        Arguments.of("POST", predict, "instances = [1, 2]", 400, "JSON Parse error"),
        Arguments.of("POST", predict, "{ \"instances\": [\"x\", \"y\"] }", 400, "not of expected type: float"),
        Arguments.of("POST", predict, "{ \"signature_name\": 100 }", 400, "'signature_name' key must be a string value."),
        Arguments.of("POST", "/v1/models/foo:predict", "{ \"instances\": [1] }", 404, "Servable not found for request: Latest(foo)"),
        Arguments.of("POST", "/v1/models/eyegan/versions/50:predict", "{ \"instances\": [1] }", 404,
            "Servable not found for request: Specific(eyegan, 50)"),
        Arguments.of("GET", "/v1/foo", null, 400, "Malformed request"),
        Arguments.of("POST", "/v1/foo", "", 400, "Malformed request"),
        Arguments.of("GET", "/v1/models", null, 400, "Missing model name"),
        Arguments.of("GET", "/v1/models/eyegan:predict", null, 400, "Malformed request"),
        Arguments.of("POST", "/v1/models/eyegan/metadata", "", 400, "Malformed request"),
        Arguments.of("POST", "/v1/models/eyegan/versions/HELLO:predict", "{}", 400, "Malformed request"),
        Arguments.of("POST", "/v1/models/eyegan/versions/99999999999999999999:predict", "{}", 400, "Failed to convert version"),
        // from api_rest.md and json_tensor's rules
        Arguments.of("POST", predict, "[1, 2]", 400, "Is not object"),
        Arguments.of("POST", predict, "{\"instances\": [[1]], \"inputs\": [[1]]}", 400, "only one of 'inputs' or 'instances'"),
        Arguments.of("POST", predict, "{\"signature_name\": \"serving_default\"}", 400, "Missing 'inputs' or 'instances' key"),
        Arguments.of("POST", predict, "{\"instances\": []}", 400, "No values in 'instances' array"),
        Arguments.of("POST", predict, "{\"instances\": 5}", 400, "Expecting 'instances' to be an list/array"),
        Arguments.of("POST", predict, "{\"signature_name\": \"nope\", \"instances\": [1]}", 400,
            "Serving signature name: \"nope\" not found in signature def"),
        Arguments.of("POST", predict, "{\"inputs\": {\"z\": [[1]]}}", 400, "Missing named input: noise in 'inputs' object."),
        Arguments.of("POST", predict, "{\"instances\": [{\"z\": " + noise100 + "}]}", 400, "keys must be equal to: noise"),
        Arguments.of("POST", predict, "{\"instances\": [" + noise100 + ", {\"noise\": " + noise100 + "}]}", 400,
            "Expecting value/list but got object at item 1"),
        // wrong dtype: seeds are int64, so 42.5, 42.0 and "42" are refused as TF Serving refuses them
        Arguments.of("POST", predict, "{\"signature_name\": \"generate_png\", \"instances\": [42.5]}", 400,
            "not of expected type: int64"),
        Arguments.of("POST", predict, "{\"signature_name\": \"generate_png\", \"instances\": [42.0]}", 400,
            "not of expected type: int64"),
        Arguments.of("POST", predict, "{\"signature_name\": \"generate_png\", \"inputs\": [\"42\"]}", 400,
            "not of expected type: int64"),
        Arguments.of("POST", predict, "{\"instances\": [{\"b64\": \"AAAA\"}]}", 400, "not of expected type: float"),
        // wrong shapes: a short noise row, ragged rows, a seed list one level too deep, a scalar
        Arguments.of("POST", predict, "{\"instances\": [" + noise99 + "]}", 400, "has shape [1,99], but the signature takes [-1,100]"),
        Arguments.of("POST", predict, "{\"instances\": [" + noise100 + ", " + noise99 + "]}", 400,
            "Encountered list at unexpected size: 99 at level: 1 expected size: 100"),
        Arguments.of("POST", predict, "{\"signature_name\": \"generate_png\", \"instances\": [[42]]}", 400,
            "has shape [1,1], but the signature takes [-1]"),
        Arguments.of("POST", predict, "{\"signature_name\": \"generate_png\", \"inputs\": 42}", 400,
            "has shape [], but the signature takes [-1]"),
        Arguments.of("POST", predict, "{\"instances\": [[[0.5], 0.5]]}", 400, "found at incorrect level"),
        // this server's limits
        Arguments.of("POST", predict, "{\"signature_name\": \"generate_png\", \"instances\": [1, 2, 3, 4, 5, 6, 7, 8, 9]}", 400,
            "batch of 9 exceeds this server's limit of 8"),
        Arguments.of("POST", predict, "{\"signature_name\": \"generate_png\", \"inputs\": {\"seeds\": [1, 2, 3, 4, 5, 6, 7, 8, 9]}}",
            400, "batch of 9 exceeds this server's limit of 8"),
        Arguments.of("POST", predict, "{\"instances\": [" + noise100 + "], \"pad\": \"" + "x".repeat((int) MAX_BODY) + "\"}", 413,
            "exceeds this server's limit of 65536 bytes"),
        // what this server does not implement, said plainly
        Arguments.of("POST", "/v1/models/eyegan/labels/stable:predict", "{\"instances\": [1]}", 400,
            "Unrecognized servable version label: stable"),
        Arguments.of("POST", "/v1/models/eyegan:classify", "{\"examples\": []}", 400, "implements :predict only"),
        Arguments.of("GET", "/v1/models/eyegan/versions/2", null, 404, "Could not find version 2 of model eyegan"),
        Arguments.of("GET", "/v1/models/foo", null, 404, "Could not find any versions of model foo"),
        Arguments.of("GET", "/v1/models/eyegan/versions/2/metadata", null, 404, "Servable not found for request: Specific(eyegan, 2)"),
        Arguments.of("GET", "/favicon.ico", null, 404, "Not found"),
        Arguments.of("DELETE", "/v1/models/eyegan", null, 400, "Malformed request"));
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @MethodSource("badRequests")
  void badRequestGetsAnErrorObjectAndTheServerStaysUp(String method, String path, String body, int status, String message)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    Http.Reply r = http.send(b);
    assertEquals(status, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    JsonNode json = r.json();
    assertEquals(1, json.size(), "one key: " + r.body());
    assertTrue(json.get("error").isTextual(), r.body());
    assertTrue(json.get("error").textValue().contains(message), "'" + message + "' in " + r.body());
  }

  @AfterEach
  void stillServing() throws Exception {
    Http.Reply r = http.post("/v1/models/eyegan:predict", "{\"signature_name\": \"generate_png\", \"instances\": [1]}");
    assertEquals(200, r.status(), r.body());
    assertEquals(List.of(), log, "no internal errors");
  }

  @Test
  void aBodyLargerThanTheLimitIsRefusedAndTheClientGetsTheAnswer() throws Exception {
    byte[] big = new byte[(int) MAX_BODY * 4];
    java.util.Arrays.fill(big, (byte) ' ');
    Http.Reply r = http.send(HttpRequest.newBuilder(server.uri().resolve("/v1/models/eyegan:predict"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
    assertEquals(413, r.status(), r.body());
    assertTrue(r.json().get("error").textValue().contains("request body of " + big.length + " bytes"), r.body());
  }
}
