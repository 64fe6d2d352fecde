package eyegan.bench;

import eyegan.config.Preset;
import eyegan.export.GeneratorExporter;
import eyegan.io.FileTrees;
import eyegan.serve.EyeganServer;
import eyegan.serve.ServeOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code eyegan bench --serve}: starts {@code eyegan serve}'s server in this process on
 * 127.0.0.1 (a free port), warms it up, and runs {@link ServeLoad} against it over loopback.
 * Without a model folder it serves an untrained generator of the preset, exported to a temporary
 * folder (speed does not depend on training).
 */
public final class ServeBenchmark {
  /** Requests per client before timing, so the first TensorFlow runs and JIT are not measured. */
  private static final int WARMUP_REQUESTS = 5;
  private static final long EXPORT_SEED = 1;

  private ServeBenchmark() {}

  /**
   * @param model a base path to serve, or null for an untrained {@code preset} generator
   * @param progress receives a line before each phase
   */
  public static ServeLoad.Result run(Path model, Preset preset, int clients, int requests, int batch, Path workDir,
      Consumer<String> progress) throws InterruptedException {
    Path tmp = null;
    try {
      Path base = model;
      if (base == null) {
        Files.createDirectories(workDir);
        tmp = Files.createTempDirectory(workDir, "eyegan-serve-bench-");
        progress.accept("exporting an untrained " + preset.id() + " generator");
        base = tmp.resolve("eyegan");
        new GeneratorExporter(progress).exportInitial(preset.model(), EXPORT_SEED, preset.id(), base);
      }
      ServeOptions options = ServeOptions.defaults(base).withPort(0).withLimits(Math.max(batch, ServeOptions.DEFAULT_MAX_BATCH),
          ServeOptions.DEFAULT_MAX_REQUEST_BYTES).withPollSeconds(0);
      try (EyeganServer server = EyeganServer.start(options, progress)) {
        URI predict = server.uri().resolve("v1/models/" + options.modelName() + ":predict");
        progress.accept("serving " + server.servedInfo().summary() + " at " + server.uri() + "; warming up");
        ServeLoad.run(predict, clients, WARMUP_REQUESTS, batch, null);
        progress.accept(clients + " clients x " + requests + " requests");
        return ServeLoad.run(predict, clients, requests, batch, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a benchmark folder in " + workDir, e);
    } finally {
      if (tmp != null) {
        FileTrees.deleteQuietly(tmp);
      }
    }
  }
}
