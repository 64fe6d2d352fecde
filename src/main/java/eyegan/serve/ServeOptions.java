package eyegan.serve;

import java.nio.file.Path;

/**
 * How {@link EyeganServer} serves a model.
 *
 * @param base the model's TF Serving base path ({@code savedmodel/eyegan}), holding version folders
 * @param modelName the name in REST paths ({@code /v1/models/NAME}), TF Serving's --model_name
 * @param host the address to listen on; 127.0.0.1 keeps the server private to this machine
 * @param port TCP port; 0 picks a free one
 * @param maxBatch the largest batch (images or seeds) one predict call may ask for
 * @param maxRequestBytes the largest request body accepted
 * @param pollSeconds how often the base path is checked for a new version; 0 = never
 * @param threads the most requests handled at once (the HTTP server's worker threads)
 */
public record ServeOptions(Path base, String modelName, String host, int port, int maxBatch, long maxRequestBytes,
    double pollSeconds, int threads) {
  /** TF Serving's REST port. */
  public static final int DEFAULT_PORT = 8501;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final String DEFAULT_MODEL_NAME = "eyegan";
  /**
   * One TensorFlow run ({@code EyeGenerator.MAX_BATCH}); the answer is built in memory, and 64
   * float images of 128 px are about 40 MB of JSON.
   */
  public static final int DEFAULT_MAX_BATCH = 64;
  /** 64 rows of 100 noise floats written in full precision are about 0.15 MB; 8 MiB leaves room. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 8L << 20;
  /** TF Serving's --file_system_poll_wait_seconds default. */
  public static final double DEFAULT_POLL_SECONDS = 1;
  public static final int DEFAULT_THREADS = 32;

  public ServeOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (maxBatch < 1) {
      throw new IllegalArgumentException("max batch must be >= 1, got " + maxBatch);
    }
    if (maxRequestBytes < 1) {
      throw new IllegalArgumentException("max request bytes must be >= 1, got " + maxRequestBytes);
    }
    if (pollSeconds < 0) {
      throw new IllegalArgumentException("poll seconds must be >= 0, got " + pollSeconds);
    }
    if (threads < 4) {
      throw new IllegalArgumentException("threads must be >= 4, got " + threads);
    }
    if (modelName == null || modelName.isEmpty() || modelName.contains("/") || modelName.contains(":")) {
      throw new IllegalArgumentException("model name must be non-empty without '/' or ':', got '" + modelName + "'");
    }
  }

  /** The defaults for {@code base}: port 8501 on 127.0.0.1, model name eyegan. */
  public static ServeOptions defaults(Path base) {
    return new ServeOptions(base, DEFAULT_MODEL_NAME, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BATCH,
        DEFAULT_MAX_REQUEST_BYTES, DEFAULT_POLL_SECONDS, DEFAULT_THREADS);
  }

  public ServeOptions withPort(int p) {
    return new ServeOptions(base, modelName, host, p, maxBatch, maxRequestBytes, pollSeconds, threads);
  }

  public ServeOptions withLimits(int batch, long bytes) {
    return new ServeOptions(base, modelName, host, port, batch, bytes, pollSeconds, threads);
  }

  public ServeOptions withPollSeconds(double s) {
    return new ServeOptions(base, modelName, host, port, maxBatch, maxRequestBytes, s, threads);
  }
}
