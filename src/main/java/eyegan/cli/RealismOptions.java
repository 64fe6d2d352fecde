package eyegan.cli;

import eyegan.UserInputException;
import eyegan.bench.RealismMeasures;
import eyegan.bench.RealismSweep;
import eyegan.config.Preset;
import eyegan.config.TrainConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code bench --realism}: trains the recipe (the preset with the recipe flags) with several seeds
 * at each budget and reports median and range of every realism measure (see {@link RealismSweep}).
 */
final class RealismOptions {
  @Option(names = "--realism",
      description = "Instead: train the recipe (preset + flags) with --seeds seeds at each budget, score every"
          + " exported generator and print median and range per measure. Run it again to continue a stopped sweep,"
          + " or in a second terminal to share its seeds.")
  boolean realism;

  @Option(names = "--seeds", paramLabel = "S", defaultValue = "3",
      description = "With --realism: training seeds 1..S (default ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--minutes", paramLabel = "M,M,...", split = ",",
      description = "With --realism: budgets in minutes, each run sized to this machine as train --minutes is (default 10).")
  List<Double> minutes;

  @Option(names = "--epochs", paramLabel = "N",
      description = "With --realism: train every run for N epochs instead of a time budget.")
  Integer epochs;

  @Option(names = "--sweep-dir", paramLabel = "DIR",
      description = "With --realism: the sweep folder (default runs/realism-<preset>-<budgets>); the same folder continues it.")
  Path sweepDir;

  @Option(names = "--images", paramLabel = "N", defaultValue = "" + RealismMeasures.DEFAULT_IMAGES,
      description = "With --realism: generated images scored per run (default ${DEFAULT-VALUE}; pass twice as many reals).")
  int images;

  @Option(names = "--rescore",
      description = "With --realism: score every run of the sweep again (its runs are kept, not retrained).")
  boolean rescore;

  @Option(names = "--data", paramLabel = "DIR",
      description = "With --realism: the training images (default: the built-in synthetic eyes).")
  Path data;

  /**
   * @param presetRate no --lr was given: each budget in minutes trains at the preset's rate for it,
   *     as {@code train --minutes} does
   */
  void run(Preset p, TrainConfig recipe, boolean presetRate, PrintWriter out) {
    if (seeds < 1 || images < 2) {
      throw new UserInputException("--seeds must be >= 1 and --images >= 2");
    }
    if (epochs != null && minutes != null) {
      throw new UserInputException("--epochs and --minutes both given; a sweep trains to one kind of budget");
    }
    if (epochs != null && epochs < 1) {
      throw new UserInputException("--epochs must be >= 1, got " + epochs);
    }
    List<Double> budgets = epochs != null ? List.of() : minutes != null ? minutes : List.of(10.0);
    List<Long> seedList = new ArrayList<>();
    for (long s = 1; s <= seeds; s++) {
      seedList.add(s);
    }
    TrainConfig.Builder b = recipe.toBuilder();
    b.dataDir = data == null ? null : data.toAbsolutePath().normalize().toString();
    Path dir = sweepDir != null ? sweepDir : Path.of("runs", "realism-" + p.id() + "-" + label(budgets));
    RealismSweep.Settings settings;
    try {
      settings = new RealismSweep.Settings(RecipeOptions.build(b), seedList, budgets, epochs != null ? epochs : 0, dir,
          Path.of("data"), images, rescore, presetRate && epochs == null);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    out.printf(Locale.ROOT, "realism sweep of %s (%s): seeds %s, budgets %s, %d images scored per run, in %s%n",
        p.id(), recipe.model(), seedList, epochs != null ? epochs + " epochs" : budgets + " min", images, dir);
    out.flush();
    RealismSweep.run(settings, out);
  }

  private String label(List<Double> budgets) {
    if (epochs != null) {
      return epochs + "ep";
    }
    return String.join("-", budgets.stream().map(m -> m == Math.rint(m) ? String.valueOf(m.longValue()) : m.toString())
        .toList()) + "min";
  }
}
