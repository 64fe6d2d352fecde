package eyegan.train;

import eyegan.config.ModelConfig;
import eyegan.config.StepOptions;
import eyegan.model.Discriminator;
import eyegan.model.Generator;
import eyegan.model.MaskRows;
import eyegan.model.Mode;
import eyegan.model.RandomKeys;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The whole GAN training step as one TensorFlow graph, with GradientTape semantics: one
 * {@code Session.run} of {@link #TRAIN} draws fresh noise, runs G once, runs D on the real and the
 * fake batch, computes both losses from that single forward pass, takes each network's gradients
 * with respect to its own variables, and applies two independent Adam updates plus the batch-norm
 * moving-average updates.
 *
 * <p>All updates wait for all gradients (control dependencies), so no gradient ever sees weights
 * that another update in the same step already changed, exactly as two {@code apply_gradients}
 * calls after one {@code GradientTape} block behave.
 *
 * <p>Feeds: {@link #REAL_IMAGES} float32 [N, R, R, 3] in [-1, 1]; {@link #STEP_SEED} int64 [2] =
 * (run seed, step), from which {@link RandomKeys} derives the keys of the stateless noise, dropout
 * and augmentation generators, so a resumed run draws exactly what an uninterrupted one would.
 * Fetches: {@link #D_LOSS}, {@link #G_LOSS}, {@link #D_REAL} and {@link #D_FAKE} (mean sigmoid
 * probabilities), all float32 scalars. {@link #SAMPLE_NOISE} -> {@link #SAMPLE_IMAGES} runs G in
 * inference mode for the progress grids: the moving average of G when the step keeps one.
 *
 * <p>{@link StepOptions} may add differentiable augmentation of D's input, the moving average of G
 * and a {@link #LR_SCALE} feed that scales both learning rates (the end-of-run decay); with {@link
 * StepOptions#TUTORIAL} the step is the tutorial's.
 */
public final class TrainingGraph {
  public static final String REAL_IMAGES = "real_images";
  public static final String STEP_SEED = "step_seed";
  public static final String D_LOSS = "d_loss";
  public static final String G_LOSS = "g_loss";
  public static final String D_REAL = "d_real";
  public static final String D_FAKE = "d_fake";
  public static final String TRAIN = "train_step";
  public static final String GLOBAL_STEP = "global_step";
  public static final String SAMPLE_NOISE = "sample_noise";
  public static final String SAMPLE_IMAGES = "sample_images";
  /** float32 scalar feed multiplying both learning rates (default 1); only when the options decay them. */
  public static final String LR_SCALE = "lr_scale";
  /** float32 scalar: the adaptive augmentation probability p after the step (only when the options adapt it). */
  public static final String ADA_P = AdaController.P_AFTER;
  /**
   * float32 scalar in [-1, 1]: this step's mean sign of D's real logits, the r that adaptive
   * augmentation steers p by (only when the options adapt p).
   */
  public static final String ADA_R = AdaController.R_STEP;
  /**
   * The lazy R1 step (only when the options penalise): one Adam step of D, with D's optimiser state,
   * on (gamma / 2) * every * {@link #R1_PENALTY}; feeds {@link #REAL_IMAGES} (and {@link #LR_SCALE}).
   */
  public static final String R1_STEP = "r1_step";
  /** float32 scalar: E over the real batch of |grad_x D(x)|^2, D's logit without dropout. */
  public static final String R1_PENALTY = "r1_penalty";
  /** Optimiser names; slots are {@code <variable>-m} / {@code -v}, the apply ops {@code <name>_apply}. */
  public static final String GEN_ADAM = "gen_adam";
  public static final String DISC_ADAM = "disc_adam";

  private final Generator generator;
  private final Discriminator discriminator;
  private final Generator averageGenerator;

  /**
   * Adds the training step to {@code graph}.
   *
   * @param initSeed seeds the initial weights (the same seed builds the same networks)
   */
  public TrainingGraph(Graph graph, ModelConfig config, Hyperparameters hp, long initSeed) {
    this(graph, config, hp, initSeed, StepOptions.TUTORIAL);
  }

  /**
   * Adds the training step with {@code options} to {@code graph}.
   *
   * @param initSeed seeds the initial weights (the same seed builds the same networks)
   */
  public TrainingGraph(Graph graph, ModelConfig config, Hyperparameters hp, long initSeed, StepOptions options) {
    this(graph, config, hp, initSeed, options, true);
  }

  /**
   * @param splitPasses false builds the simultaneous step's D as one pass over [real; fake], as
   *     eyegan did before it split the pass in two (tests compare the two)
   */
  TrainingGraph(Graph graph, ModelConfig config, Hyperparameters hp, long initSeed, StepOptions options,
      boolean splitPasses) {
    Ops tf = Ops.create(graph);
    generator = new Generator(tf, config, initSeed);
    discriminator = new Discriminator(tf, config, initSeed);
    averageGenerator = options.ema() ? new Generator(tf, config, initSeed, Generator.EMA_PREFIX) : null;
    int r = config.resolution();
    Operand<TFloat32> real =
        tf.withName(REAL_IMAGES).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, r, r, 3)));
    Operand<TInt64> stepSeed =
        tf.withName(STEP_SEED).placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
    Variable<TInt64> globalStep = tf.withName(GLOBAL_STEP).variable(tf.constant(0L));

    // Fresh N(0, 1) noise, one row per real image.
    Operand<TInt32> batch = tf.slice(tf.shape(real), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TInt32> noiseShape = tf.concat(List.of(batch, tf.constant(new int[] {config.noiseDim()})), tf.constant(0));
    Operand<TFloat32> noise = tf.reshape(
        tf.random.statelessRandomNormal(noiseShape, RandomKeys.NOISE.stepKey(tf, stepSeed, 0)),
        tf.constant(new long[] {-1, config.noiseDim()}));

    AdaController ada = options.adaptive() ? new AdaController(tf, options.adaTarget(), options.adaKimg()) : null;
    Operand<TFloat32> augmentP = ada != null ? ada.p() : null;
    Operand<TFloat32> fake = generator.apply(noise, Mode.TRAINING);
    // Without the minibatch-std channel D has no batch statistics, so one pass over [real; fake]
    // equals two passes and is faster; with it, reals and fakes are judged apart (see below).
    Operand<TFloat32> both = tf.concat(List.of(real, fake), tf.constant(0));
    if (!options.augment().isNone()) {
      // 2N independent augmentations: the real and the fake half each get their own.
      both = new DiffAugment(tf, options.augment(), r).apply(both, stepSeed, augmentP);
    }
    Operand<TInt32> n = tf.reshape(batch, tf.constant(new int[0]));
    Operand<TFloat32> realLogits;
    Operand<TFloat32> fakeLogits;
    if ((options.alternating() || !splitPasses) && !config.minibatchStd()) {
      // Only D's weights are differentiated through this pass: one pass over [real; fake].
      Operand<TFloat32> logits = discriminator.apply(both, Mode.TRAINING, stepSeed);
      realLogits = tf.slice(logits, tf.constant(new int[] {0, 0}), tf.stack(List.of(n, tf.constant(1))));
      fakeLogits = tf.slice(logits, tf.stack(List.of(n, tf.constant(0))), tf.constant(new int[] {-1, 1}));
    } else {
      // G's loss is differentiated through D too, but only its fake half needs that backward pass:
      // one pass per half (with the masks one pass over [real; fake] would draw, so the results are
      // the same) spares the input gradient of D over the real half, an eighth of the step's work.
      // The minibatch-std channel needs the halves apart anyway: a group must not mix reals and fakes.
      Operand<TInt32> total = tf.math.mul(n, tf.constant(2));
      Operand<TInt32> rows = tf.stack(List.of(n, tf.constant(-1), tf.constant(-1), tf.constant(-1)));
      // (The reshapes restore the static image shape that a slice by a run-time size loses.)
      Operand<TInt64> image = tf.constant(new long[] {-1, r, r, 3});
      Operand<TFloat32> realIn = tf.reshape(tf.slice(both, tf.constant(new int[] {0, 0, 0, 0}), rows), image);
      Operand<TFloat32> fakeIn = tf.reshape(
          tf.slice(both, tf.stack(List.of(n, tf.constant(0), tf.constant(0), tf.constant(0))), rows), image);
      MaskRows[] halves = MaskRows.of(total, tf.constant(0), n);
      realLogits = discriminator.apply(realIn, Mode.TRAINING, stepSeed, RandomKeys.DROPOUT, halves[0]);
      fakeLogits = discriminator.apply(fakeIn, Mode.TRAINING, stepSeed, RandomKeys.DROPOUT, halves[1]);
    }

    Operand<TFloat32> dLoss = tf.withName(D_LOSS).identity(GanLosses.discriminatorLoss(tf, realLogits, fakeLogits, options.hinge()));
    // The simultaneous step creates G's loss here, as the tutorial's step always has, so that its
    // graph keeps the same nodes and names; the alternating step creates it after D's update.
    Operand<TFloat32> gLoss = options.alternating()
        ? null : tf.withName(G_LOSS).identity(GanLosses.generatorLoss(tf, fakeLogits, options.hinge()));
    tf.withName(D_REAL).math.mean(tf.math.sigmoid(realLogits), tf.constant(new int[] {0, 1}));
    tf.withName(D_FAKE).math.mean(tf.math.sigmoid(fakeLogits), tf.constant(new int[] {0, 1}));

    // Every update waits for every gradient it could disturb: a weight must not change while a
    // gradient that reads it (a backward pass through its layer) is still being computed.
    List<Op> allGrads = new ArrayList<>();
    List<Operand<TFloat32>> dValues = gradientValues(tf, tf.gradients(dLoss, discriminator.trainableVariables()), allGrads);
    List<Operand<TFloat32>> gValues = gLoss == null
        ? null : gradientValues(tf, tf.gradients(gLoss, generator.trainableVariables()), allGrads);
    // Without a decay the step has no scale feed at all, so the article's step stays the tutorial's.
    Operand<TFloat32> lrScale = options.decays()
        ? tf.withName(LR_SCALE).placeholderWithDefault(tf.constant(1f), Shape.scalar())
        : null;
    AdamOptimizer dAdam = new AdamOptimizer(tf, DISC_ADAM, hp);
    Op dApply = dAdam.apply(ordered(tf.withControlDependencies(allGrads), dValues), discriminator.trainableVariables(), lrScale);
    if (options.alternating()) {
      // G's loss against the updated D: a second D pass over the same fakes, with dropout masks and
      // augmentations of its own, that cannot start before D's update has been applied.
      Operand<TFloat32> fakeAgain = tf.withControlDependencies(List.of(dApply)).identity(fake);
      if (!options.augment().isNone()) {
        fakeAgain = new DiffAugment(tf, options.augment(), r, RandomKeys.AUGMENT_SECOND_PASS).apply(fakeAgain, stepSeed, augmentP);
      }
      Operand<TFloat32> againLogits = discriminator.apply(fakeAgain, Mode.TRAINING, stepSeed, RandomKeys.DROPOUT_SECOND_PASS);
      gLoss = tf.withName(G_LOSS).identity(GanLosses.generatorLoss(tf, againLogits, options.hinge()));
      gValues = gradientValues(tf, tf.gradients(gLoss, generator.trainableVariables()), allGrads);
    }
    Op gApply = new AdamOptimizer(tf, GEN_ADAM, hp)
        .apply(ordered(tf.withControlDependencies(allGrads), gValues), generator.trainableVariables(), lrScale);

    List<Op> updates = new ArrayList<>(List.of(dApply, gApply));
    // Moving statistics are updated from this step's batch, like Keras's BN layers in training mode.
    updates.addAll(generator.updateOps());
    updates.add(tf.withControlDependencies(allGrads).assignAdd(globalStep, tf.constant(1L)));
    if (ada != null) {
      // After every gradient, so every augmentation of the step has read p.
      updates.add(ada.update(realLogits, allGrads));
    }
    if (averageGenerator != null) {
      updates = List.of(new GeneratorAverage(tf, generator, averageGenerator, options).update(stepSeed, n, updates));
    }
    tf.withControlDependencies(updates).withName(TRAIN).noOp();
    if (options.r1()) {
      addR1Step(tf, real, dAdam, lrScale, options);
    }

    Operand<TFloat32> sampleNoise =
        tf.withName(SAMPLE_NOISE).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, config.noiseDim())));
    Generator sampled = averageGenerator != null ? averageGenerator : generator;
    tf.withName(SAMPLE_IMAGES).identity(sampled.apply(sampleNoise, Mode.INFERENCE));
  }

  /**
   * The lazy R1 step (StyleGAN2's "Dreg" phase): the penalty of D's input gradient at the un-augmented
   * reals, with D as it judges without dropout, weighted by gamma / 2 and by the interval so that on
   * average it weighs as much as a penalty every step. Its Adam step shares D's moments and counter.
   */
  private void addR1Step(Ops tf, Operand<TFloat32> real, AdamOptimizer dAdam, Operand<TFloat32> lrScale,
      StepOptions options) {
    Operand<TFloat32> logits = discriminator.apply(real, Mode.INFERENCE, tf.constant(new long[] {0L, 0L}));
    // Each image's logit depends on that image only (D has no batch statistics: the configuration
    // refuses R1 with the minibatch-std channel), so the gradient of the batch's sum holds every
    // image's own input gradient.
    // The seed dy/dy = 1 is a constant: the default seed, OnesLike, has no gradient of its own.
    Output<?> dx = tf.gradients(tf.sum(logits, tf.constant(new int[] {0, 1})), List.of(real),
        Gradients.dx(List.of(tf.constant(1f)))).dy(0);
    @SuppressWarnings("unchecked")
    Operand<TFloat32> grad = (Output<TFloat32>) dx;
    Operand<TFloat32> perImage = tf.sum(tf.math.square(grad), tf.constant(new int[] {1, 2, 3}));
    Operand<TFloat32> penalty = tf.withName(R1_PENALTY).math.mean(perImage, tf.constant(0));
    Operand<TFloat32> loss = tf.math.mul(penalty, tf.constant((float) (options.r1Gamma() / 2 * options.r1Every())));
    // The biases reach D's input gradient only through LeakyReLU's kinks, whose derivative is zero,
    // and TensorFlow then builds no gradient for them at all; 0 * sum(v) gives every variable one,
    // so Adam steps all of D as a PyTorch optimiser would with zero gradients.
    for (Variable<TFloat32> v : discriminator.trainableVariables()) {
      loss = tf.math.add(loss, tf.math.mul(tf.constant(0f), tf.sum(v, tf.range(tf.constant(0), tf.rank(v), tf.constant(1)))));
    }
    List<Op> grads = new ArrayList<>();
    List<Operand<TFloat32>> values = gradientValues(tf, tf.gradients(loss, discriminator.trainableVariables()), grads);
    dAdam.apply(ordered(tf.withControlDependencies(grads), values), discriminator.trainableVariables(), lrScale, R1_STEP);
  }

  /** Wraps each gradient in an Identity op, collected in {@code ops} to serve as a barrier. */
  private static List<Operand<TFloat32>> gradientValues(Ops tf, Gradients grads, List<Op> ops) {
    List<Operand<TFloat32>> values = new ArrayList<>();
    for (Output<?> dy : grads.dy()) {
      @SuppressWarnings("unchecked")
      var id = tf.identity((Output<TFloat32>) dy);
      ops.add(id);
      values.add(id);
    }
    return values;
  }

  public Generator generator() {
    return generator;
  }

  public Discriminator discriminator() {
    return discriminator;
  }

  /** The moving average of G, or null when the step keeps none. */
  public Generator averageGenerator() {
    return averageGenerator;
  }

  /** Each gradient, readable only after every gradient of the step exists. */
  private static List<Operand<TFloat32>> ordered(Ops afterGrads, List<Operand<TFloat32>> grads) {
    List<Operand<TFloat32>> out = new ArrayList<>();
    for (Operand<TFloat32> g : grads) {
      out.add(afterGrads.identity(g));
    }
    return out;
  }
}
