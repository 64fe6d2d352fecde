package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.AugmentPolicy;
import eyegan.config.ModelConfig;
import eyegan.config.Preset;
import eyegan.config.StepOptions;
import eyegan.model.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The R1 penalty is E[|grad_x D(x)|^2] over the real batch, checked against central finite
 * differences of D's logit, pixel by pixel, on the tiny model (D as it judges without dropout: the
 * tiny preset has dropout, which the penalty must not see). The lazy R1 step then lowers the penalty
 * with D's own optimiser and leaves G alone.
 */
class R1PenaltyTest {
  private static final ModelConfig TINY = Preset.TINY.model();
  private static final long SEED = 5;
  private static final int BATCH = 2;
  /** Step of the central differences: D is piecewise linear, so small steps are exact but for rounding. */
  private static final float H = 1e-3f;

  private static StepOptions r1(double gamma) {
    return new StepOptions(AugmentPolicy.NONE, 0, 0, 0).withAlternating(true).withR1(gamma, 16);
  }

  private static TFloat32 reals() {
    return TestBatches.images(BATCH, TINY.resolution(), k -> 0.9 * Math.sin(k * 0.61 + 0.3));
  }

  @Test
  void penaltyIsTheSquaredInputGradientOfDsLogit() {
    int r = TINY.resolution();
    int pixels = r * r * 3;
    try (Graph graph = new Graph()) {
      TrainingGraph tg = new TrainingGraph(graph, TINY, new Hyperparameters(1e-3f, 0.5f, 0.999f, 1e-7f), SEED, r1(0.05));
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> probe = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, r, r, 3)));
      Operand<TFloat32> logits = tg.discriminator().apply(probe, Mode.INFERENCE, tf.constant(new long[] {0L, 0L}));
      try (Session session = new Session(graph, eyegan.runtime.SessionConfigs.training()); TFloat32 real = reals()) {
        session.initialize();
        float penalty;
        try (Result res = session.runner().feed(TrainingGraph.REAL_IMAGES, real).fetch(TrainingGraph.R1_PENALTY).run()) {
          penalty = ((TFloat32) res.get(0)).getFloat();
        }
        float[] x = new float[BATCH * pixels];
        real.copyTo(DataBuffers.of(x, false, false));
        double sumOfSquares = 0;
        for (int i = 0; i < BATCH; i++) {
          // Image i moved by +h and by -h in each of its values, one value per row of the batch.
          float[] moved = new float[2 * pixels * pixels];
          for (int j = 0; j < pixels; j++) {
            System.arraycopy(x, i * pixels, moved, (2 * j) * pixels, pixels);
            System.arraycopy(x, i * pixels, moved, (2 * j + 1) * pixels, pixels);
            moved[(2 * j) * pixels + j] += H;
            moved[(2 * j + 1) * pixels + j] -= H;
          }
          float[] out = new float[2 * pixels];
          try (TFloat32 batch = TFloat32.tensorOf(Shape.of(2L * pixels, r, r, 3), DataBuffers.of(moved, true, false));
              Result res = session.runner().feed(probe, batch).fetch(logits).run()) {
            ((TFloat32) res.get(0)).copyTo(DataBuffers.of(out, false, false));
          }
          for (int j = 0; j < pixels; j++) {
            double slope = ((double) out[2 * j] - out[2 * j + 1]) / (2 * H);
            sumOfSquares += slope * slope;
          }
        }
        double expected = sumOfSquares / BATCH;
        assertTrue(expected > 1e-6, "the tiny D's logit depends on its input: " + expected);
        assertEquals(expected, penalty, 0.01 * expected, "R1 penalty against finite differences");
      }
    }
  }

  @Test
  void lazyR1StepLowersThePenaltyWithDsOptimiserOnly() {
    try (Graph graph = new Graph()) {
      TrainingGraph tg = new TrainingGraph(graph, TINY, new Hyperparameters(1e-3f, 0.5f, 0.999f, 1e-7f), SEED, r1(1.0));
      try (Session session = new Session(graph, eyegan.runtime.SessionConfigs.training()); TFloat32 real = reals()) {
        session.initialize();
        List<float[]> g0 = VariableValues.read(session, tg.generator().trainableVariables());
        List<float[]> d0 = VariableValues.read(session, tg.discriminator().trainableVariables());
        float first = r1Step(session, real);
        float last = first;
        for (int i = 1; i < 30; i++) {
          last = r1Step(session, real);
        }
        assertTrue(last < 0.5f * first, "30 R1 steps halve the penalty: " + first + " -> " + last);
        assertEquals(30L, counter(session, TrainingGraph.DISC_ADAM + "_iterations"), "each R1 step is one step of D's Adam");
        assertEquals(0L, counter(session, TrainingGraph.GEN_ADAM + "_iterations"), "G's optimiser does not move");
        List<float[]> g1 = VariableValues.read(session, tg.generator().trainableVariables());
        for (int v = 0; v < g0.size(); v++) {
          assertTrue(java.util.Arrays.equals(g0.get(v), g1.get(v)), "G variable " + v + " unchanged");
        }
        List<float[]> d1 = VariableValues.read(session, tg.discriminator().trainableVariables());
        assertTrue(!java.util.Arrays.equals(d0.get(0), d1.get(0)), "D's first kernel moved");
      }
    }
  }

  /** One lazy R1 step; returns the penalty before it. */
  private static float r1Step(Session session, TFloat32 real) {
    try (Result res = session.runner().feed(TrainingGraph.REAL_IMAGES, real).addTarget(TrainingGraph.R1_STEP)
        .fetch(TrainingGraph.R1_PENALTY).run()) {
      return ((TFloat32) res.get(0)).getFloat();
    }
  }

  private static long counter(Session session, String name) {
    try (Result res = session.runner().fetch(name).run()) {
      return ((TInt64) res.get(0)).getLong();
    }
  }
}
