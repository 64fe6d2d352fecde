package eyegan.cli;

import eyegan.UserInputException;
import eyegan.config.AugmentPolicy;
import eyegan.config.ModelConfig;
import eyegan.config.StepOptions;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The flags that change a preset's model or training step, shared by {@code train} (which records
 * them) and {@code bench} (which times them): upsampling, kernel side, augmentation, no moving average.
 */
final class VariantOptions {
  @Option(names = "--augment", paramLabel = "POLICY",
      description = "Differentiable augmentation of every image D sees: none, or any of color,translation,cutout"
          + " (default: the preset's: none).")
  String augment;

  @Option(names = "--no-ema", negatable = false,
      description = "Keep no moving average of the generator (grids, SWD and export then use G as trained).")
  boolean noEma;

  @Option(names = "--upsampling", paramLabel = "HOW",
      description = "How G doubles its size: transposed (stride-2 transposed convolutions, the article's) or resize"
          + " (nearest-neighbour upsampling + 3x3 convolution, no checkerboard). Default: the preset's; cpu: resize.")
  String upsampling;

  @Option(names = "--kernel", paramLabel = "K",
      description = "Side of every convolution kernel but the 3x3 ones after a resize (default: the preset's, 5).")
  Integer kernel;

  /** True when any of these flags was given. */
  boolean anyGiven() {
    return augment != null || noEma || upsampling != null || kernel != null;
  }

  /** {@code m} with the given kernel side and upsampling. */
  ModelConfig model(ModelConfig m) {
    ModelConfig out = m;
    if (kernel != null) {
      ModelConfig base = out;
      out = usage(() -> base.withKernelSize(kernel), "--kernel");
    }
    if (upsampling != null) {
      ModelConfig base = out;
      out = usage(() -> base.withUpsampling(upsampling), "--upsampling");
    }
    return out;
  }

  /** {@code preset} with the given augmentation, and without the moving average for --no-ema. */
  StepOptions step(StepOptions preset) {
    AugmentPolicy policy = augment != null ? usage(() -> AugmentPolicy.parse(augment), "--augment") : preset.augment();
    StepOptions out = noEma ? new StepOptions(policy, 0, 0) : new StepOptions(policy, preset.emaHalfLifeKimg(), preset.emaRampup());
    return out.withLrDecay(preset.lrDecay());
  }

  /** A value a flag describes, with the model's own complaint as a usage error naming the flag. */
  static <T> T usage(Supplier<T> value, String flag) {
    try {
      return value.get();
    } catch (IllegalArgumentException e) {
      throw new UserInputException(flag + ": " + e.getMessage());
    }
  }
}
