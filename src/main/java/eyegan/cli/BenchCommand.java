package eyegan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eyegan.bench.DataBenchmark;
import eyegan.bench.GeneratorGraphBenchmark;
import eyegan.bench.InferenceBenchmark;
import eyegan.bench.Throughput;
import eyegan.bench.MatmulPeak;
import eyegan.bench.ProcessMemory;
import eyegan.bench.ScheduleEstimate;
import eyegan.bench.ServeBenchmark;
import eyegan.bench.ServeLoad;
import eyegan.bench.StepFlops;
import eyegan.bench.StepProfile;
import eyegan.bench.TrainingStepBenchmark;
import eyegan.config.ModelConfig;
import eyegan.config.Preset;
import eyegan.config.TrainConfig;
import eyegan.runtime.Devices;
import eyegan.runtime.SessionConfigs;
import eyegan.synth.DefaultData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tensorflow.TensorFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eyegan bench}: measures the training step against the machine's own matmul peak,
 * generator inference (in a SavedModel) and the data pipeline, and prints the figures (optionally
 * as JSON). A benchmark, not a test: it asserts nothing.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    header = "Measure training, inference and data speed on this machine.",
    sortOptions = false,
    description = {
      "Measure training-step speed (ms/step, images/s, analytic FLOPs, GFLOP/s and the share of",
      "TensorFlow's own float32 matmul peak), peak memory, generator inference from a SavedModel",
      "and from a graph built in-process (images/s at batch 1 and 64, load time) and data decoding",
      "(files/s, cached load)."
    },
    footer = {
      "",
      "Examples:",
      "  eyegan bench                                  # preset auto: cpu here, article on a GPU",
      "  eyegan bench --preset article --steps 5 --json bench.json",
      "  eyegan bench --preset article --xla --skip-inference --skip-data",
      "  eyegan bench --preset article --device gpu --steps 50 --skip-inference --skip-data",
      "  eyegan bench --serve                          # 16 clients x 500 requests to eyegan serve",
      "  eyegan bench --realism --minutes 5,10         # the cpu recipe, 3 seeds at 5 and 10 minutes",
      "  eyegan bench --realism --step alternating --sweep-dir runs/alt   # a recipe change, same measures"
    })
final class BenchCommand implements Callable<Integer> {
  /** The built-in synthetic set: 1,000 eyes, each also flipped. */
  static final int DEFAULT_EPOCH_IMAGES = 2 * DefaultData.COUNT;

  @Option(names = "--preset", defaultValue = "auto", converter = PresetOption.Converter.class,
      description = "Model and batch size to measure: auto (default), article, cpu or tiny.")
  String preset;

  @Option(names = "--device", defaultValue = "auto", converter = DeviceOption.Converter.class,
      description = "Where the step runs: auto (default: GPU 0 when TensorFlow can use it), cpu, gpu or gpu:N.")
  String device;

  @Option(names = "--epoch-images", defaultValue = "" + DEFAULT_EPOCH_IMAGES,
      description = "Images per epoch for the schedule's ETA (default ${DEFAULT-VALUE}: the built-in set with flips).")
  int epochImages;

  @Option(names = "--steps", defaultValue = "5", description = "Measured training steps after warm-up (default ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--warmup", defaultValue = "2", description = "Untimed steps first (default ${DEFAULT-VALUE}).")
  int warmup;

  @Mixin RecipeOptions recipe;

  @Mixin RealismOptions realism;

  @Option(names = "--intra-threads", defaultValue = "0", description = "TensorFlow intra-op threads (0 = its default).")
  int intraThreads;

  @Option(names = "--inter-threads", defaultValue = "0", description = "TensorFlow inter-op threads (0 = its default).")
  int interThreads;

  @Option(names = "--xla", description = "Compile the training step with XLA (global JIT).")
  boolean xla;

  @Option(names = "--bf16",
      description = "Run the step's oneDNN convolutions and products in bfloat16 (Grappler's mixed precision for oneDNN).")
  boolean bf16;

  @Option(names = "--profile",
      description = "Also trace training steps with TensorFlow's step statistics and print the time per op type,"
          + " its share, count and the FLOPs of convolutions and matrix products.")
  boolean profile;

  @Option(names = "--profile-steps", defaultValue = "5", paramLabel = "N",
      description = "With --profile: traced steps averaged (default ${DEFAULT-VALUE}).")
  int profileSteps;

  @Option(names = "--inference-seconds", defaultValue = "5", description = "Seconds per inference batch size (default ${DEFAULT-VALUE}).")
  double inferenceSeconds;

  @Option(names = "--data-files", defaultValue = "200", description = "Photos for the decoding benchmark (default ${DEFAULT-VALUE}).")
  int dataFiles;

  @Option(names = "--skip-training", description = "Leave out the training step.")
  boolean skipTraining;

  @Option(names = "--skip-inference", description = "Leave out generator inference.")
  boolean skipInference;

  @Option(names = "--skip-data", description = "Leave out data decoding.")
  boolean skipData;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
  Path json;

  @Option(names = "--serve", description = "Instead: load-test eyegan serve on 127.0.0.1 (latency, images/s, memory).")
  boolean serve;

  @Option(names = "--model", paramLabel = "DIR",
      description = "With --serve: the base path to serve (default: an untrained generator of the preset).")
  Path model;

  @Option(names = "--clients", defaultValue = "16", description = "With --serve: concurrent clients (default ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--requests", defaultValue = "500", description = "With --serve: requests per client (default ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--serve-batch", defaultValue = "1", description = "With --serve: seeds per request (default ${DEFAULT-VALUE}).")
  int serveBatch;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (steps < 1 || warmup < 0 || profileSteps < 1 || dataFiles < 1 || inferenceSeconds <= 0 || epochImages < 1
        || (recipe.batch != null && recipe.batch < 1)) {
      throw new eyegan.UserInputException(
          "--steps, --data-files, --inference-seconds, --epoch-images and --batch must be positive, --warmup >= 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    DeviceOption.Choice where = DeviceOption.resolve(device);
    PresetOption.Choice choice = PresetOption.resolve(preset, where);
    Preset p = choice.preset();
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode report = mapper.createObjectNode();
    out.println("eyegan bench: " + choice.reason());
    if (where.warning() != null) {
      out.println(where.warning());
    }
    String devices = String.join(", ", Devices.list().stream().map(d -> d.type() + " " + shortName(d.name())).toList());
    String cpu = eyegan.runtime.CpuInfo.current().describe();
    out.printf(Locale.ROOT, "machine: %s, %d cores visible, TensorFlow %s, devices: %s%n",
        cpu, Runtime.getRuntime().availableProcessors(), TensorFlow.version(), devices);
    report.put("preset", p.id()).put("cpu", cpu).put("cores", Runtime.getRuntime().availableProcessors())
        .put("tensorflow", TensorFlow.version()).put("devices", devices).put("device", where.device().toString());
    out.flush();
    if (serve) {
      serveLoad(out, report, p);
      return finish(out, mapper, report);
    }
    if (realism.realism) {
      realism.run(p, RecipeOptions.build(recipe.applyTo(TrainConfig.fromPreset(p).toBuilder(), p)), recipe.lr == null, out);
      return finish(out, mapper, report);
    }

    boolean gpu = where.device().gpu();
    int n = gpu ? 8192 : 2048;
    double peak = MatmulPeak.measure(n, gpu ? 20 : 8);
    out.printf(Locale.ROOT, "matmul peak: %.1f GFLOP/s (TensorFlow float32 %dx%d, best of runs)%n", peak, n, n);
    report.put("matmul_peak_gflops", peak);
    out.flush();

    if (!skipTraining) {
      TrainConfig recipeConfig = RecipeOptions.build(recipe.applyTo(TrainConfig.fromPreset(p).toBuilder(), p));
      ModelConfig m = recipeConfig.model();
      int b = recipeConfig.batchSize();
      eyegan.config.StepOptions options = recipeConfig.stepOptions();
      out.printf(Locale.ROOT, "training step: %s, batch %d, augment %s, EMA %s, %d warm-up + %d timed steps%s...%n",
          m, b, options.augment(), options.ema() ? options.emaHalfLifeKimg() + " kimg" : "off", warmup, steps,
          xla ? ", XLA" : "");
      out.flush();
      TrainingStepBenchmark.Result r = TrainingStepBenchmark.run(m, options, b, warmup, steps,
          SessionConfigs.training(where.device(), intraThreads, interThreads, xla, bf16));
      out.println("  placement: " + r.placement().summary(gpu));
      double perImage = StepFlops.trainingStep(m, 1, options.alternating());
      out.printf(Locale.ROOT, "  ms/step: median %.1f, min %.1f, max %.1f%n", r.median(), r.min(), r.max());
      out.printf(Locale.ROOT, "  images/s: %.1f%n", r.imagesPerSecond());
      if (options.r1()) {
        out.printf(Locale.ROOT, "  lazy R1 step: median %.1f ms, once every %d steps: +%.1f%% on the median step%n",
            r.r1Millis(), options.r1Every(), 100 * r.r1Millis() / options.r1Every() / r.median());
      }
      out.printf(Locale.ROOT, "  FLOPs: %.2f GFLOP/step = %.3f GFLOP/image (G fwd %.3f, D fwd %.3f GFLOP/image;%n"
          + "         step = 3 G fwd - G dense + %d D fwd - 2 D conv1, see StepFlops)%n",
          r.flopsPerStep() / 1e9, perImage / 1e9, StepFlops.generatorForward(m) / 1e9, StepFlops.discriminatorForward(m) / 1e9,
          options.alternating() ? 8 : 7);
      String tflops = gpu ? String.format(Locale.ROOT, " (%.1f TFLOP/s)", r.gflopsPerSecond() / 1e3) : "";
      out.printf(Locale.ROOT, "  achieved: %.1f GFLOP/s%s = %.0f%% of the matmul peak%n", r.gflopsPerSecond(), tflops,
          100 * r.gflopsPerSecond() / peak);
      ScheduleEstimate eta = new ScheduleEstimate(p.epochs(), epochImages, r.imagesPerSecond());
      out.println("  " + eta.line(p.id()));
      if (profile) {
        out.printf(Locale.ROOT, "  profile (%d traced steps after %d warm-up):%n", profileSteps, warmup);
        out.flush();
        StepProfile.Result prof = StepProfile.run(m, options, b, Math.max(1, warmup), profileSteps,
            SessionConfigs.training(where.device(), intraThreads, interThreads, xla, bf16));
        out.print(prof.table(25));
        ArrayNode rows = report.putArray("profile");
        prof.rows().forEach(row -> rows.addObject().put("type", row.type()).put("ms", row.millis())
            .put("share", row.share()).put("count", row.count()).put("gflop", row.gflop()));
      }
      long rss = ProcessMemory.peakResidentBytes();
      out.printf(Locale.ROOT, "  peak RSS so far: %.2f GiB%n", rss / (double) (1L << 30));
      ObjectNode t = report.putObject("training");
      t.put("resolution", m.resolution()).put("batch", b).put("xla", xla)
          .put("intra_threads", intraThreads).put("inter_threads", interThreads)
          .put("ms_median", r.median()).put("ms_min", r.min()).put("ms_max", r.max())
          .put("images_per_s", r.imagesPerSecond()).put("gflop_per_step", r.flopsPerStep() / 1e9)
          .put("gflops", r.gflopsPerSecond()).put("utilisation", r.gflopsPerSecond() / peak)
          .put("peak_rss_bytes", rss).put("schedule_epochs", p.epochs()).put("epoch_images", epochImages)
          .put("schedule_eta_s", eta.seconds()).put("placement", r.placement().summary(gpu))
          .put("cross_device_tensors", r.placement().transfers());
      if (options.r1()) {
        t.put("r1_ms_median", r.r1Millis()).put("r1_every", options.r1Every());
      }
      out.flush();
    }

    if (!skipInference) {
      out.println("generator inference, graph built in this process:");
      ArrayNode graphRuns = report.putArray("inference_graph");
      for (int b : InferenceBenchmark.DEFAULT_BATCHES) {
        Throughput g = GeneratorGraphBenchmark.run(p.model(), b, inferenceSeconds);
        out.printf(Locale.ROOT, "  noise -> images, batch %3d: %8.1f images/s  (%.1f ms per batch)%n",
            b, g.imagesPerSecond(), g.millisPerBatch());
        graphRuns.addObject().put("batch", b).put("images_per_s", g.imagesPerSecond()).put("ms_per_batch", g.millisPerBatch());
        out.flush();
      }
      out.println("generator inference (untrained " + p.id() + " generator exported as a SavedModel):");
      out.flush();
      InferenceBenchmark.Result r = InferenceBenchmark.measure(p, InferenceBenchmark.DEFAULT_BATCHES, inferenceSeconds,
          Path.of(System.getProperty("java.io.tmpdir")), line -> {});
      r.lines().stream().skip(1).forEach(out::println);
      ObjectNode inf = report.putObject("inference");
      inf.put("load_s", r.loadSeconds()).put("first_call_ms", r.firstCallMillis());
      ArrayNode batches = inf.putArray("noise_to_images");
      r.noiseToImages().forEach(x -> batches.addObject().put("batch", x.batch())
          .put("images_per_s", x.imagesPerSecond()).put("ms_per_batch", x.millisPerBatch()));
      inf.putObject("seeds_to_png").put("batch", r.seedsToPng().batch())
          .put("images_per_s", r.seedsToPng().imagesPerSecond());
      out.flush();
    }

    if (!skipData) {
      out.printf(Locale.ROOT, "data: %d synthetic 512 px JPEG photos -> 128 px training images...%n", dataFiles);
      out.flush();
      DataBenchmark.Result d = DataBenchmark.run(dataFiles, 512, 128);
      out.printf(Locale.ROOT, "  decode + crop + resize: %.0f files/s on %d cores%n", d.filesPerSecond(),
          Runtime.getRuntime().availableProcessors());
      out.printf(Locale.ROOT, "  cached load: %.3f s%n", d.cachedLoadSeconds());
      report.putObject("data").put("files", d.files()).put("photo_px", d.photoSize())
          .put("files_per_s", d.filesPerSecond()).put("cached_load_s", d.cachedLoadSeconds());
    }
    return finish(out, mapper, report);
  }

  private int finish(PrintWriter out, ObjectMapper mapper, ObjectNode report) throws java.io.IOException {
    report.put("peak_rss_bytes", ProcessMemory.peakResidentBytes());
    if (json != null) {
      mapper.writeValue(json.toFile(), report);
      out.println("wrote " + json);
    }
    out.flush();
    return 0;
  }

  /** {@code --serve}: the REST server under a bounded load on loopback. */
  private void serveLoad(PrintWriter out, ObjectNode report, Preset p) throws InterruptedException {
    if (clients < 1 || requests < 1 || serveBatch < 1) {
      throw new eyegan.UserInputException("--clients, --requests and --serve-batch must be positive");
    }
    if (model != null && !java.nio.file.Files.isDirectory(model)) {
      throw new eyegan.UserInputException("--model " + model + " is not a folder");
    }
    out.println("eyegan serve under load (client and server in this process, over 127.0.0.1):");
    out.flush();
    ServeLoad.Result r = ServeBenchmark.run(model, p, clients, requests, serveBatch,
        Path.of(System.getProperty("java.io.tmpdir")), line -> {
          out.println("  ... " + line);
          out.flush();
        });
    r.lines().forEach(out::println);
    report.putObject("serve").put("clients", r.clients()).put("requests_per_client", r.requestsPerClient())
        .put("batch", r.batch()).put("failures", r.failures()).put("seconds", r.seconds())
        .put("p50_ms", r.p50Millis()).put("p99_ms", r.p99Millis()).put("max_ms", r.maxMillis())
        .put("images_per_s", r.imagesPerSecond()).put("rss_before_bytes", r.rssBeforeBytes())
        .put("rss_after_bytes", r.rssAfterBytes());
    if (r.failures() > 0) {
      throw new eyegan.EyeganException(r.failures() + " of " + r.requests() + " requests failed; first: " + r.firstFailure());
    }
  }

  private static String shortName(String tfName) {
    int i = tfName.indexOf("device:");
    return i >= 0 ? tfName.substring(i + "device:".length()) : tfName;
  }
}
