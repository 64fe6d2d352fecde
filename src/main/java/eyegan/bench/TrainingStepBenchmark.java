package eyegan.bench;

import eyegan.config.ModelConfig;
import eyegan.train.Hyperparameters;
import eyegan.train.TrainingGraph;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Times the real training step (the graph {@code eyegan train} runs, fed from memory so only the
 * step is measured) after warm-up, and reports where TensorFlow placed its ops.
 */
public final class TrainingStepBenchmark {
  /**
   * @param millis per measured step, sorted
   * @param imagesPerSecond real images consumed per second at the median step time
   * @param flopsPerStep analytic FLOPs of one step ({@link StepFlops})
   * @param gflopsPerSecond achieved at the median step time
   * @param placement where TensorFlow placed the step's ops (from one extra, untimed step)
   * @param r1Millis median time of the lazy R1 step, timed on its own after the regular steps; NaN
   *     when the step has no R1 penalty
   */
  public record Result(int batch, double[] millis, double imagesPerSecond, double flopsPerStep, double gflopsPerSecond,
      StepPlacement placement, double r1Millis) {
    public double median() {
      return millis[millis.length / 2];
    }

    public double min() {
      return millis[0];
    }

    public double max() {
      return millis[millis.length - 1];
    }
  }

  private TrainingStepBenchmark() {}

  public static Result run(ModelConfig config, int batch, int warmup, int steps, ConfigProto session) {
    return run(config, eyegan.config.StepOptions.TUTORIAL, batch, warmup, steps, session);
  }

  /** The step with a preset's additions (moving average, augmentation), as {@code train} runs it. */
  public static Result run(ModelConfig config, eyegan.config.StepOptions options, int batch, int warmup, int steps,
      ConfigProto session) {
    int r = config.resolution();
    float[] images = new float[batch * r * r * 3];
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) (random.nextDouble() * 2 - 1);
    }
    double[] millis = new double[steps];
    double r1Millis = Double.NaN;
    StepPlacement placement;
    try (Graph g = new Graph()) {
      new TrainingGraph(g, config, new Hyperparameters(1e-4f, 0.9f, 0.999f, 1e-7f), 1, options);
      try (Session s = new Session(g, session);
          TFloat32 real = TFloat32.tensorOf(Shape.of(batch, r, r, 3), DataBuffers.of(images, true, false))) {
        s.initialize();
        try (TInt64 seed = TInt64.vectorOf(1, -1);
            org.tensorflow.Result first = s.runner().feed(TrainingGraph.REAL_IMAGES, real).feed(TrainingGraph.STEP_SEED, seed)
                .addTarget(TrainingGraph.TRAIN).fetch(TrainingGraph.D_LOSS)
                .setOptions(RunOptions.newBuilder().setOutputPartitionGraphs(true).build())
                .runAndFetchMetadata()) {
          placement = StepPlacement.of(first.getMetadata().orElseThrow());
        }
        for (int i = 0; i < warmup + steps; i++) {
          long t0 = System.nanoTime();
          try (TInt64 seed = TInt64.vectorOf(1, i);
              org.tensorflow.Result ignored = s.runner().feed(TrainingGraph.REAL_IMAGES, real).feed(TrainingGraph.STEP_SEED, seed)
                  .addTarget(TrainingGraph.TRAIN).fetch(TrainingGraph.D_LOSS).run()) {
            // the fetched loss makes the run wait for the whole step
          }
          if (i >= warmup) {
            millis[i - warmup] = (System.nanoTime() - t0) / 1e6;
          }
        }
        if (options.r1()) {
          r1Millis = timeR1Steps(s, real, steps);
        }
      }
    }
    Arrays.sort(millis);
    double median = millis[millis.length / 2];
    double flops = StepFlops.trainingStep(config, batch, options.alternating());
    return new Result(batch, millis, batch / (median / 1e3), flops, flops / (median / 1e3) / 1e9, placement, r1Millis);
  }

  /** Median milliseconds of {@code steps} lazy R1 steps (the regular steps have warmed the session up). */
  private static double timeR1Steps(Session s, TFloat32 real, int steps) {
    double[] r1 = new double[Math.max(1, steps)];
    for (int i = 0; i < r1.length; i++) {
      long t0 = System.nanoTime();
      try (org.tensorflow.Result ignored = s.runner().feed(TrainingGraph.REAL_IMAGES, real)
          .addTarget(TrainingGraph.R1_STEP).fetch(TrainingGraph.R1_PENALTY).run()) {
        // the fetched penalty makes the run wait for the whole R1 step
      }
      r1[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(r1);
    return r1[r1.length / 2];
  }
}
