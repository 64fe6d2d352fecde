package eyegan.export;

import eyegan.UserInputException;
import eyegan.config.ModelConfig;
import eyegan.config.TrainConfig;
import eyegan.config.TrainingOptionsFile;
import eyegan.inference.ModelInfo;
import eyegan.inference.ServingSignatures;
import eyegan.inference.TensorText;
import eyegan.model.Generator;
import eyegan.runtime.BuildInfo;
import eyegan.train.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;

/**
 * Exports a trained generator as a TensorFlow SavedModel under a TF Serving base path, as the next
 * integer version ({@code savedmodel/eyegan/1}, {@code 2}, ...), tag {@code serve}, with the
 * signatures of {@link ServingSignatures} and {@code assets.extra/eyegan.json} ({@link ModelInfo}).
 *
 * <p>The weights come from a training checkpoint: an inference-only graph ({@link ServingGraph})
 * holding just G's variables restores them by name, so the discriminator, the optimiser slots and
 * the training step never reach the export. The version folder appears atomically and only after
 * the written model was loaded back and run once ({@link ExportCheck}).
 *
 * <pre>{@code
 * GeneratorExporter.Exported e = new GeneratorExporter(System.err::println)
 *     .exportRun(Path.of("runs/00003-cpu-64px"), Path.of("savedmodel/eyegan"), null);
 * System.out.println("exported " + e.versionDir());
 * }</pre>
 */
public final class GeneratorExporter {
  /** Where an export went and what it holds. */
  public record Exported(Path versionDir, long version, ModelInfo info) {}

  /** Runs on the complete temporary folder just before it is published; throwing aborts the export. */
  interface PublishCheck {
    void check(Path folder) throws IOException;
  }

  /** {@link ModelInfo#checkpoint()} of an export made from freshly initialised weights. */
  public static final String INITIAL_WEIGHTS = "initial";
  /** Description of the runtime recorded in the metadata. */
  static final String TENSORFLOW_RUNTIME = "2.18 (TensorFlow Java 1.1.0)";
  private static final String PIXEL_RANGE = "[-1, 1]";
  /** Checkpoints kept is irrelevant when only listing; any positive number. */
  private static final int LIST_ONLY = 1;

  private final Consumer<String> warn;
  private PublishCheck beforePublish = folder -> {};
  private boolean liveWeights;

  /** @param warn receives one line per checkpoint skipped because it is unreadable */
  public GeneratorExporter(Consumer<String> warn) {
    this.warn = warn;
  }

  /**
   * Exports the generator as last trained instead of its moving average (which runs that keep one
   * export by default).
   */
  public GeneratorExporter liveWeights(boolean live) {
    this.liveWeights = live;
    return this;
  }

  /** Test hook: {@code check} runs after everything is written and verified, before the rename. */
  GeneratorExporter beforePublish(PublishCheck check) {
    this.beforePublish = check;
    return this;
  }

  /**
   * Exports the generator of a training run.
   *
   * @param runDir a run folder ({@code training_options.json} plus {@code checkpoints/})
   * @param baseDir TF Serving base path; created if missing
   * @param checkpoint a checkpoint's folder name ({@code ckpt-000001200}) or path; null takes the
   *     newest one TensorFlow can read
   * @throws UserInputException when {@code runDir} is not a run, has no usable checkpoint, or has
   *     no checkpoint by that name
   */
  public Exported exportRun(Path runDir, Path baseDir, String checkpoint) {
    TrainConfig cfg = TrainingOptionsFile.read(runDir);
    Path checkpointDir = runDir.resolve(eyegan.train.RunDirectory.CHECKPOINTS);
    List<Checkpoints.Entry> all = new Checkpoints(checkpointDir, LIST_ONLY).list(warn);
    if (all.isEmpty()) {
      throw new UserInputException("run " + runDir + " has no checkpoint in " + checkpointDir
          + "; train it first (eyegan train --run-dir " + runDir + ")");
    }
    List<Checkpoints.Entry> candidates = checkpoint == null ? all : List.of(named(all, checkpoint, checkpointDir));
    boolean average = cfg.ema() && !liveWeights;
    String prefix = average ? Generator.EMA_PREFIX : Generator.PREFIX;
    try (Graph graph = new Graph()) {
      ServingGraph serving = new ServingGraph(graph, cfg.model(), cfg.seed(), prefix);
      requireOnlyGeneratorVariables(graph, prefix);
      try (Session session = new Session(graph)) {
        Checkpoints.Entry used = Checkpoints.restoreFirst(session, candidates, warn)
            .orElseThrow(() -> new UserInputException("no checkpoint of " + runDir
                + " holds a generator matching its training_options.json"));
        Checkpoints.Meta meta = used.meta();
        ModelInfo info = info(cfg.preset(), cfg.model(), meta.step(), meta.epoch(),
            used.dir().getFileName().toString(), runName(runDir), serving.signatures(),
            average ? ModelInfo.WEIGHTS_EMA : ModelInfo.WEIGHTS_LIVE);
        return write(session, serving, info, baseDir);
      }
    }
  }

  /**
   * Exports a generator with freshly initialised (untrained) weights: for benchmarks and for
   * checking a serving setup before any training.
   */
  public Exported exportInitial(ModelConfig model, long seed, String preset, Path baseDir) {
    try (Graph graph = new Graph()) {
      ServingGraph serving = new ServingGraph(graph, model, seed);
      requireOnlyGeneratorVariables(graph, Generator.PREFIX);
      try (Session session = new Session(graph)) {
        session.initialize();
        ModelInfo info = info(preset, model, 0, 0, INITIAL_WEIGHTS, "", serving.signatures(),
            ModelInfo.WEIGHTS_LIVE);
        return write(session, serving, info, baseDir);
      }
    }
  }

  private Exported write(Session session, ServingGraph serving, ModelInfo info, Path baseDir) {
    Path versionDir = VersionPublisher.publish(baseDir, folder -> {
      SavedModelBundle.Exporter exporter =
          SavedModelBundle.exporter(folder.toString()).withTags(ServingSignatures.TAG).withSession(session);
      for (Signature s : serving.signatures()) {
        exporter.withSignature(s);
      }
      exporter.export();
      Path extra = Files.createDirectories(folder.resolve(ServingSignatures.ASSETS_EXTRA));
      info.write(extra.resolve(ServingSignatures.METADATA_FILE));
      ExportCheck.verify(folder.toString(), info.resolution(), info.noiseDim());
      beforePublish.check(folder);
    });
    return new Exported(versionDir, Long.parseLong(versionDir.getFileName().toString()), info);
  }

  private static Checkpoints.Entry named(List<Checkpoints.Entry> all, String checkpoint, Path checkpointDir) {
    String wanted = Path.of(checkpoint).getFileName().toString();
    return all.stream()
        .filter(e -> e.dir().getFileName().toString().equals(wanted))
        .findFirst()
        .orElseThrow(() -> new UserInputException("no valid checkpoint '" + checkpoint + "' in " + checkpointDir
            + "; there are: " + String.join(", ", all.stream().map(e -> e.dir().getFileName().toString()).toList())));
  }

  /** The run folder's name only: an absolute path would tie the shipped model to this machine. */
  private static String runName(Path runDir) {
    Path name = runDir.toAbsolutePath().normalize().getFileName();
    return name == null ? runDir.toString() : name.toString();
  }

  /** The exporter saves every variable of the graph; only the generator's may be there. */
  private static void requireOnlyGeneratorVariables(Graph graph, String prefix) {
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (op.type().startsWith("Variable") && !op.name().startsWith(prefix)) {
        throw new IllegalStateException("the serving graph holds a non-generator variable " + op.name());
      }
    }
  }

  static ModelInfo info(String preset, ModelConfig model, long step, int epoch, String checkpoint, String run,
      List<Signature> signatures, String weights) {
    Map<String, String> described = new LinkedHashMap<>();
    for (Signature s : signatures) {
      described.put(s.key(), describe(s));
    }
    return new ModelInfo(ModelInfo.FORMAT, BuildInfo.version(), TENSORFLOW_RUNTIME, preset, model.resolution(),
        model.noiseDim(), Arrays.stream(model.generatorWidths()).boxed().toList(), step, epoch, checkpoint, run,
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), SeedNoise.ALGORITHM, PIXEL_RANGE, described, weights);
  }

  /** e.g. {@code seeds int64[-1] -> png_bytes string[-1]}. */
  private static String describe(Signature s) {
    return tensors(s.getInputs()) + " -> " + tensors(s.getOutputs());
  }

  private static String tensors(Map<String, Signature.TensorDescription> map) {
    return String.join(", ", map.entrySet().stream()
        .map(e -> e.getKey() + " " + TensorText.dtype(e.getValue().dataType) + TensorText.shape(e.getValue().shape))
        .toList());
  }

}
