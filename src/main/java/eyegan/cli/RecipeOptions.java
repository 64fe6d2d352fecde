package eyegan.cli;

import eyegan.UserInputException;
import eyegan.config.ModelConfig;
import eyegan.config.Preset;
import eyegan.config.StepOptions;
import eyegan.config.TrainConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags that define a new run's recipe on top of a preset: size, batch, optimiser, the moving
 * average, the decay and every model and step variant. {@code train} records them (and refuses them
 * on resume); {@code bench} times them and sweeps them over seeds.
 */
final class RecipeOptions {
  @Option(names = "--batch", description = "Images per step (default: the preset's).")
  Integer batch;

  @Option(names = "--resolution", description = "Image size in pixels (a multiple of 8).")
  Integer resolution;

  @Option(names = "--lr", description = "Adam learning rate of both networks (default: the preset's; cpu: 4e-4,"
      + " 2e-4 for --minutes over " + (int) Preset.LONG_RUN_MINUTES + ").")
  Float lr;

  @Option(names = "--beta1", description = "Adam beta_1.")
  Float beta1;

  @Mixin VariantOptions variant;

  @Option(names = "--ema-kimg", paramLabel = "K",
      description = "Half-life of the generator's moving average, in thousands of images (default: the preset's; cpu: 10).")
  Double emaKimg;

  @Option(names = "--lr-decay", paramLabel = "F",
      description = "Fraction of the run, at its end, over which both learning rates fall linearly to 0"
          + " (0 = constant; default: the preset's; cpu: 0.5).")
  Double lrDecay;

  /** The flags as typed but --resolution, for messages. */
  static final String FLAGS = "--batch, --lr, --beta1, --ema-kimg, --lr-decay, " + VariantOptions.FLAGS;

  /** True when any recipe flag but --resolution (which a resume may repeat) was given. */
  boolean anyGiven() {
    return batch != null || lr != null || beta1 != null || emaKimg != null || lrDecay != null || variant.anyGiven();
  }

  /** {@code b} (a preset's values) with every recipe flag applied. */
  TrainConfig.Builder applyTo(TrainConfig.Builder b, Preset p) {
    if (resolution != null) {
      ModelConfig m = p.model();
      b.model = VariantOptions.usage(() -> m.withResolution(resolution), "--resolution");
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
    b.model = variant.model(b.model);
    StepOptions step = variant.step(build(b).stepOptions());
    b.augment = step.augment().toString();
    b.emaKimg = step.emaHalfLifeKimg();
    b.emaRampup = step.emaRampup();
    b.stepOrder = step.stepOrder();
    b.adaTarget = step.adaTarget();
    b.adaKimg = step.adaKimg();
    b.r1Gamma = step.r1Gamma();
    b.r1Every = step.r1Every();
    b.loss = step.lossName();
    if (emaKimg != null && !variant.noEma) {
      b.emaKimg = emaKimg;
      b.emaRampup = Preset.EMA_RAMPUP;
    }
    if (lrDecay != null) {
      if (!(lrDecay >= 0 && lrDecay <= 1)) {
        throw new UserInputException("--lr-decay must be a fraction of the run between 0 and 1, got " + lrDecay);
      }
      b.lrDecay = lrDecay;
    }
    return b;
  }

  /** The builder's config, with its own complaint as a usage error. */
  static TrainConfig build(TrainConfig.Builder b) {
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
