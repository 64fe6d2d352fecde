package eyegan.export;

import eyegan.config.Preset;
import eyegan.config.TrainConfig;
import eyegan.config.TrainingOptionsFile;
import eyegan.runtime.SessionConfigs;
import eyegan.train.Checkpoints;
import eyegan.train.Hyperparameters;
import eyegan.train.TrainingGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A real (if very short) tiny-preset training run made in a test folder: the training graph runs
 * a few steps on random images, so the batch-norm moving statistics and all weights differ from
 * their initial values, then a checkpoint is written exactly as the trainer writes one.
 */
public final class TinyRun {
  public static final int STEPS = 3;
  public static final int BATCH = 4;
  private static final long DATA_SEED = 99;

  public final Path runDir;
  public final TrainConfig config;

  private TinyRun(Path runDir, TrainConfig config) {
    this.runDir = runDir;
    this.config = config;
  }

  /** Trains {@value #STEPS} steps into {@code runDir} and checkpoints them. */
  public static TinyRun create(Path runDir) throws IOException {
    return create(runDir, 0);
  }

  /**
   * Like {@link #create(Path)}, keeping a moving average of G with half-life {@code emaKimg}
   * thousand images (no ramp-up, so it lags the live weights from the first step).
   */
  public static TinyRun create(Path runDir, double emaKimg) throws IOException {
    Files.createDirectories(runDir);
    TrainConfig.Builder b = TrainConfig.fromPreset(Preset.TINY).toBuilder();
    b.dataDir = runDir.resolve("data").toString();
    b.emaKimg = emaKimg;
    TrainConfig cfg = b.build();
    TrainingOptionsFile.write(runDir, cfg);
    int r = cfg.model().resolution();
    try (Graph g = new Graph()) {
      new TrainingGraph(g, cfg.model(), hyperparameters(cfg), cfg.seed(), cfg.stepOptions());
      try (Session s = new Session(g, SessionConfigs.training())) {
        s.initialize();
        SplittableRandom random = new SplittableRandom(DATA_SEED);
        float[] real = new float[BATCH * r * r * 3];
        for (int step = 0; step < STEPS; step++) {
          for (int k = 0; k < real.length; k++) {
            real[k] = (float) (random.nextDouble() * 2 - 1);
          }
          try (TFloat32 images = TFloat32.tensorOf(Shape.of(BATCH, r, r, 3), DataBuffers.of(real, true, false));
              TInt64 seed = TInt64.vectorOf(cfg.seed(), step)) {
            s.runner().feed(TrainingGraph.REAL_IMAGES, images).feed(TrainingGraph.STEP_SEED, seed)
                .addTarget(TrainingGraph.TRAIN).run();
          }
        }
        new Checkpoints(runDir.resolve("checkpoints"), cfg.keepCheckpoints())
            .save(s, new Checkpoints.Meta(STEPS, 1, 0, cfg.seed(), BATCH, 1.0));
      }
    }
    return new TinyRun(runDir, cfg);
  }

  /**
   * The training graph's own inference output ({@code sample_noise -> sample_images}) for
   * {@code noise} [n, D] after restoring the newest checkpoint: the reference an export must match
   * (the moving average of G when the run keeps one).
   *
   * @return float32 NHWC [n, R, R, 3], flattened
   */
  public float[] trainingGraphImages(float[] noise, int n) {
    int r = config.model().resolution();
    int d = config.model().noiseDim();
    try (Graph g = new Graph()) {
      new TrainingGraph(g, config.model(), hyperparameters(config), config.seed(), config.stepOptions());
      try (Session s = new Session(g)) {
        Checkpoints.Entry latest = new Checkpoints(runDir.resolve("checkpoints"), 1).list(w -> {}).get(0);
        s.restore(latest.prefix());
        try (TFloat32 z = TFloat32.tensorOf(Shape.of(n, d), DataBuffers.of(noise, true, false));
            Result res = s.runner().feed(TrainingGraph.SAMPLE_NOISE, z).fetch(TrainingGraph.SAMPLE_IMAGES).run()) {
          float[] out = new float[n * r * r * 3];
          ((TFloat32) res.get(0)).copyTo(DataBuffers.of(out, false, false));
          return out;
        }
      }
    }
  }

  /** Standard normal noise [n, D] from a fixed seed, flattened. */
  public static float[] gaussian(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] z = new float[n * d];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) random.nextGaussian();
    }
    return z;
  }

  private static Hyperparameters hyperparameters(TrainConfig c) {
    return new Hyperparameters(c.learningRate(), c.beta1(), c.beta2(), c.epsilon());
  }
}
