package eyegan.cli;

import eyegan.UserInputException;
import eyegan.config.ModelConfig;
import eyegan.config.Preset;
import eyegan.config.TrainConfig;
import eyegan.config.TrainingOptionsFile;
import eyegan.data.DatasetLoader;
import eyegan.data.EpochBatches;
import eyegan.data.LoadOptions;
import eyegan.data.LoadResult;
import eyegan.data.SquareFit;
import eyegan.data.TrainingSet;
import eyegan.report.ReportFiles;
import eyegan.report.TrainingReport;
import eyegan.export.GeneratorExporter;
import eyegan.synth.DefaultData;
import eyegan.train.QualityMeter;
import eyegan.train.RunDirectory;
import eyegan.train.RunLog;
import eyegan.train.StopSignal;
import eyegan.train.ScheduleSizer;
import eyegan.train.Trainer;
import eyegan.runtime.CpuInfo;
import java.lang.management.ManagementFactory;
import java.io.PrintWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eyegan train}: trains the GAN on an image folder (by default the built-in synthetic eyes)
 * into a numbered run folder, or resumes the run in {@code --run-dir}.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    header = "Train the eye GAN (built-in synthetic eyes unless --data).",
    sortOptions = false,
    description = {
      "Train the eye GAN. Without --data it trains on the built-in synthetic eyes (rendered into",
      "data/synthetic-eyes on first use). Each run gets a folder runs/NNNNN-<preset>-<res>px with",
      "grids, stats, TensorBoard logs and checkpoints; --run-dir on an existing run resumes it.",
      "Ctrl-C saves a checkpoint before exiting."
    },
    footer = {
      "",
      "Examples:",
      "  eyegan train                                  # preset auto, built-in data, ~10 min",
      "  eyegan train --minutes 40                     # a longer run, sized to this machine",
      "  eyegan train --data ~/eyes --preset article   # the reference model on your photos",
      "  eyegan train --device gpu:1                   # on the second GPU (CUDA's numbering)",
      "  eyegan train --run-dir runs/00003-cpu-64px    # resume (or extend with --epochs)"
    })
final class TrainCommand implements Callable<Integer> {
  /** The default run's budget: looks like eyes in about ten minutes on any 2-core machine. */
  static final double DEFAULT_MINUTES = 10;
  /** SWD measurements in a machine-sized run (the cadence follows the chosen epochs). */
  private static final int SIZED_SWD_MEASUREMENTS = 6;

  @Option(names = "--preset", defaultValue = "auto", converter = PresetOption.Converter.class,
      description = "auto (default: article with a GPU, cpu without), article, cpu or tiny.")
  String preset;

  @Option(names = "--device", defaultValue = "auto", converter = DeviceOption.Converter.class,
      description = "Where the step runs: auto (default: GPU 0 when TensorFlow can use it), cpu, gpu or gpu:N.")
  String device;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Folder of eye photos (searched recursively). Default: the built-in synthetic eyes in data/.")
  Path data;

  @Option(names = "--run-dir", paramLabel = "DIR", description = "Run folder to create or resume.")
  Path runDir;

  @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
      description = "Where numbered run folders are created (default: ${DEFAULT-VALUE}).")
  Path runsRoot;

  @Option(names = "--epochs", description = "Epochs to train (resume: the new total). Overrides --minutes.")
  Integer epochs;

  @Option(names = "--minutes", paramLabel = "M",
      description = "Size the epochs so the whole command takes about M minutes on this machine, from the speed of"
          + " its first steps (default for the cpu preset: " + DEFAULT_MINUTES + "; recorded in training_options.json).")
  Double minutes;

  @Option(names = "--batch", description = "Images per step.")
  Integer batch;

  @Option(names = "--resolution", description = "Image size in pixels (a multiple of 8).")
  Integer resolution;

  @Option(names = "--lr", description = "Adam learning rate of both networks.")
  Float lr;

  @Option(names = "--beta1", description = "Adam beta_1.")
  Float beta1;

  @Option(names = "--seed", description = "Seed of weights, noise, dropout, shuffling and grids.")
  Long seed;

  @Option(names = "--augment", paramLabel = "POLICY",
      description = "Differentiable augmentation of every image D sees: none, or any of color,translation,cutout"
          + " (default: the preset's; cpu: translation,cutout; article: none).")
  String augment;

  @Option(names = "--no-ema", negatable = false,
      description = "Keep no moving average of the generator (grids, SWD and export then use G as trained).")
  boolean noEma;

  @Option(names = "--ema-kimg", paramLabel = "K",
      description = "Half-life of the generator's moving average, in thousands of images (default: the preset's; cpu: 10).")
  Double emaKimg;

  @Option(names = "--kernel", paramLabel = "K",
      description = "Side of every convolution kernel (default: the preset's; article 5, cpu 4).")
  Integer kernel;

  @Option(names = "--checkpoint-every", paramLabel = "EPOCHS", description = "Epochs between checkpoints.")
  Integer checkpointEvery;

  @Option(names = "--keep-checkpoints", paramLabel = "N", description = "Newest checkpoints kept (default 3).")
  Integer keepCheckpoints;

  @Option(names = "--grid", paramLabel = "N", description = "Images in each progress grid (default 16 = 4x4).")
  Integer grid;

  @Option(names = "--grid-every", paramLabel = "EPOCHS", description = "Epochs between grids (default 1).")
  Integer gridEvery;

  @Option(names = "--swd-every", paramLabel = "EPOCHS", description = "Epochs between SWD measurements (0 = off).")
  Integer swdEvery;

  @Option(names = "--tick-seconds", paramLabel = "S", description = "Seconds between progress lines (default 10).")
  Double tickSeconds;

  @Option(names = "--max-minutes", paramLabel = "M", description = "Stop with a checkpoint after M minutes.")
  Double maxMinutes;

  @Option(names = "--pad", description = "Pad photos to square instead of centre-cropping them.")
  boolean pad;

  @Option(names = "--no-export", negatable = false, description = "Do not export a SavedModel at the end.")
  boolean noExport;

  @Option(names = "--export-dir", paramLabel = "DIR", description = "TF Serving base path (default savedmodel/eyegan).")
  String exportDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    boolean resuming = runDir != null && TrainingOptionsFile.exists(runDir);
    TrainConfig cfg;
    TrainConfig saved = resuming ? TrainingOptionsFile.read(runDir) : null; // a broken file fails before any device work
    DeviceOption.Choice where = DeviceOption.resolve(device);
    if (resuming) {
      cfg = resumeConfig(saved);
      out.println("eyegan: resuming run " + runDir + " (preset " + cfg.preset() + ", " + cfg.model().resolution()
          + "px), step on " + where.label() + " (" + where.reason() + ")");
    } else {
      PresetOption.Choice choice = PresetOption.resolve(preset, where);
      out.println("eyegan: " + choice.reason());
      cfg = newConfig(choice.preset());
    }
    if (where.warning() != null) {
      out.println(where.warning());
    }
    out.flush();
    if (!resuming && runDir != null) {
      requireEmptyOrMissing(runDir); // before the (possibly long) data loading, so a typo fails fast
    }

    if (cfg.dataDir() == null) {
      // First train without --data: render the built-in synthetic eyes into data/ (once).
      Path builtIn = DefaultData.ensure(Path.of("data"), line -> { out.println(line); out.flush(); });
      TrainConfig.Builder b = cfg.toBuilder();
      b.dataDir = builtIn.toAbsolutePath().normalize().toString();
      cfg = b.build();
    }
    Path dataDir = Path.of(cfg.dataDir());
    LoadOptions load = LoadOptions.of(cfg.model().resolution()).withFit(pad ? SquareFit.PAD : SquareFit.CROP);
    LoadResult loaded = DatasetLoader.load(dataDir, load, line -> { out.println(line); out.flush(); });
    TrainingSet set = TrainingSet.withFlips(loaded.images());
    EpochBatches batches = new EpochBatches(set, cfg.batchSize(), cfg.seed());

    RunDirectory run = openRunDirectory(resuming, cfg);
    TrainingOptionsFile.write(run.path(), cfg);
    StopSignal stop = new StopSignal();
    Thread hook = new Thread(() -> {
      stop.request();
      try {
        stop.awaitFinished(10, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "eyegan-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (RunLog log = new RunLog(out, run.path().resolve("log.txt"))) {
      log.line(String.format("data: %d images from %s (x2 with flips = %d per epoch), %d batches of %d",
          loaded.loaded(), dataDir, set.size(), batches.batchesPerEpoch(), cfg.batchSize()));
      log.line("model: " + cfg.model());
      Trainer trainer = new Trainer(cfg, run, batches, loaded.images(), log, stop)
          .withDevice(where.device())
          .withQualityMeter(new QualityMeter(loaded.images(), cfg.seed(), cfg.model().noiseDim()));
      if (!resuming && cfg.budgetMinutes() > 0) {
        log.line(String.format(java.util.Locale.ROOT,
            "sizing the schedule to %.1f min on this machine (%s) from the speed of its first steps",
            cfg.budgetMinutes(), CpuInfo.current().describe()));
        long started = ManagementFactory.getRuntimeMXBean().getStartTime();
        trainer.withScheduleSizer(new ScheduleSizer(cfg.budgetMinutes(), started, CpuInfo.current().describe()),
            sized -> recordSized(run, sized));
      }
      Trainer.Outcome outcome = trainer.run();
      writeReport(run, log);
      if (outcome.completed()) {
        log.line(String.format("done: %d epochs, %d steps in %.1f min; run folder %s",
            outcome.epoch(), outcome.step(), outcome.elapsedSeconds() / 60, run.path()));
        if (cfg.exportAtEnd() && !exportAtEnd(run, cfg, log)) {
          return EyeganCommand.EXIT_INTERNAL;
        }
      }
      return 0;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it is waiting for us, nothing to remove
      }
    }
  }

  /** The sized schedule's SWD cadence (unless --swd-every was given), written into the run's options. */
  private TrainConfig recordSized(RunDirectory run, TrainConfig sized) {
    TrainConfig.Builder b = sized.toBuilder();
    if (swdEvery == null && sized.swdEvery() > 0) {
      b.swdEvery = Math.max(1, (sized.epochs() + SIZED_SWD_MEASUREMENTS - 1) / SIZED_SWD_MEASUREMENTS);
    }
    TrainConfig c = build(b);
    TrainingOptionsFile.write(run.path(), c);
    return c;
  }

  /**
   * The run folder: the one being resumed, a new or empty {@code --run-dir}, or the next numbered
   * folder under {@code --runs}. A non-empty folder that is not a run is refused rather than mixed
   * with whatever it holds.
   */
  private RunDirectory openRunDirectory(boolean resuming, TrainConfig cfg) {
    try {
      if (resuming) {
        return RunDirectory.at(runDir);
      }
      if (runDir != null) {
        requireEmptyOrMissing(runDir);
        return RunDirectory.at(runDir);
      }
      return RunDirectory.createNext(runsRoot, cfg.preset(), cfg.model().resolution());
    } catch (IOException e) {
      throw new UserInputException("cannot create the run folder under "
          + (runDir != null ? runDir : runsRoot) + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
  }

  private static void requireEmptyOrMissing(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new UserInputException("--run-dir " + dir + " is not empty and is not an eyegan run"
              + " (no training_options.json); choose a new or empty folder");
        }
      }
    } else if (Files.exists(dir)) {
      throw new UserInputException("--run-dir " + dir + " is a file, not a folder");
    }
  }

  /** The GIF, curves and index.html; a failure here must not fail the finished training. */
  private static void writeReport(RunDirectory run, RunLog log) {
    try {
      ReportFiles files = TrainingReport.write(run.path(), line -> {});
      log.line("report: " + files.index() + " (progress.gif, curves.png)");
    } catch (RuntimeException e) {
      log.warn("could not write the report (" + e.getMessage() + "); retry with: eyegan report --run-dir " + run.path());
    }
  }

  /**
   * Exports the finished run; false (after saying how to retry) when that fails. The training
   * itself is complete and checkpointed either way.
   */
  private static boolean exportAtEnd(RunDirectory run, TrainConfig cfg, RunLog log) {
    try {
      GeneratorExporter.Exported e = new GeneratorExporter(log::warn).exportRun(run.path(), Path.of(cfg.exportDir()), null);
      log.line("exported the generator (SavedModel for TF Serving) to " + e.versionDir()
          + "; try: eyegan generate --model " + cfg.exportDir() + " --grid");
      return true;
    } catch (RuntimeException ex) {
      log.warn("the export failed (" + ex.getMessage() + "); the run is complete, export it with: eyegan export --run-dir "
          + run.path());
      return false;
    }
  }

  private TrainConfig newConfig(Preset p) {
    TrainConfig.Builder b = TrainConfig.fromPreset(p).toBuilder();
    if (resolution != null) {
      b.model = resize(p.model(), resolution);
    }
    b.dataDir = data == null ? null : data.toAbsolutePath().normalize().toString();
    applyScheduleFlags(b);
    if (minutes != null && !(minutes > 0 && minutes < 100_000)) {
      throw new UserInputException("--minutes must be a positive number of minutes, got " + minutes);
    }
    // No --epochs: the cpu preset (or any preset given --minutes) is sized to the machine.
    if (epochs == null && (minutes != null || p == Preset.CPU)) {
      b.budgetMinutes = minutes != null ? minutes : DEFAULT_MINUTES;
    }
    if (batch != null) {
      b.batchSize = batch;
    }
    if (lr != null) {
      b.learningRate = lr;
    }
    if (beta1 != null) {
      b.beta1 = beta1;
    }
    if (seed != null) {
      b.seed = seed;
    }
    if (kernel != null) {
      b.model = modelChange(() -> b.model.withKernelSize(kernel), "--kernel");
    }
    if (augment != null) {
      b.augment = augment;
    }
    if (emaKimg != null) {
      b.emaKimg = emaKimg;
      b.emaRampup = Preset.EMA_RAMPUP;
    }
    if (noEma) {
      b.emaKimg = 0;
      b.emaRampup = 0;
    }
    return build(b);
  }

  /** A resumed run keeps its model, data and seed; only the schedule can be changed. */
  private TrainConfig resumeConfig(TrainConfig saved) {
    if (resolution != null && resolution != saved.model().resolution()) {
      throw new UserInputException("--resolution " + resolution + " differs from the run's " + saved.model().resolution()
          + "px; a run cannot change its model. Train into a new --run-dir instead.");
    }
    if (minutes != null) {
      throw new UserInputException("--minutes sizes a new run; a resumed run keeps its recorded "
          + saved.epochs() + " epochs (give --epochs N to extend it)");
    }
    if (batch != null || lr != null || beta1 != null || seed != null || kernel != null || augment != null
        || emaKimg != null || noEma) {
      throw new UserInputException("--batch, --lr, --beta1, --seed, --kernel, --augment, --ema-kimg and --no-ema are"
          + " fixed for a run; resume without them or train into a new --run-dir");
    }
    TrainConfig.Builder b = saved.toBuilder();
    if (data != null) {
      b.dataDir = data.toAbsolutePath().normalize().toString();
    }
    applyScheduleFlags(b);
    return build(b);
  }

  private void applyScheduleFlags(TrainConfig.Builder b) {
    if (epochs != null) {
      b.epochs = epochs;
    }
    if (checkpointEvery != null) {
      b.checkpointEvery = checkpointEvery;
    }
    if (keepCheckpoints != null) {
      b.keepCheckpoints = keepCheckpoints;
    }
    if (grid != null) {
      b.gridSamples = grid;
    }
    if (gridEvery != null) {
      b.gridEvery = gridEvery;
    }
    if (swdEvery != null) {
      b.swdEvery = swdEvery;
    }
    if (tickSeconds != null) {
      b.tickSeconds = tickSeconds;
    }
    if (maxMinutes != null) {
      b.maxMinutes = maxMinutes;
    }
    if (noExport) {
      b.exportAtEnd = false;
    }
    if (exportDir != null) {
      b.exportDir = exportDir;
    }
  }

  private static ModelConfig resize(ModelConfig m, int res) {
    return modelChange(() -> m.withResolution(res), "--resolution");
  }

  private static ModelConfig modelChange(java.util.function.Supplier<ModelConfig> change, String flag) {
    try {
      return change.get();
    } catch (IllegalArgumentException e) {
      throw new UserInputException(flag + ": " + e.getMessage());
    }
  }

  private static TrainConfig build(TrainConfig.Builder b) {
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
