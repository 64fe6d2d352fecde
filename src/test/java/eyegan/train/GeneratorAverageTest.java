package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.AugmentPolicy;
import eyegan.config.ModelConfig;
import eyegan.config.Preset;
import eyegan.config.StepOptions;
import eyegan.runtime.SessionConfigs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** The generator's moving average against its formula, step by step, on the tiny model. */
class GeneratorAverageTest {
  private static final ModelConfig TINY = Preset.TINY.model();
  private static final int BATCH = 8;
  /** Half-life 0.1 kimg = 100 images, ramp-up 0.05: early steps are limited by the ramp. */
  private static final StepOptions EMA = new StepOptions(AugmentPolicy.NONE, 0.1, 0.05);

  @Test
  void averageFollowsTheFormulaWithRampUp() {
    try (Graph g = new Graph()) {
      TrainingGraph tg = new TrainingGraph(g, TINY, new Hyperparameters(1e-3f, 0.5f, 0.999f, 1e-7f), 3, EMA);
      assertNotNull(tg.averageGenerator());
      List<Variable<TFloat32>> live = all(tg.generator());
      List<Variable<TFloat32>> avg = all(tg.averageGenerator());
      try (Session s = new Session(g, SessionConfigs.training());
          TFloat32 real = realBatch()) {
        s.initialize();
        // Same seed, same initial values: the average starts as a copy.
        assertListEquals(VariableValues.read(s, live), VariableValues.read(s, avg), 0f);
        for (long step : new long[] {0, 1, 2, 40}) {
          List<float[]> before = VariableValues.read(s, avg);
          step(s, real, step);
          List<float[]> w = VariableValues.read(s, live);
          List<float[]> after = VariableValues.read(s, avg);
          // By hand: images shown before this step = step * 8; half-life = min(100, 0.05 * that);
          // beta = 0.5^(8 / half-life), and 0 when the half-life is 0 (step 0: a plain copy).
          double halfLife = Math.min(100, 0.05 * step * BATCH);
          double beta = halfLife == 0 ? 0 : Math.pow(0.5, BATCH / halfLife);
          for (int v = 0; v < w.size(); v++) {
            float[] expected = new float[w.get(v).length];
            for (int i = 0; i < expected.length; i++) {
              expected[i] = (float) (w.get(v)[i] + beta * (before.get(v)[i] - w.get(v)[i]));
            }
            assertArrayEquals(expected, after.get(v), 1e-5f, "variable " + avg.get(v).op().name() + " at step " + step);
          }
        }
        // After real steps with lr 1e-3 the live weights have moved away from their average.
        float diff = 0;
        List<float[]> w = VariableValues.read(s, live);
        List<float[]> a = VariableValues.read(s, avg);
        for (int v = 0; v < w.size(); v++) {
          for (int i = 0; i < w.get(v).length; i++) {
            diff = Math.max(diff, Math.abs(w.get(v)[i] - a.get(v)[i]));
          }
        }
        assertTrue(diff > 1e-5f, "the average must lag the live weights, max difference " + diff);
      }
    }
  }

  @Test
  void gridsSampleTheAverageAndWithoutItTheLiveGenerator() {
    try (Graph g = new Graph()) {
      TrainingGraph tg = new TrainingGraph(g, TINY, new Hyperparameters(1e-4f, 0.9f, 0.999f, 1e-7f), 3);
      assertEquals(null, tg.averageGenerator());
      assertTrue(g.operation("ema_gen_dense_kernel") == null, "no average variables without the option");
    }
    try (Graph g = new Graph()) {
      new TrainingGraph(g, TINY, new Hyperparameters(1e-4f, 0.9f, 0.999f, 1e-7f), 3, EMA);
      assertNotNull(g.operation("ema_gen_dense_kernel"));
      assertNotNull(g.operation("ema_gen_convT1_bn_moving_mean"), "batch-norm statistics are averaged too");
    }
  }

  private static List<Variable<TFloat32>> all(eyegan.model.Generator gen) {
    List<Variable<TFloat32>> v = new ArrayList<>(gen.trainableVariables());
    v.addAll(gen.nonTrainableVariables());
    return v;
  }

  private static TFloat32 realBatch() {
    return TestBatches.images(BATCH, TINY.resolution(), i -> Math.sin(i * 0.37));
  }

  private static void step(Session s, TFloat32 real, long step) {
    try (TInt64 seed = TInt64.vectorOf(3, step);
        Result ignored = s.runner().feed(TrainingGraph.REAL_IMAGES, real).feed(TrainingGraph.STEP_SEED, seed)
            .addTarget(TrainingGraph.TRAIN).fetch(TrainingGraph.D_LOSS).run()) {
      // the step's effects are read from the variables
    }
  }

  private static void assertListEquals(List<float[]> a, List<float[]> b, float tol) {
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i), b.get(i), tol, "variable " + i + " " + Arrays.toString(Arrays.copyOf(a.get(i), 3)));
    }
  }
}
