package eyegan.train;

import eyegan.EyeganException;
import eyegan.UserInputException;
import eyegan.config.StepOptions;
import eyegan.config.TrainConfig;
import eyegan.data.EpochBatches;
import eyegan.image.ImageGrid;
import eyegan.image.PngFiles;
import eyegan.image.RgbImages;
import eyegan.metrics.SwdResult;
import eyegan.report.StatsFile;
import eyegan.report.TrainingTick;
import eyegan.runtime.SessionConfigs;
import eyegan.runtime.StepDevice;
import java.nio.file.Path;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The training loop: epochs of shuffled batches through {@link TrainingGraph}, with progress lines,
 * {@code stats.jsonl}, TensorBoard scalars, a fixed-seed grid per epoch, periodic crash-safe
 * checkpoints, resume from the newest valid checkpoint, a clean stop on Ctrl-C or
 * {@code --max-minutes}, and a hard stop (with the last good checkpoint kept) when a loss turns NaN.
 */
public final class Trainer {
  /** How a call to {@link #run()} ended. */
  public record Outcome(long step, int epoch, int batch, boolean completed, Path lastCheckpoint, double elapsedSeconds) {}

  /** Draws generator images (inference mode) from the training session. */
  public interface FakeSampler {
    /** {@code count} images from the noise rows of {@code noise} (float [count, noiseDim]). */
    RgbImages sample(float[] noise, int count);
  }

  private static final int SAMPLE_BATCH = 64;

  private TrainConfig cfg;
  private final RunDirectory run;
  private final EpochBatches data;
  private final RgbImages reals;
  private final RunLog log;
  private final StopSignal stop;
  private QualityMeter quality;
  private StepDevice device;
  private ScheduleSizer sizer;
  private java.util.function.UnaryOperator<TrainConfig> onSized;
  /** The newest R1 penalty measured (NaN until the first lazy R1 step). */
  private float lastR1 = Float.NaN;

  /**
   * @param reals real images for {@code reals.png} (any count; the first grid's worth is shown)
   */
  public Trainer(TrainConfig cfg, RunDirectory run, EpochBatches data, RgbImages reals, RunLog log, StopSignal stop) {
    this.cfg = cfg;
    this.run = run;
    this.data = data;
    this.reals = reals;
    this.log = log;
    this.stop = stop;
  }

  /** Measures SWD every {@code swdEvery} epochs with {@code meter} (when swdEvery > 0). */
  public Trainer withQualityMeter(QualityMeter meter) {
    this.quality = meter;
    return this;
  }

  /** Runs the step on {@code device} (default: TensorFlow's choice, a GPU when it sees one). */
  public Trainer withDevice(StepDevice device) {
    this.device = device;
    return this;
  }

  /**
   * Sizes the epochs to a time budget after timing the first steps of a new run; {@code onSized}
   * gets the config with the chosen epochs, may adjust what depends on them, records it, and
   * returns the config to continue with.
   */
  public Trainer withScheduleSizer(ScheduleSizer sizer, java.util.function.UnaryOperator<TrainConfig> onSized) {
    this.sizer = sizer;
    this.onSized = onSized;
    return this;
  }

  /** Trains until the schedule is done or a stop is requested; always leaves a checkpoint. */
  public Outcome run() {
    Hyperparameters hp = new Hyperparameters(cfg.learningRate(), cfg.beta1(), cfg.beta2(), cfg.epsilon());
    Checkpoints checkpoints = new Checkpoints(run.checkpoints(), cfg.keepCheckpoints());
    int r = cfg.model().resolution();
    try (Graph graph = new Graph()) {
      new TrainingGraph(graph, cfg.model(), hp, cfg.seed(), cfg.stepOptions());
      try (Session session = new Session(graph, SessionConfigs.training(device));
          TensorBoardLog board = new TensorBoardLog(run.tensorboard())) {
        Checkpoints.Meta start = resume(session, checkpoints);
        Sampler sampler = new Sampler(session, cfg.model().noiseDim(), r);
        float[] gridNoise = GridNoise.forSeed(cfg.seed(), cfg.gridSamples(), cfg.model().noiseDim());
        if (start.step() == 0) {
          writeStartImages(sampler, gridNoise, board);
        }
        try (StatsLog stats = new StatsLog(run.stats(), start.step())) {
          return loop(session, checkpoints, start, sampler, gridNoise, stats, board);
        } finally {
          board.flush();
        }
      }
    }
  }

  private Checkpoints.Meta resume(Session session, Checkpoints checkpoints) {
    boolean hadAny = !checkpoints.list(w -> {}).isEmpty();
    Optional<Checkpoints.Entry> restored = checkpoints.restoreLatest(session, log::warn);
    if (restored.isEmpty()) {
      if (hadAny) {
        throw new UserInputException("no readable checkpoint in " + checkpoints.dir()
            + "; move the broken ones away to resume from an older one, or train into a new --run-dir");
      }
      session.initialize();
      log.line("starting a new run in " + run.path());
      return new Checkpoints.Meta(0, 0, 0, cfg.seed(), data.set().size(), 0);
    }
    Checkpoints.Meta m = restored.get().meta();
    if (m.trainingSetSize() != data.set().size()) {
      log.warn("the training set has " + data.set().size() + " images per epoch, the checkpoint was taken with "
          + m.trainingSetSize() + "; continuing on the new set");
    }
    log.line(String.format("resuming from %s: step %d, epoch %d, batch %d",
        restored.get().dir().getFileName(), m.step(), m.epoch() + 1, m.batch()));
    return m;
  }

  private Outcome loop(Session session, Checkpoints checkpoints, Checkpoints.Meta start, Sampler sampler,
      float[] gridNoise, StatsLog stats, TensorBoardLog board) {
    int r = cfg.model().resolution();
    int perEpoch = data.batchesPerEpoch();
    BatchPrefetcher prefetch = new BatchPrefetcher(data, r);
    // Like the image tensors, the step's seed tensor is allocated once and rewritten each step.
    TInt64 stepSeed = TInt64.vectorOf(cfg.seed(), 0);
    // So is the learning-rate scale, fed only when the step decays its rates.
    TFloat32 lrScale = cfg.stepOptions().decays() ? TFloat32.scalarOf(1f) : null;
    LearningRateDecay decay = lrScale != null ? new LearningRateDecay(cfg.stepOptions().lrDecay()) : null;
    long step = start.step();
    int epoch = start.epoch();
    int batch = start.batch();
    double elapsedBefore = start.elapsedSeconds();
    long runStart = System.nanoTime();
    Tick tick = new Tick(System.nanoTime());
    long deadline = cfg.maxMinutes() > 0 ? runStart + (long) (cfg.maxMinutes() * 60e9) : Long.MAX_VALUE;
    long timedFrom = -1;
    boolean sizing = sizer != null && start.step() == 0;
    try {
      // Until a sized schedule is decided, the preset's epochs are only a placeholder: keep going.
      while (sizing || epoch < cfg.epochs()) {
        while (batch < perEpoch) {
          if (stop.requestedAt(step) || System.nanoTime() >= deadline) {
            String why = stop.requestedAt(step) ? "stop requested" : "--max-minutes reached";
            // A checkpoint of this very step (just resumed, or saved at the epoch's end) is kept as is.
            Path saved = checkpoints.save(session, meta(step, epoch, batch, elapsed(elapsedBefore, runStart)));
            log.line(why + ": saved " + saved.getFileName() + " at step " + step
                + "; resume with: eyegan train --run-dir " + run.path());
            return new Outcome(step, epoch, batch, false, saved, elapsed(elapsedBefore, runStart));
          }
          boolean lastOfEpoch = batch + 1 == perEpoch;
          int nextEpoch = lastOfEpoch ? (sizing || epoch + 1 < cfg.epochs() ? epoch + 1 : -1) : epoch;
          BatchPrefetcher.Batch next = prefetch.take(epoch, batch, nextEpoch, lastOfEpoch ? 0 : batch + 1);
          int n = next.images();
          if (lrScale != null) {
            // While a sized schedule is undecided its end is unknown; the decay only ever starts later.
            lrScale.setFloat(sizing ? 1f : decay.scale(step, (long) cfg.epochs() * perEpoch));
          }
          StepResult out = trainStep(session, next.tensor(), stepSeed, lrScale, step);
          step++;
          batch++;
          if (!out.finite()) {
            throw new EyeganException(String.format(
                "training diverged at step %d (epoch %d): d_loss=%s, g_loss=%s. Nothing was saved after it; "
                    + "the last good checkpoint is %s. Try a smaller --lr.",
                step, epoch + 1, out.dLoss(), out.gLoss(), lastGood(checkpoints)));
          }
          if (sizing && step == ScheduleSizer.WARMUP_STEPS) {
            timedFrom = System.nanoTime();
          } else if (sizing && step == ScheduleSizer.WARMUP_STEPS + timedSteps()) {
            ScheduleSizer.Decision d = sizer.decide((System.nanoTime() - timedFrom) / 1e9 / timedSteps(),
                perEpoch, step, System.currentTimeMillis());
            TrainConfig.Builder b = cfg.toBuilder();
            b.epochs = d.epochs();
            cfg = onSized.apply(b.build());
            log.line(d.reason());
            sizing = false;
          }
          tick.add(out, n);
          double now = elapsed(elapsedBefore, runStart);
          if (tick.seconds(System.nanoTime()) >= cfg.tickSeconds() || batch == perEpoch) {
            report(tick, epoch, step, (long) cfg.epochs() * perEpoch, now, stats, board);
            tick = new Tick(System.nanoTime());
          }
        }
        epoch++;
        batch = 0;
        boolean last = !sizing && epoch == cfg.epochs();
        if (epoch % cfg.gridEvery() == 0 || last) {
          writeGrid(sampler.sample(gridNoise, cfg.gridSamples()), run.fakes(epoch), step, board);
        }
        if (quality != null && cfg.swdEvery() > 0 && (epoch % cfg.swdEvery() == 0 || last)) {
          measureQuality(epoch, step, sampler, stats, board);
        }
        if (epoch % cfg.checkpointEvery() == 0 || last) {
          Path saved = checkpoints.save(session, meta(step, epoch, 0, elapsed(elapsedBefore, runStart)));
          log.line("saved checkpoint " + saved.getFileName());
        }
        board.flush();
      }
      // Normally the last epoch's checkpoint, already on disk: save() returns it.
      Path saved = checkpoints.save(session, meta(step, epoch, batch, elapsed(elapsedBefore, runStart)));
      return new Outcome(step, epoch, batch, true, saved, elapsed(elapsedBefore, runStart));
    } finally {
      prefetch.close();
      stepSeed.close();
      if (lrScale != null) {
        lrScale.close();
      }
    }
  }

  private void measureQuality(int epoch, long step, Sampler sampler, StatsLog stats, TensorBoardLog board) {
    long t0 = System.nanoTime();
    SwdResult floor = quality.floor();
    SwdResult swd = quality.measure(sampler);
    stats.appendJson(StatsFile.swdLine(step, epoch, swd, floor));
    board.scalar("swd/average", step, swd.average());
    int[] res = swd.levelResolutions();
    StringBuilder levels = new StringBuilder();
    for (int i = 0; i < res.length; i++) {
      board.scalar("swd/" + res[i] + "px", step, swd.perLevelX1e3()[i]);
      levels.append(String.format(java.util.Locale.ROOT, " %dpx %.1f", res[i], swd.perLevelX1e3()[i]));
    }
    log.line(String.format(java.util.Locale.ROOT, "SWD x1e3 after epoch %d: average %.1f (real-vs-real floor %.1f);%s  [%.1f s]",
        epoch, swd.average(), floor.average(), levels, (System.nanoTime() - t0) / 1e9));
  }

  private Checkpoints.Meta meta(long step, int epoch, int batch, double elapsed) {
    return new Checkpoints.Meta(step, epoch, batch, cfg.seed(), data.set().size(), elapsed);
  }

  private String lastGood(Checkpoints checkpoints) {
    return checkpoints.list(w -> {}).stream().findFirst().map(e -> e.dir().toString()).orElse("(none yet)");
  }

  /**
   * One optimisation step; {@code seed} is the reused (run seed, step) feed tensor, {@code lrScale}
   * the learning-rate factor of this step, or null when the step has no such feed.
   */
  private StepResult trainStep(Session session, TFloat32 real, TInt64 seed, TFloat32 lrScale, long step) {
    seed.setLong(step, 1);
    StepOptions options = cfg.stepOptions();
    if (options.r1() && step % options.r1Every() == 0) {
      lastR1 = r1Step(session, real, lrScale);
    }
    Session.Runner runner = session.runner();
    if (lrScale != null) {
      runner.feed(TrainingGraph.LR_SCALE, lrScale);
    }
    boolean adaptive = options.adaptive();
    if (adaptive) {
      runner.fetch(TrainingGraph.ADA_P).fetch(TrainingGraph.ADA_R);
    }
    try (Result res = runner
            .feed(TrainingGraph.REAL_IMAGES, real)
            .feed(TrainingGraph.STEP_SEED, seed)
            .addTarget(TrainingGraph.TRAIN)
            .fetch(TrainingGraph.D_LOSS)
            .fetch(TrainingGraph.G_LOSS)
            .fetch(TrainingGraph.D_REAL)
            .fetch(TrainingGraph.D_FAKE)
            .run()) {
      int o = adaptive ? 2 : 0;
      return new StepResult(scalar(res, o), scalar(res, o + 1), scalar(res, o + 2), scalar(res, o + 3),
          adaptive ? scalar(res, 0) : Float.NaN, adaptive ? scalar(res, 1) : Float.NaN);
    }
  }

  /**
   * Steps timed to size a schedule: with lazy R1, whole intervals of it, so that the timed steps
   * hold R1 steps in the share the run will.
   */
  private int timedSteps() {
    StepOptions options = cfg.stepOptions();
    int every = options.r1() ? options.r1Every() : 1;
    return (ScheduleSizer.TIMED_STEPS + every - 1) / every * every;
  }

  /** The lazy R1 step, on this step's real batch before its regular step; returns the penalty. */
  private static float r1Step(Session session, TFloat32 real, TFloat32 lrScale) {
    Session.Runner runner = session.runner();
    if (lrScale != null) {
      runner.feed(TrainingGraph.LR_SCALE, lrScale);
    }
    try (Result res = runner.feed(TrainingGraph.REAL_IMAGES, real).addTarget(TrainingGraph.R1_STEP)
        .fetch(TrainingGraph.R1_PENALTY).run()) {
      return scalar(res, 0);
    }
  }

  private static float scalar(Result res, int i) {
    return ((TFloat32) res.get(i)).getFloat();
  }

  private void report(Tick t, int epoch, long step, long totalSteps, double elapsed, StatsLog stats, TensorBoardLog board) {
    double secs = t.seconds(System.nanoTime());
    double imgPerSec = secs > 0 ? t.images / secs : 0;
    double secPerStep = t.steps > 0 ? secs / t.steps : 0;
    double eta = (totalSteps - step) * secPerStep;
    double[] m = t.means();
    log.line(ProgressLine.format(epoch + 1, cfg.epochs(), step, imgPerSec, m[0], m[1], m[2], m[3], t.adaP, m[4], elapsed, eta));
    stats.appendJson(StatsFile.tickLine(
        new TrainingTick(step, epoch + 1, m[0], m[1], m[2], m[3], imgPerSec, elapsed, t.adaP, m[4])));
    if (Double.isFinite(t.adaP)) {
      board.scalar("augment/p", step, t.adaP);
      board.scalar("augment/r", step, m[4]);
    }
    board.scalar("loss/discriminator", step, m[0]);
    board.scalar("loss/generator", step, m[1]);
    if (Float.isFinite(lastR1)) {
      board.scalar("loss/r1", step, lastR1);
    }
    board.scalar("D/real", step, m[2]);
    board.scalar("D/fake", step, m[3]);
    board.scalar("speed/images_per_second", step, imgPerSec);
  }

  private void writeStartImages(Sampler sampler, float[] gridNoise, TensorBoardLog board) {
    if (reals != null && reals.count() > 0) {
      int n = Math.min(cfg.gridSamples(), reals.count());
      PngFiles.write(ImageGrid.compose(reals, (int) Math.ceil(Math.sqrt(n)), n), run.reals());
    }
    writeGrid(sampler.sample(gridNoise, cfg.gridSamples()), run.fakesInit(), 0, board);
  }

  /** One grid picture, as a PNG file and as TensorBoard's "fakes" image at {@code step}. */
  private static void writeGrid(RgbImages samples, Path file, long step, TensorBoardLog board) {
    java.awt.image.BufferedImage grid = ImageGrid.compose(samples);
    PngFiles.write(grid, file);
    board.image("fakes", step, RgbImages.of(java.util.List.of(grid)), 0);
  }

  private static double elapsed(double before, long runStart) {
    return before + (System.nanoTime() - runStart) / 1e9;
  }

  /** Running sums over one progress interval. */
  private static final class Tick {
    final long startNanos;
    /** Sums of D's loss, G's loss, D(x), D(G(z)) and adaptive augmentation's r (NaN without it). */
    final double[] sums = new double[5];
    int steps;
    long images;
    double adaP = Double.NaN;

    Tick(long startNanos) {
      this.startNanos = startNanos;
    }

    void add(StepResult r, int n) {
      sums[0] += r.dLoss();
      sums[1] += r.gLoss();
      sums[2] += r.dReal();
      sums[3] += r.dFake();
      sums[4] += r.adaR();
      steps++;
      images += n;
      adaP = r.adaP();
    }

    double seconds(long now) {
      return (now - startNanos) / 1e9;
    }

    double[] means() {
      double[] m = new double[sums.length];
      for (int i = 0; i < m.length; i++) {
        m[i] = steps > 0 ? sums[i] / steps : Double.NaN;
      }
      return m;
    }
  }

  /** Runs the inference-mode generator branch of the training graph in batches. */
  private static final class Sampler implements FakeSampler {
    private final Session session;
    private final int noiseDim;
    private final int resolution;

    Sampler(Session session, int noiseDim, int resolution) {
      this.session = session;
      this.noiseDim = noiseDim;
      this.resolution = resolution;
    }

    @Override
    public RgbImages sample(float[] noise, int count) {
      int per = resolution * resolution * 3;
      float[] all = new float[count * per];
      for (int first = 0; first < count; first += SAMPLE_BATCH) {
        int n = Math.min(SAMPLE_BATCH, count - first);
        float[] rows = java.util.Arrays.copyOfRange(noise, first * noiseDim, (first + n) * noiseDim);
        try (TFloat32 z = TFloat32.tensorOf(Shape.of(n, noiseDim), DataBuffers.of(rows, true, false));
            Result res = session.runner().feed(TrainingGraph.SAMPLE_NOISE, z).fetch(TrainingGraph.SAMPLE_IMAGES).run()) {
          float[] part = new float[n * per];
          ((TFloat32) res.get(0)).copyTo(DataBuffers.of(part, false, false));
          System.arraycopy(part, 0, all, first * per, part.length);
        }
      }
      return RgbImages.fromUnitRange(all, count, resolution, resolution);
    }
  }
}
