package eyegan.cli;

import eyegan.UserInputException;
import eyegan.serve.EyeganServer;
import eyegan.serve.ServeOptions;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eyegan serve}: TF Serving's REST API for an exported eyegan model, and a page to look at
 * its eyes, until stopped (Ctrl-C).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    header = "Serve an exported model over TF Serving's REST API, with a page of eyes.",
    sortOptions = false,
    description = {
      "Serve the highest version under a TF Serving base path with the part of TF Serving's REST API"
          + " that eyegan models use (GET /v1/models/NAME[/versions/N][/metadata], POST ...:predict in"
          + " row and columnar form), so the same requests work here and against TF Serving; a page at /"
          + " shows eyes by seed, truncation and interpolation. New version folders are picked up as"
          + " they appear. Stop with Ctrl-C."
    },
    footer = {
      "",
      "Examples:",
      "  eyegan serve --model savedmodel/eyegan       # at http://127.0.0.1:8501/",
      "  eyegan serve --model savedmodel/eyegan --port 9000 --host 0.0.0.0",
      "  curl -s -X POST http://localhost:8501/v1/models/eyegan:predict \\",
      "    -d '{\"signature_name\": \"generate_png\", \"instances\": [42]}'"
    })
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--model", defaultValue = "savedmodel/eyegan", paramLabel = "DIR",
      description = "The model's base path, holding version folders 1, 2, ... (default: ${DEFAULT-VALUE}).")
  Path model;

  @Option(names = "--port", defaultValue = "" + ServeOptions.DEFAULT_PORT,
      description = "TCP port (default ${DEFAULT-VALUE}, TF Serving's REST port; 0 = any free port).")
  int port;

  @Option(names = "--host", defaultValue = ServeOptions.DEFAULT_HOST,
      description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 = every interface).")
  String host;

  @Option(names = "--model-name", defaultValue = ServeOptions.DEFAULT_MODEL_NAME,
      description = "Model name in the REST paths, TF Serving's --model_name (default ${DEFAULT-VALUE}).")
  String modelName;

  @Option(names = "--max-batch", defaultValue = "" + ServeOptions.DEFAULT_MAX_BATCH,
      description = "Most images or seeds per predict call; larger batches get status 400 (default ${DEFAULT-VALUE}).")
  int maxBatch;

  @Option(names = "--max-request-bytes", defaultValue = "" + ServeOptions.DEFAULT_MAX_REQUEST_BYTES,
      description = "Largest request body; larger ones get status 413 (default ${DEFAULT-VALUE}).")
  long maxRequestBytes;

  @Option(names = "--poll-seconds", defaultValue = "" + ServeOptions.DEFAULT_POLL_SECONDS,
      description = "How often to look for a new version folder (default ${DEFAULT-VALUE}; 0 = never).")
  double pollSeconds;

  @Option(names = "--threads", defaultValue = "" + ServeOptions.DEFAULT_THREADS,
      description = "Most requests handled at once (default ${DEFAULT-VALUE}).")
  int threads;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ServeOptions options;
    try {
      options = new ServeOptions(model, modelName, host, port, maxBatch, maxRequestBytes, pollSeconds, threads);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--port, --max-batch, --max-request-bytes, --poll-seconds, --threads or --model-name: "
          + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EyeganServer.configureLogging(((EyeganCommand) spec.root().userObject()).verbose);
    EyeganServer server = EyeganServer.start(options, line -> {
      out.println("eyegan serve: " + line);
      out.flush();
    });
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "eyegan-serve-stop"));
    String rest = server.uri() + "v1/models/" + modelName;
    out.println("eyegan serve: model " + modelName + " version " + server.servedVersion() + " from " + model
        + " (" + server.servedInfo().summary() + ")");
    out.println("eyegan serve: listening on " + server.uri() + " (page: " + server.uri() + ", REST API: " + rest + ")");
    if (!isLoopback(host)) {
      err.println("eyegan serve: note: " + host + " is not a loopback address; anyone who can reach this machine"
          + " can use the server (it has no authentication)");
    }
    out.println("eyegan serve: Ctrl-C stops it");
    out.flush();
    err.flush();
    server.join();
    return 0;
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
