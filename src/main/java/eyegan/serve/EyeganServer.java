package eyegan.serve;

import eyegan.EyeganException;
import eyegan.UserInputException;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code eyegan serve}'s server: the subset of TF Serving's REST API that an eyegan model needs
 * (model status, metadata, predict in row and columnar form) plus the eye browser page, on an
 * embedded Jetty. It serves the highest version under the base path and swaps in new versions as
 * they appear ({@link ModelVersions}).
 *
 * <pre>{@code
 * try (EyeganServer server = EyeganServer.start(ServeOptions.defaults(Path.of("savedmodel/eyegan")), System.out::println)) {
 *   System.out.println(server.uri());   // http://127.0.0.1:8501/
 *   server.join();
 * }
 * }</pre>
 */
public final class EyeganServer implements AutoCloseable {
  /** Held so java.util.logging keeps the level (it references loggers weakly). */
  private static final Logger JETTY_LOG = Logger.getLogger("org.eclipse.jetty");
  private static final int HEADER_BYTES = 16 * 1024;

  static {
    configureLogging(false);
  }

  private final Server jetty;
  private final ServerConnector connector;
  private final ModelVersions models;
  private final ServeOptions options;

  private EyeganServer(Server jetty, ServerConnector connector, ModelVersions models, ServeOptions options) {
    this.jetty = jetty;
    this.connector = connector;
    this.models = models;
    this.options = options;
  }

  /**
   * Jetty's own log lines (start-up banner, connection warnings) are hidden unless
   * {@code verbose}; eyegan prints what a user needs.
   */
  public static void configureLogging(boolean verbose) {
    JETTY_LOG.setLevel(verbose ? Level.INFO : Level.SEVERE);
  }

  /**
   * Loads the model and starts listening.
   *
   * @param log receives eyegan's lines: version changes, failed loads, internal errors
   * @throws UserInputException for a model folder that cannot be served or an address that cannot
   *     be listened on
   */
  public static EyeganServer start(ServeOptions options, Consumer<String> log) {
    ModelVersions models = ModelVersions.open(options.base(), options.pollSeconds(), log);
    QueuedThreadPool pool = new QueuedThreadPool(options.threads(), Math.min(4, options.threads()));
    pool.setName("eyegan-serve");
    pool.setDaemon(true);
    Server jetty = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(HEADER_BYTES);
    ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(options.host());
    connector.setPort(options.port());
    jetty.addConnector(connector);
    jetty.setHandler(new RestHandler(models, options, log));
    jetty.setErrorHandler(new JsonErrorHandler());
    jetty.setStopTimeout(5_000);
    try {
      jetty.start();
    } catch (Exception e) {
      stopQuietly(jetty);
      models.close();
      if (e instanceof BindException || e.getCause() instanceof BindException || e instanceof IOException) {
        throw new UserInputException("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage()
            + (options.port() != 0 ? " (choose another --port, or 0 for any free one)" : ""), e);
      }
      throw new EyeganException("the HTTP server did not start: " + e, e);
    }
    return new EyeganServer(jetty, connector, models, options);
  }

  /** The port actually listened on (useful when started with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://HOST:PORT/}. */
  public URI uri() {
    String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
    return URI.create("http://" + host + ":" + port() + "/");
  }

  /** The model version answering requests now. */
  public long servedVersion() {
    return models.servedVersion();
  }

  /** The metadata of the version answering requests now. */
  public eyegan.inference.ModelInfo servedInfo() {
    LoadedVersion v = models.acquire(null);
    try {
      return v.generator().info();
    } finally {
      v.release();
    }
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  /** Stops listening, lets requests in progress finish (up to 5 s), then closes the model. */
  @Override
  public void close() {
    stopQuietly(jetty);
    models.close();
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (Exception e) {
      // stopping is best effort: the process is usually about to exit
    }
  }
}
