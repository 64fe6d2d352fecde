package eyegan.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers every HTTP request of {@code eyegan serve}: TF Serving's REST calls under {@code /v1/}
 * ({@link RestRoute}) and the page files ({@link PageFiles}). Every failure becomes a JSON body
 * {@code {"error": "..."}} with TF Serving's status code; nothing a client sends stops the server.
 */
final class RestHandler extends Handler.Abstract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_TYPE = "application/json";
  /** How much of an oversized body is read and dropped so the client still gets its 413. */
  private static final long DRAIN_FACTOR = 4;

  private final ModelVersions models;
  private final ServeOptions options;
  private final Consumer<String> errors;

  /** @param errors receives one line for each request that failed inside the server (500) */
  RestHandler(ModelVersions models, ServeOptions options, Consumer<String> errors) {
    this.models = models;
    this.options = options;
    this.errors = errors;
  }

  /** A complete answer. */
  private record Reply(int status, String contentType, byte[] body) {}

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String method = request.getMethod();
    String path = request.getHttpURI().getDecodedPath();
    Reply reply;
    try {
      reply = route(request, method, path);
    } catch (RestException e) {
      reply = error(e.status(), e.getMessage());
    } catch (IllegalArgumentException e) {
      reply = error(RestException.BAD_REQUEST, e.getMessage()); // input the model's API refused: still the client's
    } catch (RuntimeException | IOException | OutOfMemoryError e) {
      errors.accept("internal error on " + method + " " + path + ": " + e);
      reply = error(500, "internal error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
    }
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
    return true;
  }

  private Reply route(Request request, String method, String path) throws IOException {
    if (path == null) {
      throw RestException.badRequest("Malformed request: " + method);
    }
    if (!path.regionMatches(true, 0, "/v1/", 0, 4) && !path.equalsIgnoreCase("/v1")) {
      PageFiles.File f = "GET".equals(method) ? PageFiles.get(path, options.modelName()) : null;
      if (f == null) {
        throw RestException.notFound("Not found: " + method + " " + path
            + " (REST calls are under /v1/models/" + options.modelName() + ", the page is at /)");
      }
      return new Reply(200, f.contentType(), f.bytes());
    }
    RestRoute route = RestRoute.parse(method, path);
    byte[] body = RestRoute.PREDICT.equals(route.verb()) ? readBody(request) : new byte[0];
    if (!route.model().equals(options.modelName())) {
      throw RestException.notFound(RestRoute.STATUS.equals(route.verb())
          ? "Could not find any versions of model " + route.model()
          : "Servable not found for request: " + route.servableText());
    }
    if (route.label() != null) {
      throw RestException.badRequest("Unrecognized servable version label: " + route.label()
          + " (version labels come from a model config file, which eyegan serve does not read)");
    }
    if (!RestRoute.PREDICT.equals(route.verb()) && !RestRoute.STATUS.equals(route.verb())
        && !RestRoute.METADATA.equals(route.verb())) {
      throw RestException.badRequest("eyegan serve implements :predict only; " + route.model()
          + "'s signatures are predict signatures (method_name tensorflow/serving/predict), not :" + route.verb());
    }
    LoadedVersion v = models.acquire(route.version());
    if (v == null) {
      throw RestException.notFound(RestRoute.STATUS.equals(route.verb())
          ? "Could not find version " + route.version() + " of model " + route.model()
          : "Servable not found for request: " + route.servableText());
    }
    try {
      return switch (route.verb()) {
        case RestRoute.STATUS -> new Reply(200, JSON_TYPE, ModelStatusJson.status(v.version()));
        case RestRoute.METADATA -> new Reply(200, JSON_TYPE,
            ModelStatusJson.metadata(route.model(), v.version(), v.signatureDefs()));
        default -> predict(v, body);
      };
    } finally {
      v.release();
    }
  }

  private Reply predict(LoadedVersion v, byte[] body) throws IOException {
    PredictRequest request = PredictRequest.parse(body, v::signature, options.maxBatch());
    Map<String, HostTensor> outputs = SignatureRunner.run(v.generator(), request);
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    PredictResponse.write(outputs, request.columnar(), out);
    return new Reply(200, JSON_TYPE, out.toByteArray());
  }

  /**
   * The request body, refused (413) past the size limit. The rest of an oversized body is read
   * and dropped (up to {@value #DRAIN_FACTOR} times the limit) before answering: closing a
   * connection with unread bytes makes TCP reset it, and the client would lose the answer.
   */
  private byte[] readBody(Request request) throws IOException {
    long limit = options.maxRequestBytes();
    long declared = request.getLength();
    try (InputStream in = Request.asInputStream(request)) {
      if (declared > limit) {
        drain(in, limit);
        throw tooLarge(declared, limit);
      }
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (body.length > limit) {
        long more = drain(in, limit);
        throw tooLarge(more < 0 ? -1 : body.length + more, limit);
      }
      return body;
    }
  }

  /** Reads and drops what is left, up to {@value #DRAIN_FACTOR} x limit; -1 when there was more. */
  private static long drain(InputStream in, long limit) throws IOException {
    long cap = DRAIN_FACTOR * limit;
    long dropped = in.skip(cap);
    long more = dropped;
    while (more > 0 && dropped < cap) {
      more = in.skip(cap - dropped);
      dropped += more;
    }
    return in.read() < 0 ? dropped : -1;
  }

  private static RestException tooLarge(long size, long limit) {
    return new RestException(RestException.TOO_LARGE, "request body of " + (size < 0 ? "more than " + limit : size)
        + " bytes exceeds this server's limit of " + limit + " bytes (eyegan serve --max-request-bytes)");
  }

  static Reply error(int status, String message) {
    try {
      return new Reply(status, JSON_TYPE, JSON.writeValueAsBytes(Map.of("error", message)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code {"error": message}} as bytes, for Jetty's own error responses. */
  static byte[] errorBody(String message) {
    return error(0, message).body();
  }
}
