package eyegan.cli;

import eyegan.UserInputException;
import eyegan.config.Preset;
import eyegan.config.TrainConfig;
import eyegan.config.TrainingOptionsFile;
import eyegan.data.SquareFit;
import eyegan.run.TrainingRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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
          + " its first steps (default for the cpu preset: " + DEFAULT_MINUTES + "; recorded in training_options.json)."
          + " The cpu preset trains budgets over " + (int) Preset.LONG_RUN_MINUTES + " minutes at --lr 2e-4 instead of 4e-4.")
  Double minutes;

  @Option(names = "--seed", description = "Seed of weights, noise, dropout, shuffling and grids.")
  Long seed;

  @Mixin RecipeOptions recipe;

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

  @Option(names = "--fit", paramLabel = "crop|pad|stretch",
      description = "How photos become square: crop (default: the centred square), pad (the whole photo on white)"
          + " or stretch (the whole photo squashed to a square, as the tutorial does). Recorded for resume.")
  String fit;

  @Option(names = "--pad", description = "Deprecated: the same as --fit pad.")
  boolean pad;

  @Option(names = "--allow-data-change", negatable = false,
      description = "Resume on data that differ from what the run was trained on (refused otherwise).")
  boolean allowDataChange;

  @Option(names = "--no-export", negatable = false, description = "Do not export a SavedModel at the end.")
  boolean noExport;

  @Option(names = "--export-dir", paramLabel = "DIR", description = "TF Serving base path (default savedmodel/eyegan).")
  String exportDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
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
      if (recipe.lr == null && cfg.learningRate() != choice.preset().learningRate()) {
        out.printf(Locale.ROOT, "eyegan: learning rate %.0e for a budget over %.0f minutes (the %s preset's %.0e suits"
            + " shorter runs; give --lr to choose)%n", cfg.learningRate(), Preset.LONG_RUN_MINUTES, cfg.preset(),
            choice.preset().learningRate());
      }
    }
    if (where.warning() != null) {
      out.println(where.warning());
    }
    out.flush();
    TrainingRun.Result result = TrainingRun.run(
        new TrainingRun.Request(cfg, runDir, runsRoot, resuming, swdEvery == null, allowDataChange, Path.of("data"),
            where.device()), out);
    return result.exportFailed() ? EyeganCommand.EXIT_INTERNAL : 0;
  }

  private TrainConfig newConfig(Preset p) {
    TrainConfig.Builder b = TrainConfig.fromPreset(p).toBuilder();
    b.dataDir = data == null ? null : data.toAbsolutePath().normalize().toString();
    SquareFit requested = requestedFit();
    b.fit = (requested != null ? requested : SquareFit.CROP).id();
    applyScheduleFlags(b);
    if (minutes != null && !(minutes > 0 && minutes < 100_000)) {
      throw new UserInputException("--minutes must be a positive number of minutes, got " + minutes);
    }
    // No --epochs: the cpu preset (or any preset given --minutes) is sized to the machine.
    if (epochs == null && (minutes != null || p == Preset.CPU)) {
      b.budgetMinutes = minutes != null ? minutes : DEFAULT_MINUTES;
      b.learningRate = p.learningRate(b.budgetMinutes); // before the flags: --lr wins
    }
    if (seed != null) {
      b.seed = seed;
    }
    return RecipeOptions.build(recipe.applyTo(b, p));
  }

  /** A resumed run keeps its model, data and seed; only the schedule can be changed. */
  private TrainConfig resumeConfig(TrainConfig saved) {
    if (recipe.resolution != null && recipe.resolution != saved.model().resolution()) {
      throw new UserInputException("--resolution " + recipe.resolution + " differs from the run's "
          + saved.model().resolution() + "px; a run cannot change its model. Train into a new --run-dir instead.");
    }
    if (minutes != null) {
      throw new UserInputException("--minutes sizes a new run; a resumed run keeps its recorded "
          + saved.epochs() + " epochs (give --epochs N to extend it)");
    }
    if (seed != null || recipe.anyGiven()) {
      throw new UserInputException("--seed, " + RecipeOptions.FLAGS
          + " are fixed for a run; resume without them or train into a new --run-dir");
    }
    SquareFit requested = requestedFit();
    if (requested != null && requested != SquareFit.parse(saved.fit())) {
      throw new UserInputException("--fit " + requested.id() + " differs from the run's " + saved.fit()
          + "; a run keeps how its photos were made square. Resume without --fit or train into a new --run-dir.");
    }
    TrainConfig.Builder b = saved.toBuilder();
    if (data != null) {
      b.dataDir = data.toAbsolutePath().normalize().toString();
    }
    applyScheduleFlags(b);
    return RecipeOptions.build(b);
  }

  /** The fit asked for by --fit (or the deprecated --pad); null when neither was given. */
  private SquareFit requestedFit() {
    SquareFit f = null;
    if (fit != null) {
      try {
        f = SquareFit.parse(fit);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--fit: " + e.getMessage());
      }
    }
    if (pad) {
      if (f != null && f != SquareFit.PAD) {
        throw new UserInputException("--pad means --fit pad, which contradicts --fit " + f.id() + "; give only --fit");
      }
      f = SquareFit.PAD;
    }
    return f;
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

}
