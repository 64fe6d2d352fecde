package eyegan.cli;

import eyegan.UserInputException;
import eyegan.config.AugmentPolicy;
import eyegan.config.ModelConfig;
import eyegan.config.StepOptions;
import eyegan.config.TrainConfig;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The flags that change a preset's model or training step, shared by {@code train} (which records
 * them and refuses them on resume) and {@code bench} (which times them).
 */
final class VariantOptions {
  @Option(names = "--augment", paramLabel = "POLICY",
      description = "Differentiable augmentation of every image D sees: none, or any of color,translation,cutout"
          + " (translation-reflect: the shift's border mirrored, not zero; default: the preset's). With --ada-target"
          + " each is applied with the adaptive probability p.")
  String augment;

  @Option(names = "--ada-target", paramLabel = "T",
      description = "Adaptive augmentation: steer p so that E[sign(D(real))] stays near T (0.6 in StyleGAN2-ADA;"
          + " 0 = off; default: the preset's). Needs --augment ops (default translation,cutout).")
  Double adaTarget;

  @Option(names = "--ada-kimg", paramLabel = "K",
      description = "Thousands of images over which p may move from 0 to 1 (default " + StepOptions.ADA_KIMG + ").")
  Double adaKimg;

  @Option(names = "--step", paramLabel = "ORDER",
      description = "simultaneous (the tutorial's: both updates from one forward pass) or alternating (D's update"
          + " first, then G's against the updated D). Default: the preset's.")
  String step;

  @Option(names = "--no-ema", negatable = false,
      description = "Keep no moving average of the generator (grids, SWD and export then use G as trained).")
  boolean noEma;

  @Option(names = "--upsampling", paramLabel = "HOW",
      description = "How G doubles its size: transposed (stride-2 transposed convolutions, the article's) or resize"
          + " (nearest-neighbour upsampling + 3x3 convolution, no checkerboard). Default: the preset's.")
  String upsampling;

  @Option(names = "--kernel", paramLabel = "K",
      description = "Side of every convolution kernel but the 3x3 ones after a resize (default: the preset's, 5).")
  Integer kernel;

  @Option(names = "--g-widths", paramLabel = "W,W,...", split = ",",
      description = "Generator channels: after the Dense, then after each upsampling but the last (default: the preset's).")
  int[] gWidths;

  @Option(names = "--d-widths", paramLabel = "W,W,...", split = ",",
      description = "Discriminator channels of each stride-2 convolution (default: the preset's).")
  int[] dWidths;

  @Option(names = "--minibatch-std", paramLabel = "GROUP",
      description = "D appends a minibatch standard-deviation channel (ProGAN) over groups of GROUP images before"
          + " its Dense, so it can see how alike a batch's images are (0 = off; default: the preset's).")
  Integer minibatchStd;

  @Option(names = "--bn-momentum", paramLabel = "M",
      description = "Batch-norm moving-average momentum, Keras's convention (Keras 0.99, PyTorch 0.9; default: the preset's).")
  Float bnMomentum;

  @Option(names = "--bn-epsilon", paramLabel = "E",
      description = "Batch-norm epsilon (Keras 1e-3, PyTorch 1e-5; default: the preset's).")
  Float bnEpsilon;

  @Option(names = "--init", paramLabel = "SCHEME",
      description = "Initial weights: glorot (Keras: glorot_uniform kernels, zero biases) or fan-in (PyTorch: kernels"
          + " and biases uniform in +-1/sqrt(fan_in)). Default: the preset's.")
  String init;

  @Option(names = "--dropout", paramLabel = "RATE",
      description = "Fraction of D's activations dropped after each convolution while training (0 = none;"
          + " default: the preset's, 0.5 for article and cpu).")
  Float dropout;

  @Option(names = "--r1-gamma", paramLabel = "G",
      description = "R1 penalty (gamma / 2) * E[|grad D(real)|^2] on D's gradient at the real images (0 = off, the"
          + " default; 0.01-0.1 suits 64 px). Often used with --dropout 0.")
  Double r1Gamma;

  @Option(names = "--r1-every", paramLabel = "STEPS",
      description = "Lazy R1: minimise the penalty, weighted by this interval, in a D step of its own every STEPS"
          + " steps (default " + StepOptions.R1_EVERY + ").")
  Integer r1Every;

  @Option(names = "--loss", paramLabel = "LOSS",
      description = "bce (the reference's binary cross-entropy) or hinge (D: relu(1 - real) + relu(1 + fake), G: -fake,"
          + " on logits). Default: the preset's, bce.")
  String loss;

  /** The flags above as typed, for messages (a resumed run refuses every one of them). */
  static final String FLAGS = "--augment, --ada-target, --ada-kimg, --step, --no-ema, --upsampling, --kernel, --g-widths,"
      + " --d-widths, --minibatch-std, --bn-momentum, --bn-epsilon, --init, --dropout, --r1-gamma, --r1-every, --loss";

  /** True when any of these flags was given. */
  boolean anyGiven() {
    return augment != null || adaTarget != null || adaKimg != null || step != null || noEma || upsampling != null
        || kernel != null || gWidths != null || dWidths != null || minibatchStd != null || bnMomentum != null
        || bnEpsilon != null || init != null || dropout != null || r1Gamma != null || r1Every != null || loss != null;
  }

  /**
   * {@code m} with the given kernel side, upsampling, widths, minibatch-std channel, batch-norm
   * settings and initialisation.
   */
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
    if (gWidths != null || dWidths != null) {
      ModelConfig base = out;
      int[] g = gWidths != null ? gWidths : base.generatorWidths();
      int[] d = dWidths != null ? dWidths : base.discriminatorWidths();
      out = usage(() -> base.withWidths(g, d), gWidths != null ? "--g-widths" : "--d-widths");
    }
    if (minibatchStd != null) {
      ModelConfig base = out;
      out = usage(() -> base.withMinibatchStd(minibatchStd), "--minibatch-std");
    }
    if (bnMomentum != null || bnEpsilon != null) {
      ModelConfig base = out;
      float mom = bnMomentum != null ? bnMomentum : base.bnMomentum();
      float eps = bnEpsilon != null ? bnEpsilon : base.bnEpsilon();
      out = usage(() -> base.withBatchNorm(mom, eps), bnMomentum != null ? "--bn-momentum" : "--bn-epsilon");
    }
    if (init != null) {
      ModelConfig base = out;
      out = usage(() -> base.withInit(init), "--init");
    }
    if (dropout != null) {
      ModelConfig base = out;
      out = usage(() -> base.withDropout(dropout), "--dropout");
    }
    return out;
  }

  /**
   * {@code preset} with the given augmentation, update order, adaptive augmentation, R1 penalty and
   * losses, and without the moving average for --no-ema.
   */
  StepOptions step(StepOptions preset) {
    AugmentPolicy policy = augment != null ? usage(() -> AugmentPolicy.parse(augment), "--augment") : preset.augment();
    double target = adaTarget != null ? adaTarget : (augment != null && policy.isNone() ? 0 : preset.adaTarget());
    if (target > 0 && policy.isNone() && augment == null) {
      policy = AugmentPolicy.GEOMETRIC;
    }
    boolean alternating = step != null ? stepOrder(step) : preset.alternating();
    double kimg = adaKimg != null ? adaKimg : preset.adaKimg();
    AugmentPolicy chosen = policy;
    StepOptions out = usage(() -> new StepOptions(chosen, noEma ? 0 : preset.emaHalfLifeKimg(),
        noEma ? 0 : preset.emaRampup(), preset.lrDecay(), alternating, target, kimg),
        adaTarget != null ? "--ada-target" : "--ada-kimg");
    double gamma = r1Gamma != null ? r1Gamma : preset.r1Gamma();
    int every = r1Every != null ? r1Every : preset.r1Every();
    StepOptions withR1 = usage(() -> out.withR1(gamma, every), r1Gamma != null ? "--r1-gamma" : "--r1-every");
    return loss == null ? withR1 : withR1.withHinge(hinge(loss));
  }

  private static boolean hinge(String word) {
    if (word.equals(TrainConfig.HINGE)) {
      return true;
    }
    if (word.equals(TrainConfig.BCE)) {
      return false;
    }
    throw new UserInputException("--loss must be " + TrainConfig.BCE + " or " + TrainConfig.HINGE + ", got " + word);
  }

  private static boolean stepOrder(String word) {
    if (word.equals(TrainConfig.ALTERNATING)) {
      return true;
    }
    if (word.equals(TrainConfig.SIMULTANEOUS)) {
      return false;
    }
    throw new UserInputException("--step must be " + TrainConfig.SIMULTANEOUS + " or " + TrainConfig.ALTERNATING
        + ", got " + word);
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
