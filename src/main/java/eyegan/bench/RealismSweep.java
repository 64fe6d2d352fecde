package eyegan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eyegan.EyeganException;
import eyegan.UserInputException;
import eyegan.config.Preset;
import eyegan.config.TrainConfig;
import eyegan.config.TrainingOptionsFile;
import eyegan.data.DatasetLoader;
import eyegan.data.LoadOptions;
import eyegan.data.SquareFit;
import eyegan.image.ImageGrid;
import eyegan.image.PngFiles;
import eyegan.image.RgbImages;
import eyegan.inference.EyeGenerator;
import eyegan.inference.ModelFolder;
import eyegan.io.AtomicFiles;
import eyegan.report.StatsFile;
import eyegan.report.TrainingStats;
import eyegan.report.TrainingTick;
import eyegan.run.TrainingRun;
import eyegan.runtime.CpuInfo;
import eyegan.train.RunDirectory;
import eyegan.train.RunLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains one configuration with several seeds at one or more budgets, scores each exported
 * generator with {@link RealismMeasures} on the same samples, and reports median and range per
 * measure: the only way to tell whether a recipe change helps when the seed alone moves the result
 * by up to 2x.
 *
 * <p>Layout of the sweep folder: {@code sweep.json} (the configuration, seeds and budgets),
 * {@code <budget>/seed-<s>/} (an ordinary run folder with its export in {@code savedmodel/} and its
 * score in {@code realism.json}), and after every budget {@code realism.json} (every score and
 * summary) and {@code realism-<budget>.png} (a row of eyes per seed, then a row of training images).
 * Running the same sweep again continues it: scored runs are kept, stopped runs resume from their
 * newest checkpoint, exported but unscored runs are scored. Each run is claimed ({@link RunLock})
 * while it is trained and scored, so the same command started in a second process trains the seeds
 * the first has not taken, and each process then waits for the other's runs and writes the whole
 * summary.
 */
public final class RealismSweep {
  /** Eyes per row of the sweep's picture. */
  static final int ROW = 8;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final String SETTINGS_FILE = "sweep.json";
  static final String SUMMARY_FILE = "realism.json";
  static final String SCORE_FILE = "realism.json";
  /** How often a run that another process is training is checked for its end. */
  private static final long OTHER_TRAINER_POLL_MILLIS = 10_000;

  /**
   * What to sweep.
   *
   * @param base every setting of the runs but the seed and the schedule
   * @param seeds training seeds, one run each per budget
   * @param minutes budgets in minutes, each run sized to its machine as {@code train --minutes} is;
   *     empty when {@code epochs} is given
   * @param epochs a fixed schedule instead (0 = use {@code minutes})
   * @param dir the sweep folder
   * @param builtInDataRoot where the built-in synthetic eyes are rendered when the runs use them
   * @param images generated images scored per run
   * @param rescore score every run again (after the measures changed); the runs are not retrained
   * @param rateFollowsBudget each budget in minutes trains at its preset's learning rate for that
   *     budget ({@link Preset#learningRate(double)}) instead of the base's
   */
  public record Settings(TrainConfig base, List<Long> seeds, List<Double> minutes, int epochs, Path dir,
      Path builtInDataRoot, int images, boolean rescore, boolean rateFollowsBudget) {
    /** A sweep whose runs all keep the base's learning rate. */
    public Settings(TrainConfig base, List<Long> seeds, List<Double> minutes, int epochs, Path dir,
        Path builtInDataRoot, int images, boolean rescore) {
      this(base, seeds, minutes, epochs, dir, builtInDataRoot, images, rescore, false);
    }

    public Settings {
      seeds = List.copyOf(seeds);
      minutes = List.copyOf(minutes);
      if (seeds.isEmpty()) {
        throw new IllegalArgumentException("a sweep needs at least one seed");
      }
      if (epochs < 0 || (epochs == 0) == minutes.isEmpty()) {
        throw new IllegalArgumentException("a sweep needs either budgets in minutes or a number of epochs");
      }
      for (double m : minutes) {
        if (!(m > 0 && m < 100_000)) {
          throw new IllegalArgumentException("budgets must be positive minutes, got " + m);
        }
      }
    }

    /** The budgets' labels: {@code 10min} per budget, or {@code 40ep}. */
    List<String> labels() {
      if (epochs > 0) {
        return List.of(epochs + "ep");
      }
      return minutes.stream().map(RealismSweep::minutesLabel).toList();
    }
  }

  private final Settings settings;
  private final PrintWriter out;
  private final String machine = CpuInfo.current().describe();
  /** Opened at the first score and kept for the sweep: the reals are measured once. */
  private RealismMeasures measures;

  private RealismSweep(Settings settings, PrintWriter out) {
    this.settings = settings;
    this.out = out;
  }

  /** Runs (or continues) the sweep and returns every score, budget by budget, seed by seed. */
  public static List<RealismScore> run(Settings settings, PrintWriter out) {
    return new RealismSweep(settings, out).run();
  }

  private List<RealismScore> run() {
    recordSettings();
    try {
      return runBudgets();
    } finally {
      if (measures != null) {
        measures.close();
      }
    }
  }

  private List<RealismScore> runBudgets() {
    List<RealismScore> all = new ArrayList<>();
    List<String> labels = settings.labels();
    RgbImages reals = null;
    for (int b = 0; b < labels.size(); b++) {
      String label = labels.get(b);
      Map<Long, RealismScore> bySeed = new TreeMap<>();
      Map<Long, RgbImages> rowBySeed = new TreeMap<>();
      List<Long> pending = new ArrayList<>(settings.seeds());
      while (!pending.isEmpty()) {
        Claimed next = claimNext(label, pending);
        pending.remove(next.seed());
        Path runDir = runDir(label, next.seed());
        try (RunLock held = next.claim()) {
          line(String.format(Locale.ROOT, "realism sweep: budget %s, seed %d (%d of %d) in %s", label, next.seed(),
              bySeed.size() + 1, settings.seeds().size(), runDir));
          long started = System.currentTimeMillis();
          train(runDir, next.seed(), b, started);
          if (reals == null) {
            reals = loadReals(runDir);
          }
          bySeed.put(next.seed(), score(runDir, label, next.seed(), reals, rowBySeed));
        }
      }
      List<RealismScore> scores = new ArrayList<>(bySeed.values());
      List<RgbImages> rows = new ArrayList<>(rowBySeed.values());
      all.addAll(scores);
      line(RealismSummary.table(label, scores, machine));
      writePicture(label, rows, reals);
      writeSummary(all);
    }
    return all;
  }

  private Path runDir(String label, long seed) {
    return settings.dir().resolve(label).resolve("seed-" + seed);
  }

  /** A seed's run folder, claimed by this sweep. */
  private record Claimed(long seed, RunLock claim) {}

  /**
   * The first pending seed whose run no other process is training (a second sweep with the same
   * settings takes the seeds this one has not, so two processes share a sweep), claimed; when every
   * pending run is being trained elsewhere, waits for the first of them to be free. A run finished
   * elsewhere is then only scored (or just read), one stopped elsewhere is resumed here.
   */
  private Claimed claimNext(String label, List<Long> pending) {
    for (long seed : pending) {
      Path dir = runDir(label, seed);
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new UserInputException("cannot create " + dir + " (" + e.getMessage() + ")");
      }
      RunLock claim = RunLock.tryAcquire(dir);
      if (claim != null) {
        return new Claimed(seed, claim);
      }
    }
    long seed = pending.get(0);
    Path dir = runDir(label, seed);
    line("realism sweep: another process is training every run left (" + pending + "); waiting for " + dir);
    try {
      while (true) {
        Thread.sleep(OTHER_TRAINER_POLL_MILLIS);
        RunLock claim = RunLock.tryAcquire(dir);
        if (claim != null) {
          return new Claimed(seed, claim);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StopException("stopped while waiting for " + dir + "; run the same command again to continue the sweep");
    }
  }

  /** Trains the run, resuming a stopped one; returns at once for an exported one. */
  private void train(Path runDir, long seed, int budget, long started) {
    if (Files.isRegularFile(runDir.resolve(SCORE_FILE)) || exported(runDir)) {
      line("  already trained");
      return;
    }
    boolean resume = TrainingOptionsFile.exists(runDir);
    TrainConfig cfg;
    if (resume) {
      cfg = TrainingOptionsFile.read(runDir);
    } else {
      TrainConfig.Builder b = settings.base().toBuilder();
      b.seed = seed;
      b.exportDir = runDir.resolve("savedmodel").toString();
      b.exportAtEnd = true;
      if (settings.epochs() > 0) {
        b.epochs = settings.epochs();
        b.budgetMinutes = 0;
      } else {
        b.budgetMinutes = settings.minutes().get(budget);
        if (settings.rateFollowsBudget()) {
          b.learningRate = Preset.parse(b.preset).learningRate(b.budgetMinutes); // as train --minutes picks it
        }
      }
      cfg = b.build();
    }
    TrainingRun.Result r = TrainingRun.run(new TrainingRun.Request(cfg, runDir, runDir.getParent(), resume,
        settings.base().swdEvery() > 0, false, settings.builtInDataRoot(), null, started), out);
    if (!r.outcome().completed()) {
      throw new StopException("stopped in " + runDir + "; run the same command again to continue the sweep");
    }
    if (r.exportFailed()) {
      throw new EyeganException("the export of " + runDir + " failed; run the same command again to retry it");
    }
  }

  /** Scores the run (or reads its score) and puts its row of eyes into {@code rows} under its seed. */
  private RealismScore score(Path runDir, String label, long seed, RgbImages reals, Map<Long, RgbImages> rows) {
    Path file = runDir.resolve(SCORE_FILE);
    try (EyeGenerator g = EyeGenerator.load(runDir.resolve("savedmodel"))) {
      rows.put(seed, g.generate(ROW, 0));
      if (Files.isRegularFile(file) && !settings.rescore()) {
        return RealismScore.read(file);
      }
      if (measures == null) {
        line("  measuring the real images once for every run's scores...");
        measures = new RealismMeasures(reals, settings.images());
      }
      line("  scoring " + g.path() + " on " + settings.images() + " images...");
      RealismMeasures.Scores s = measures.score(g);
      TrainConfig cfg = TrainingOptionsFile.read(runDir);
      TrainingStats stats = StatsFile.read(runDir.resolve(RunDirectory.STATS));
      TrainingTick last = stats.ticks().isEmpty() ? null : stats.ticks().get(stats.ticks().size() - 1);
      RealismScore score = new RealismScore(label, seed, last == null ? 0 : last.step(), cfg.epochs(),
          msPerStep(stats, cfg.batchSize()), last == null ? 0 : last.elapsedSeconds() / 60, s.measures(), s.floors());
      score.write(file);
      return score;
    }
  }

  /** Median step time over the run's ticks after the first (which holds graph optimisation). */
  static double msPerStep(TrainingStats stats, int batch) {
    List<TrainingTick> ticks = stats.ticks();
    double[] ms = ticks.stream().skip(ticks.size() > 1 ? 1 : 0).filter(t -> t.imagesPerSecond() > 0)
        .mapToDouble(t -> 1000.0 * batch / t.imagesPerSecond()).toArray();
    return RealismSummary.median(ms);
  }

  private RgbImages loadReals(Path runDir) {
    TrainConfig cfg = TrainingOptionsFile.read(runDir);
    LoadOptions load = LoadOptions.of(cfg.model().resolution()).withFit(SquareFit.parse(cfg.fit()));
    RgbImages reals = DatasetLoader.load(Path.of(cfg.dataDir()), load, this::line).images();
    if (reals.count() < 2 * settings.images()) {
      line(String.format(Locale.ROOT, "note: %d real images for %d generated per run: only %d are compared",
          reals.count(), settings.images(), reals.count() / 2));
    }
    return reals;
  }

  private static boolean exported(Path runDir) {
    try {
      ModelFolder.resolve(runDir.resolve("savedmodel"));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Writes the sweep's settings, or checks that a continued sweep has the same ones. */
  private void recordSettings() {
    Path file = settings.dir().resolve(SETTINGS_FILE);
    ObjectNode mine = JSON.createObjectNode();
    mine.set("config", JSON.valueToTree(settings.base()));
    mine.set("seeds", JSON.valueToTree(settings.seeds()));
    mine.set("minutes", JSON.valueToTree(settings.minutes()));
    mine.put("epochs", settings.epochs());
    mine.put("images", settings.images());
    if (settings.rateFollowsBudget()) {
      mine.put("rateFollowsBudget", true); // absent otherwise, so earlier sweeps continue
    }
    try {
      if (Files.isRegularFile(file)) {
        // Compared as written: a float setting reads back as a double node.
        if (!JSON.readTree(file.toFile()).equals(JSON.readTree(JSON.writeValueAsString(mine)))) {
          throw new UserInputException(settings.dir() + " holds a sweep with other settings (" + file
              + "); continue it with the same flags or choose a new --sweep-dir");
        }
        line("continuing the sweep in " + settings.dir());
        return;
      }
      Files.createDirectories(settings.dir());
      AtomicFiles.writeString(file, JSON.writeValueAsString(mine) + System.lineSeparator());
    } catch (IOException e) {
      throw new UserInputException("cannot write " + file + " (" + e.getMessage() + ")");
    }
  }

  private void writeSummary(List<RealismScore> all) {
    ObjectNode root = JSON.createObjectNode();
    root.put("machine", machine);
    root.set("scores", JSON.valueToTree(all));
    ObjectNode summaries = root.putObject("summaries");
    for (String label : settings.labels()) {
      List<RealismScore> scores = all.stream().filter(s -> s.budget().equals(label)).toList();
      if (!scores.isEmpty()) {
        ArrayNode rows = summaries.putArray(label);
        for (RealismSummary.Row r : RealismSummary.rows(scores)) {
          rows.add(JSON.createObjectNode().put("measure", r.measure()).put("median", r.median()).put("min", r.min())
              .put("max", r.max()).put("spread", r.spread()).put("floor", r.floor()).put("ratio", r.ratio()));
        }
      }
    }
    Path file = settings.dir().resolve(SUMMARY_FILE);
    try {
      AtomicFiles.writeString(file, JSON.writeValueAsString(root) + System.lineSeparator());
    } catch (IOException e) {
      throw new EyeganException("cannot write " + file + ": " + e.getMessage(), e);
    }
    line("wrote " + file);
  }

  /** A row of eyes per seed, then a row of training images. */
  private void writePicture(String label, List<RgbImages> rows, RgbImages reals) {
    List<RgbImages> all = new ArrayList<>(rows);
    all.add(firstImages(reals, ROW));
    RgbImages joined = concat(all);
    Path file = settings.dir().resolve("realism-" + label + ".png");
    PngFiles.write(ImageGrid.compose(joined, ROW, joined.count()), file);
    line("wrote " + file + " (a row of eyes per seed " + settings.seeds() + ", then training images)");
  }

  private static RgbImages firstImages(RgbImages images, int n) {
    int k = Math.min(n, images.count());
    byte[] px = java.util.Arrays.copyOf(images.pixels(), k * images.imageBytes());
    return new RgbImages(k, images.height(), images.width(), px);
  }

  private static RgbImages concat(List<RgbImages> parts) {
    int count = parts.stream().mapToInt(RgbImages::count).sum();
    RgbImages first = parts.get(0);
    byte[] px = new byte[count * first.imageBytes()];
    int at = 0;
    for (RgbImages p : parts) {
      System.arraycopy(p.pixels(), 0, px, at, p.count() * p.imageBytes());
      at += p.count() * p.imageBytes();
    }
    return new RgbImages(count, first.height(), first.width(), px);
  }

  static String minutesLabel(double minutes) {
    return (minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : String.valueOf(minutes)) + "min";
  }

  private void line(String s) {
    out.println(s);
    out.flush();
  }

  /** A run was stopped (Ctrl-C, --max-minutes): the sweep stops too, to be continued later. */
  public static final class StopException extends EyeganException {
    StopException(String message) {
      super(message);
    }
  }
}
