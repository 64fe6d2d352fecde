package eyegan.train;

import eyegan.config.ModelConfig;
import eyegan.config.Preset;
import eyegan.config.TrainConfig;
import eyegan.image.RgbImages;
import eyegan.runtime.SessionConfigs;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A generator after its first epoch, as a ruler entry for {@code evaluate --calibrate}: the {@code
 * cpu} preset's networks and step (but learning rates fixed at 2e-4; beta1 0.5, batch 32) at the
 * images' size, trained once over every image and its mirror image in a seeded order, then sampled
 * from fixed noise. Without the moving average, so the images are the live generator's. About 130
 * ms a step at 64 px on 2 cores: 1,000 reals make 63 steps, under 10 s. The same seed gives the same schedule,
 * noise and initial weights; TensorFlow's multithreaded sums may still differ in the last bits
 * between runs, so its scores are reproducible to a few percent, not exactly.
 */
public final class FirstEpoch {
  private static final int SAMPLE_BATCH = 64;
  /**
   * The ruler's entry keeps the learning rate it was measured with (docs/measures.md), whatever the
   * preset's rate becomes.
   */
  static final float LEARNING_RATE = 2e-4f;

  private FirstEpoch() {}

  /**
   * {@code count} images from a generator trained for one epoch on {@code reals} (square, a size the
   * cpu preset's architecture can produce: 16 px or more, divisible by 8).
   */
  public static RgbImages generate(RgbImages reals, int count, long seed) {
    if (reals.height() != reals.width()) {
      throw new IllegalArgumentException("the first-epoch generator needs square images, got "
          + reals.width() + "x" + reals.height());
    }
    int r = reals.height();
    TrainConfig.Builder b = TrainConfig.fromPreset(Preset.CPU).toBuilder();
    b.emaKimg = 0; // sample the generator itself, not an average that has barely left its start
    b.emaRampup = 0;
    b.lrDecay = 0;
    b.learningRate = LEARNING_RATE;
    b.seed = seed;
    TrainConfig cfg = b.build();
    ModelConfig model = cfg.model().withResolution(r);
    Hyperparameters hp = new Hyperparameters(cfg.learningRate(), cfg.beta1(), cfg.beta2(), cfg.epsilon());
    int batch = cfg.batchSize();
    int[] order = shuffledImagesAndMirrors(reals.count(), seed);
    int per = r * r * 3;
    try (Graph g = new Graph()) {
      new TrainingGraph(g, model, hp, seed, cfg.stepOptions());
      try (Session s = new Session(g, SessionConfigs.training())) {
        s.initialize();
        float[] x = new float[batch * per];
        for (int step = 0; step * batch + batch <= order.length; step++) {
          for (int i = 0; i < batch; i++) {
            int code = order[step * batch + i];
            writeImage(reals, code >> 1, (code & 1) == 1, x, i * per);
          }
          try (TFloat32 images = TFloat32.tensorOf(Shape.of(batch, r, r, 3), DataBuffers.of(x, true, false));
              TInt64 stepSeed = TInt64.vectorOf(seed, step)) {
            s.runner().feed(TrainingGraph.REAL_IMAGES, images).feed(TrainingGraph.STEP_SEED, stepSeed)
                .addTarget(TrainingGraph.TRAIN).run();
          }
        }
        return sample(s, GridNoise.forSeed(seed, count, model.noiseDim()), count, model.noiseDim(), r);
      }
    }
  }

  /** Codes {@code 2 * image + mirrored} for every image and its mirror, in a seeded random order. */
  private static int[] shuffledImagesAndMirrors(int n, long seed) {
    int[] order = new int[2 * n];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** Image {@code i}, mirrored left to right or not, as [-1, 1] floats (the training mapping). */
  private static void writeImage(RgbImages reals, int i, boolean mirror, float[] out, int offset) {
    int r = reals.width();
    int o = offset;
    for (int y = 0; y < r; y++) {
      for (int x = 0; x < r; x++) {
        int sx = mirror ? r - 1 - x : x;
        for (int c = 0; c < 3; c++) {
          out[o++] = (reals.get(i, y, sx, c) - 127.5f) / 127.5f;
        }
      }
    }
  }

  private static RgbImages sample(Session s, float[] noise, int count, int noiseDim, int r) {
    int per = r * r * 3;
    float[] all = new float[count * per];
    for (int first = 0; first < count; first += SAMPLE_BATCH) {
      int n = Math.min(SAMPLE_BATCH, count - first);
      float[] rows = java.util.Arrays.copyOfRange(noise, first * noiseDim, (first + n) * noiseDim);
      try (TFloat32 z = TFloat32.tensorOf(Shape.of(n, noiseDim), DataBuffers.of(rows, true, false));
          Result res = s.runner().feed(TrainingGraph.SAMPLE_NOISE, z).fetch(TrainingGraph.SAMPLE_IMAGES).run()) {
        ((TFloat32) res.get(0)).copyTo(DataBuffers.of(all, false, false).slice((long) first * per, (long) n * per));
      }
    }
    return RgbImages.fromUnitRange(all, count, r, r);
  }
}
