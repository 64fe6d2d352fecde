package eyegan.config;

/**
 * Every effective setting of one training run; written to {@code training_options.json} so a run
 * can be resumed, exported and reproduced.
 *
 * @param preset preset the values started from ({@code article}, {@code cpu}, {@code tiny})
 * @param model network shapes
 * @param batchSize images per step (the last batch of an epoch may be smaller)
 * @param epochs passes over the (flip-doubled) training set
 * @param learningRate Adam learning rate of both optimisers
 * @param beta1 Adam beta_1
 * @param beta2 Adam beta_2
 * @param epsilon Adam epsilon
 * @param seed seeds initial weights, noise, dropout, shuffling and the fixed grid
 * @param dataDir image folder trained on
 * @param checkpointEvery epochs between checkpoints
 * @param keepCheckpoints newest checkpoints kept on disk
 * @param gridSamples images in each progress grid (a square number reads best)
 * @param gridEvery epochs between progress grids (the tutorial: 1)
 * @param swdEvery epochs between sliced Wasserstein measurements, 0 = never
 * @param tickSeconds seconds between progress lines
 * @param maxMinutes stop (with a checkpoint) after this long, 0 = no limit
 * @param exportAtEnd export the generator as a SavedModel when training ends
 * @param exportDir TF Serving base path the export goes to
 * @param augment differentiable augmentation policy ({@link AugmentPolicy} text; null or
 *     {@code none} = off, as in runs recorded before it existed)
 * @param emaKimg half-life of G's moving average in thousands of images; 0 = no moving average
 * @param emaRampup the moving average's ramp-up fraction (0 = none)
 * @param budgetMinutes when > 0, {@code epochs} was sized by measuring this machine so the whole
 *     command takes about this many minutes; 0 = epochs as given
 * @param fit how photos were made square ({@code crop}, {@code pad} or {@code stretch}); null = crop
 *     (older runs)
 * @param dataFingerprint fingerprint of the decoded training set (see {@code DataFingerprint}); a
 *     resume on other data is refused unless asked for
 * @param lrDecay fraction of the steps, at the end of the run, over which both learning rates fall
 *     linearly to zero; 0 = constant (as in runs recorded before it existed)
 * @param stepOrder {@code simultaneous} (the tutorial's step: both updates from one forward pass) or
 *     {@code alternating} (D's update first, then G's against the updated D); null = simultaneous
 *     (runs recorded before it existed)
 * @param adaTarget adaptive augmentation's target for E[sign(D(real))]; 0 = off
 * @param adaKimg thousands of images over which the adaptive probability may move by 1 (0 reads as
 *     the default, {@link StepOptions#ADA_KIMG})
 * @param r1Gamma weight of the R1 penalty on D's gradient at the reals; 0 = off (as in runs recorded
 *     before it existed)
 * @param r1Every steps between the lazy R1 steps (0 reads as {@link StepOptions#R1_EVERY})
 * @param loss {@code bce} (the reference's binary cross-entropy) or {@code hinge}; null = bce (runs
 *     recorded before it existed)
 */
public record TrainConfig(
    String preset,
    ModelConfig model,
    int batchSize,
    int epochs,
    float learningRate,
    float beta1,
    float beta2,
    float epsilon,
    long seed,
    String dataDir,
    int checkpointEvery,
    int keepCheckpoints,
    int gridSamples,
    int gridEvery,
    int swdEvery,
    double tickSeconds,
    double maxMinutes,
    boolean exportAtEnd,
    String exportDir,
    String augment,
    double emaKimg,
    double emaRampup,
    double budgetMinutes,
    String fit,
    String dataFingerprint,
    double lrDecay,
    String stepOrder,
    double adaTarget,
    double adaKimg,
    double r1Gamma,
    int r1Every,
    String loss) {

  /** {@link #loss} of the reference: binary cross-entropy. */
  public static final String BCE = "bce";
  /** {@link #loss}: hinge losses. */
  public static final String HINGE = "hinge";

  /** {@link #stepOrder} of the tutorial's step. */
  public static final String SIMULTANEOUS = "simultaneous";
  /** {@link #stepOrder} of PyTorch's DCGAN example: D's update, then G's against the updated D. */
  public static final String ALTERNATING = "alternating";

  /** Default TF Serving base path of exports. */
  public static final String DEFAULT_EXPORT_DIR = "savedmodel/eyegan";
  /** The tutorial's 4x4 grid. */
  public static final int DEFAULT_GRID_SAMPLES = 16;
  public static final int DEFAULT_KEEP_CHECKPOINTS = 3;
  public static final double DEFAULT_TICK_SECONDS = 10;
  public static final long DEFAULT_SEED = 1234;

  public TrainConfig {
    require(batchSize >= 1, "--batch must be >= 1, got " + batchSize);
    require(epochs >= 1, "--epochs must be >= 1, got " + epochs);
    require(checkpointEvery >= 1, "--checkpoint-every must be >= 1 epoch, got " + checkpointEvery);
    require(keepCheckpoints >= 1, "--keep-checkpoints must be >= 1, got " + keepCheckpoints);
    require(gridSamples >= 1 && gridSamples <= 256, "--grid must be 1..256 images, got " + gridSamples);
    require(gridEvery >= 1, "--grid-every must be >= 1 epoch, got " + gridEvery);
    require(swdEvery >= 0, "--swd-every must be >= 0, got " + swdEvery);
    require(tickSeconds >= 0, "--tick-seconds must be >= 0, got " + tickSeconds);
    require(maxMinutes >= 0, "--max-minutes must be >= 0, got " + maxMinutes);
    require(learningRate > 0 && Float.isFinite(learningRate), "--lr must be > 0, got " + learningRate);
    require(budgetMinutes >= 0 && Double.isFinite(budgetMinutes), "--minutes must be > 0, got " + budgetMinutes);
    augment = AugmentPolicy.parse(augment).toString();
    fit = eyegan.data.SquareFit.parse(fit).id();
    stepOrder = stepOrder == null ? SIMULTANEOUS : stepOrder;
    require(stepOrder.equals(SIMULTANEOUS) || stepOrder.equals(ALTERNATING),
        "--step must be " + SIMULTANEOUS + " or " + ALTERNATING + ", got " + stepOrder);
    adaKimg = adaKimg == 0 ? StepOptions.ADA_KIMG : adaKimg;
    r1Every = r1Every == 0 ? StepOptions.R1_EVERY : r1Every;
    loss = loss == null ? BCE : loss;
    require(r1Gamma == 0 || !model.minibatchStd(), "--r1-gamma cannot be combined with --minibatch-std: R1 takes each"
        + " real image's own gradient, and the minibatch-std channel makes every logit depend on the other images");
    require(loss.equals(BCE) || loss.equals(HINGE), "--loss must be " + BCE + " or " + HINGE + ", got " + loss);
    // Validates the EMA, decay and adaptive augmentation values (the parameters: in a compact
    // constructor the fields are not assigned yet).
    new StepOptions(AugmentPolicy.parse(augment), emaKimg, emaRampup, lrDecay, ALTERNATING.equals(stepOrder),
        adaTarget, adaKimg, r1Gamma, r1Every, HINGE.equals(loss));
  }

  /** The training step's additions to the tutorial's step, as recorded for this run. */
  public StepOptions stepOptions() {
    return new StepOptions(AugmentPolicy.parse(augment), emaKimg, emaRampup, lrDecay,
        ALTERNATING.equals(stepOrder), adaTarget, adaKimg, r1Gamma, r1Every, HINGE.equals(loss));
  }

  /** True when the generator's moving average is kept (and used for grids, SWD and export). */
  public boolean ema() {
    return emaKimg > 0;
  }

  /** The values of a preset with eyegan's defaults for everything a preset does not fix. */
  public static TrainConfig fromPreset(Preset p) {
    return new TrainConfig(
        p.id(), p.model(), p.batchSize(), p.epochs(), p.learningRate(), p.beta1(),
        Preset.ADAM_BETA2, Preset.ADAM_EPSILON, DEFAULT_SEED, null, p.checkpointEvery(),
        DEFAULT_KEEP_CHECKPOINTS, DEFAULT_GRID_SAMPLES, 1, p.swdEvery(),
        DEFAULT_TICK_SECONDS, 0, true, DEFAULT_EXPORT_DIR, p.augment().toString(), p.emaKimg(),
        p.emaKimg() > 0 ? Preset.EMA_RAMPUP : 0, 0, null, null, p.lrDecay(),
        p.step().stepOrder(), p.step().adaTarget(), p.step().adaKimg(), p.step().r1Gamma(), p.step().r1Every(),
        p.step().lossName());
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** A copy to change some values of; {@link Builder#build()} validates the result. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Mutable copy of a {@link TrainConfig}, for applying command-line overrides. */
  public static final class Builder {
    public String preset;
    public ModelConfig model;
    public int batchSize;
    public int epochs;
    public float learningRate;
    public float beta1;
    public float beta2;
    public float epsilon;
    public long seed;
    public String dataDir;
    public int checkpointEvery;
    public int keepCheckpoints;
    public int gridSamples;
    public int gridEvery;
    public int swdEvery;
    public double tickSeconds;
    public double maxMinutes;
    public boolean exportAtEnd;
    public String exportDir;
    public String augment;
    public double emaKimg;
    public double emaRampup;
    public double budgetMinutes;
    public String fit;
    public String dataFingerprint;
    public double lrDecay;
    public String stepOrder;
    public double adaTarget;
    public double adaKimg;
    public double r1Gamma;
    public int r1Every;
    public String loss;

    private Builder(TrainConfig c) {
      preset = c.preset;
      model = c.model;
      batchSize = c.batchSize;
      epochs = c.epochs;
      learningRate = c.learningRate;
      beta1 = c.beta1;
      beta2 = c.beta2;
      epsilon = c.epsilon;
      seed = c.seed;
      dataDir = c.dataDir;
      checkpointEvery = c.checkpointEvery;
      keepCheckpoints = c.keepCheckpoints;
      gridSamples = c.gridSamples;
      gridEvery = c.gridEvery;
      swdEvery = c.swdEvery;
      tickSeconds = c.tickSeconds;
      maxMinutes = c.maxMinutes;
      exportAtEnd = c.exportAtEnd;
      exportDir = c.exportDir;
      augment = c.augment;
      emaKimg = c.emaKimg;
      emaRampup = c.emaRampup;
      budgetMinutes = c.budgetMinutes;
      fit = c.fit;
      dataFingerprint = c.dataFingerprint;
      lrDecay = c.lrDecay;
      stepOrder = c.stepOrder;
      adaTarget = c.adaTarget;
      adaKimg = c.adaKimg;
      r1Gamma = c.r1Gamma;
      r1Every = c.r1Every;
      loss = c.loss;
    }

    public TrainConfig build() {
      return new TrainConfig(preset, model, batchSize, epochs, learningRate, beta1, beta2, epsilon,
          seed, dataDir, checkpointEvery, keepCheckpoints, gridSamples, gridEvery, swdEvery, tickSeconds,
          maxMinutes, exportAtEnd, exportDir, augment, emaKimg, emaRampup, budgetMinutes,
          fit, dataFingerprint, lrDecay, stepOrder, adaTarget, adaKimg, r1Gamma, r1Every, loss);
    }
  }
}
