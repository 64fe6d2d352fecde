package eyegan.run;

import eyegan.UserInputException;
import eyegan.config.TrainConfig;
import eyegan.config.TrainingOptionsFile;
import eyegan.data.DatasetLoader;
import eyegan.data.EpochBatches;
import eyegan.data.LoadOptions;
import eyegan.data.LoadResult;
import eyegan.data.SquareFit;
import eyegan.data.TrainingSet;
import eyegan.export.GeneratorExporter;
import eyegan.report.ReportFiles;
import eyegan.report.TrainingReport;
import eyegan.runtime.CpuInfo;
import eyegan.runtime.StepDevice;
import eyegan.synth.DefaultData;
import eyegan.train.QualityMeter;
import eyegan.train.RunDirectory;
import eyegan.train.RunLock;
import eyegan.train.RunLog;
import eyegan.train.ScheduleSizer;
import eyegan.train.StopSignal;
import eyegan.train.Trainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One training run from start to end, for the {@code train} command and for tests alike: the
 * built-in data on first use, loading and checking the data against the run's record, the run
 * folder, its {@code training_options.json}, a stop on Ctrl-C that checkpoints first, the trainer
 * (with a schedule sized to the machine when asked), the report, and the export of a completed run.
 */
public final class TrainingRun {
  /** SWD measurements in a machine-sized run (the cadence follows the chosen epochs). */
  static final int SIZED_SWD_MEASUREMENTS = 6;

  /**
   * What to train.
   *
   * @param config every setting of the run; for a resume, the recorded one with the schedule changes applied
   * @param runDir the run folder: resumed when {@code resume}, else created (it must be new or empty);
   *     null = the next numbered folder under {@code runsRoot}
   * @param runsRoot where numbered run folders are created
   * @param resume continue the run recorded in {@code runDir}
   * @param swdFollowsSchedule a sized schedule picks the SWD cadence (false when it was given)
   * @param allowDataChange resume on data whose fingerprint differs from the recorded one
   * @param builtInDataRoot where the built-in synthetic eyes are rendered when the config names no data
   * @param device where the step runs; null leaves it to TensorFlow (a GPU when it sees one)
   * @param budgetStartMillis when a sized schedule's budget started, epoch milliseconds; 0 = the
   *     JVM's start (the command's, so that its setup counts)
   */
  public record Request(TrainConfig config, Path runDir, Path runsRoot, boolean resume, boolean swdFollowsSchedule,
      boolean allowDataChange, Path builtInDataRoot, StepDevice device, long budgetStartMillis) {
    /** A request whose budget counts from the JVM's start. */
    public Request(TrainConfig config, Path runDir, Path runsRoot, boolean resume, boolean swdFollowsSchedule,
        boolean allowDataChange, Path builtInDataRoot, StepDevice device) {
      this(config, runDir, runsRoot, resume, swdFollowsSchedule, allowDataChange, builtInDataRoot, device, 0);
    }

    /** A request that leaves the device to TensorFlow. */
    public Request(TrainConfig config, Path runDir, Path runsRoot, boolean resume, boolean swdFollowsSchedule,
        boolean allowDataChange, Path builtInDataRoot) {
      this(config, runDir, runsRoot, resume, swdFollowsSchedule, allowDataChange, builtInDataRoot, null);
    }
  }

  /**
   * How it ended.
   *
   * @param outcome the trainer's result (steps, epochs, completed or stopped)
   * @param runDir the run folder
   * @param exportFailed true when the run completed but its export did not (the run is safe either way)
   */
  public record Result(Trainer.Outcome outcome, Path runDir, boolean exportFailed) {}

  private TrainingRun() {}

  /**
   * Trains as {@code request} says, printing progress to {@code out}. The run folder is claimed
   * ({@link RunLock}) for the whole run, so a second process cannot train into it at the same time.
   */
  public static Result run(Request request, PrintWriter out) {
    if (request.resume()) {
      // Claimed before the (possibly long) data loading, so a run already being trained fails fast.
      try (RunLock lock = RunLock.acquire(request.runDir())) {
        return loadAndTrain(request, out);
      }
    }
    if (request.runDir() != null) {
      requireEmptyOrMissing(request.runDir()); // before the data loading, so a typo fails fast
    }
    return loadAndTrain(request, out);
  }

  /** The run; a resumed run's folder is already claimed, a new one's is claimed as soon as it exists. */
  private static Result loadAndTrain(Request request, PrintWriter out) {
    TrainConfig cfg = request.config();
    if (cfg.dataDir() == null) {
      // First train without --data: render the built-in synthetic eyes (once).
      Path builtIn = DefaultData.ensure(request.builtInDataRoot(), line -> print(out, line));
      TrainConfig.Builder b = cfg.toBuilder();
      b.dataDir = builtIn.toAbsolutePath().normalize().toString();
      cfg = b.build();
    }
    Path dataDir = Path.of(cfg.dataDir());
    LoadOptions load = LoadOptions.of(cfg.model().resolution()).withFit(SquareFit.parse(cfg.fit()));
    LoadResult loaded = DatasetLoader.load(dataDir, load, line -> print(out, line));
    cfg = checkData(cfg, DataFingerprint.of(loaded.images()), request);
    TrainingSet set = TrainingSet.withFlips(loaded.images());
    EpochBatches batches = new EpochBatches(set, cfg.batchSize(), cfg.seed());

    RunDirectory run = openRunDirectory(request, cfg);
    try (RunLock lock = request.resume() ? null : RunLock.acquire(run.path())) {
      return train(request, out, cfg, run, loaded, set, batches);
    }
  }

  private static Result train(Request request, PrintWriter out, TrainConfig cfg, RunDirectory run, LoadResult loaded,
      TrainingSet set, EpochBatches batches) {
    Path dataDir = Path.of(cfg.dataDir());
    TrainingOptionsFile.write(run.path(), cfg);
    StopSignal stop = new StopSignal();
    // Ctrl-C: ask the loop to stop and wait for the whole run (checkpoint, report, last lines), not
    // just the loop, so that nothing it prints or writes is cut off by the JVM halting.
    Thread hook = new Thread(() -> {
      stop.request();
      try {
        stop.awaitFinished(10, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "eyegan-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (RunLog log = new RunLog(out, run.log())) {
      log.line(String.format("data: %d images from %s (x2 with flips = %d per epoch), %d batches of %d",
          loaded.loaded(), dataDir, set.size(), batches.batchesPerEpoch(), cfg.batchSize()));
      log.line("model: " + cfg.model());
      Trainer trainer = new Trainer(cfg, run, batches, loaded.images(), log, stop)
          .withDevice(request.device())
          .withQualityMeter(new QualityMeter(loaded.images(), cfg.seed(), cfg.model().noiseDim()));
      if (!request.resume() && cfg.budgetMinutes() > 0) {
        String machine = CpuInfo.current().describe();
        log.line(String.format(Locale.ROOT,
            "sizing the schedule to %.1f min on this machine (%s) from the speed of its first steps",
            cfg.budgetMinutes(), machine));
        long started = request.budgetStartMillis() > 0
            ? request.budgetStartMillis() : ManagementFactory.getRuntimeMXBean().getStartTime();
        trainer.withScheduleSizer(new ScheduleSizer(cfg.budgetMinutes(), started, machine),
            sized -> recordSized(run, sized, request.swdFollowsSchedule()));
      }
      Trainer.Outcome outcome = trainer.run();
      writeReport(run, log);
      boolean exportFailed = false;
      if (outcome.completed()) {
        log.line(String.format("done: %d epochs, %d steps in %.1f min; run folder %s",
            outcome.epoch(), outcome.step(), outcome.elapsedSeconds() / 60, run.path()));
        exportFailed = cfg.exportAtEnd() && !exportAtEnd(run, cfg, log);
      }
      return new Result(outcome, run.path(), exportFailed);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it is waiting for us, nothing to remove
      }
      stop.finished();
    }
  }

  /**
   * Records the decoded set's fingerprint in a new run; on resume, refuses data that differ from
   * what the run was trained on unless that was asked for.
   */
  private static TrainConfig checkData(TrainConfig cfg, String fingerprint, Request request) {
    String recorded = cfg.dataFingerprint();
    if (request.resume() && recorded != null && !recorded.equals(fingerprint)) {
      if (!request.allowDataChange()) {
        throw new UserInputException("the data in " + cfg.dataDir() + " differ from what run " + request.runDir()
            + " was trained on (fingerprint " + fingerprint + ", recorded " + recorded + "); resume on the same"
            + " images, or add --allow-data-change to continue on these deliberately");
      }
    }
    TrainConfig.Builder b = cfg.toBuilder();
    b.dataFingerprint = fingerprint;
    return b.build();
  }

  /** The sized schedule's SWD cadence (unless it was given), written into the run's options. */
  private static TrainConfig recordSized(RunDirectory run, TrainConfig sized, boolean swdFollowsSchedule) {
    TrainConfig.Builder b = sized.toBuilder();
    if (swdFollowsSchedule && sized.swdEvery() > 0) {
      b.swdEvery = Math.max(1, (sized.epochs() + SIZED_SWD_MEASUREMENTS - 1) / SIZED_SWD_MEASUREMENTS);
    }
    TrainConfig c = b.build();
    TrainingOptionsFile.write(run.path(), c);
    return c;
  }

  /**
   * The run folder: the one being resumed, a new or empty {@code runDir}, or the next numbered
   * folder under {@code runsRoot}. A non-empty folder that is not a run is refused rather than mixed
   * with whatever it holds.
   */
  private static RunDirectory openRunDirectory(Request request, TrainConfig cfg) {
    Path runDir = request.runDir();
    try {
      if (request.resume()) {
        return RunDirectory.at(runDir);
      }
      if (runDir != null) {
        requireEmptyOrMissing(runDir);
        return RunDirectory.at(runDir);
      }
      return RunDirectory.createNext(request.runsRoot(), cfg.preset(), cfg.model().resolution());
    } catch (IOException e) {
      throw new UserInputException("cannot create the run folder under "
          + (runDir != null ? runDir : request.runsRoot()) + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
  }

  private static void requireEmptyOrMissing(Path dir) {
    if (Files.isDirectory(dir)) {
      try (var entries = Files.list(dir)) {
        // The claim file alone is what a run stopped before its first write leaves: still empty.
        if (entries.anyMatch(e -> !e.getFileName().toString().equals(RunLock.FILE))) {
          throw new UserInputException("--run-dir " + dir + " is not empty and is not an eyegan run"
              + " (no training_options.json); choose a new or empty folder");
        }
      } catch (IOException e) {
        throw new UserInputException("cannot read --run-dir " + dir + " (" + e.getMessage() + ")");
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
      log.line("exported the generator (SavedModel for TF Serving, " + e.info().weights() + " weights) to "
          + e.versionDir() + "; try: eyegan generate --model " + cfg.exportDir() + " --grid");
      return true;
    } catch (RuntimeException ex) {
      log.warn("the export failed (" + ex.getMessage() + "); the run is complete, export it with: eyegan export --run-dir "
          + run.path());
      return false;
    }
  }

  private static void print(PrintWriter out, String line) {
    out.println(line);
    out.flush();
  }
}
