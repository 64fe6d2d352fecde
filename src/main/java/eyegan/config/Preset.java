package eyegan.config;

import java.util.Locale;

/**
 * Named bundles of model size and training schedule. Every value can be overridden by a flag.
 *
 * <ul>
 *   <li>{@code article}: the reference Keras model and schedule (128 px, batch 64, 1600 epochs,
 *       Adam 1e-4, checkpoint every 15 epochs, a 4x4 grid every epoch). Meant for a GPU.
 *   <li>{@code cpu}: the same family at 64 px, G widths 128,64,32,16 and D widths 16,32,64 (about
 *       the work per step of a quarter of the article's channels), G upsampling by resize + 3x3
 *       convolution (no checkerboard), PyTorch's batch-norm settings and initialisation, alternating
 *       updates (D first, then G against the updated D), adaptive translation and cutout (target 0.6),
 *       and a moving average of G for grids and export; its epochs are sized to a time budget on the
 *       machine it runs on (10 minutes by default). Adam 4e-4 (twice the DCGAN paper's rate: over 3
 *       seeds it won at 5 and 10 minutes on every measure but warmth at 10, and at 20 minutes on 2)
 *       for budgets up to {@value #LONG_RUN_MINUTES} minutes, the paper's 2e-4 for longer ones (at 40
 *       minutes 4e-4 let D pull ahead and the eye shapes degrade; docs/realism.md), with the paper's
 *       beta_1 0.5; both learning rates fall linearly to zero over the second half of the run.
 *   <li>{@code tiny}: 32 px, a sixteenth of the channels; for tests and smoke runs (seconds).
 * </ul>
 */
public enum Preset {
  ARTICLE(ModelConfig.article(), 64, 1600, 1e-4f, 0.9f, 15, 15, AugmentPolicy.NONE, 0, 0, false, 0),
  // The epochs are a fallback: a default cpu run sizes its schedule to --minutes on the machine.
  CPU(cpuModel(), 32, 140, 4e-4f, 0.5f, 10, 20, AugmentPolicy.GEOMETRIC, 10, 0.5, true,
      0.6), // adaptive augmentation's target for E[sign(D(real))]: StyleGAN2-ADA's value
  TINY(ModelConfig.scaled(32, 16), 8, 2, 1e-4f, 0.9f, 1, 0, AugmentPolicy.NONE, 0, 0, false, 0);

  /**
   * The cpu preset's time budgets above this many minutes train at {@link #CPU_LONG_RUN_RATE}: its
   * 4e-4 won at 20 minutes (10,773 steps on a 2-core Zen 5) and lost the eye shapes at 40 (21,861).
   */
  public static final double LONG_RUN_MINUTES = 30;
  /** The cpu preset's learning rate for budgets above {@link #LONG_RUN_MINUTES}: the DCGAN paper's. */
  public static final float CPU_LONG_RUN_RATE = 2e-4f;

  /** StyleGAN2-ADA's moving-average ramp-up: the half-life is at most 5% of the images shown. */
  public static final double EMA_RAMPUP = 0.05;

  /** Keras Adam default beta_2. */
  public static final float ADAM_BETA2 = 0.999f;
  /** Keras Adam default epsilon (not TensorFlow's 1e-8). */
  public static final float ADAM_EPSILON = 1e-7f;

  private final ModelConfig model;
  private final int batchSize;
  private final int epochs;
  private final float learningRate;
  private final float beta1;
  private final int checkpointEvery;
  private final int swdEvery;
  private final AugmentPolicy augment;
  private final double emaKimg;
  private final double lrDecay;
  private final boolean alternating;
  private final double adaTarget;

  Preset(ModelConfig model, int batchSize, int epochs, float learningRate, float beta1, int checkpointEvery,
      int swdEvery, AugmentPolicy augment, double emaKimg, double lrDecay, boolean alternating, double adaTarget) {
    this.model = model;
    this.batchSize = batchSize;
    this.epochs = epochs;
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.checkpointEvery = checkpointEvery;
    this.swdEvery = swdEvery;
    this.augment = augment;
    this.emaKimg = emaKimg;
    this.lrDecay = lrDecay;
    this.alternating = alternating;
    this.adaTarget = adaTarget;
  }

  /**
   * The cpu preset's model: the article's family at 64 px, rebalanced at about the same work per step
   * (G twice a quarter of the article's widths, D half of it), with resize + 3x3 upsampling and
   * PyTorch's batch-norm settings and initialisation. With Keras's settings and the quarter widths
   * every iris came out a speckled blob; see docs/realism.md for the sweep that chose this.
   */
  private static ModelConfig cpuModel() {
    return ModelConfig.scaled(64, 4).withUpsampling(ModelConfig.RESIZE)
        .withWidths(new int[] {128, 64, 32, 16}, new int[] {16, 32, 64})
        .withBatchNorm(ModelConfig.TORCH_BN_MOMENTUM, ModelConfig.TORCH_BN_EPSILON)
        .withInit(ModelConfig.FAN_IN);
  }

  /** Every step option of the preset: augmentation, moving average, decay, update order, adaptive augmentation. */
  public StepOptions step() {
    return new StepOptions(augment, emaKimg, emaKimg > 0 ? EMA_RAMPUP : 0, lrDecay, alternating, adaTarget,
        StepOptions.ADA_KIMG);
  }

  /** Fraction of a run, at its end, over which both learning rates fall linearly to zero; 0 = none. */
  public double lrDecay() {
    return lrDecay;
  }

  /** Differentiable augmentation of D's input by default. */
  public AugmentPolicy augment() {
    return augment;
  }

  /** Half-life of G's moving average in thousands of images, 0 = none. */
  public double emaKimg() {
    return emaKimg;
  }

  /** Epochs between SWD measurements during training, 0 = none. */
  public int swdEvery() {
    return swdEvery;
  }

  public ModelConfig model() {
    return model;
  }

  public int batchSize() {
    return batchSize;
  }

  public int epochs() {
    return epochs;
  }

  public float learningRate() {
    return learningRate;
  }

  /**
   * The preset's learning rate for a run sized to {@code budgetMinutes} (0 = a run of fixed epochs,
   * which keeps {@link #learningRate()}): the cpu preset's long budgets train at the slower
   * {@link #CPU_LONG_RUN_RATE}.
   */
  public float learningRate(double budgetMinutes) {
    return this == CPU && budgetMinutes > LONG_RUN_MINUTES ? CPU_LONG_RUN_RATE : learningRate;
  }

  public float beta1() {
    return beta1;
  }

  /** Epochs between checkpoints. */
  public int checkpointEvery() {
    return checkpointEvery;
  }

  /** Lower-case name as typed on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a preset name, case-insensitively; {@code auto} is resolved elsewhere. */
  public static Preset parse(String name) {
    for (Preset p : values()) {
      if (p.id().equalsIgnoreCase(name.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown preset '" + name + "' (choose auto, article, cpu or tiny)");
  }
}
