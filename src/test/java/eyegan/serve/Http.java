package eyegan.serve;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A minimal HTTP client for the tests: plain JDK, no knowledge of the server's code. */
final class Http {
  /** TF Serving writes NaN and Infinity as bare tokens; a client has to accept them. */
  static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  record Reply(int status, String contentType, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  private final URI base;

  Http(URI base) {
    this.base = base;
  }

  Reply get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Reply post(String path, String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
    HttpRequest request = b.timeout(Duration.ofSeconds(60)).build();
    HttpResponse.BodyHandler<String> text = HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    HttpResponse<String> r;
    try {
      r = CLIENT.send(request, text);
    } catch (IOException e) {
      // A server may close a kept-alive connection after an error reply, and the JDK client does not
      // resend a POST on a pooled connection that turns out to be closed before any byte of a reply
      // arrived; browsers and curl do, once. Anything else (a reply cut short, a refused connection)
      // is the server's failure and is thrown.
      if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
        throw e;
      }
      r = CLIENT.send(request, text);
    }
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }
}
