package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.AugmentPolicy;
import eyegan.config.ModelConfig;
import eyegan.config.Preset;
import eyegan.config.StepOptions;
import eyegan.runtime.SessionConfigs;
import java.util.ArrayList;
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

/** The end-of-run decay: its schedule worked out by hand, and its effect on a real Adam step. */
class LearningRateDecayTest {
  private static final ModelConfig TINY = Preset.TINY.model();
  private static final int BATCH = 8;

  @Test
  void halfOfTenStepsDecaysOverTheLastFive() {
    LearningRateDecay d = new LearningRateDecay(0.5);
    // 5 decay steps: steps 0..5 have at least 5 steps left (full rate), then 4/5, 3/5, 2/5, 1/5.
    float[] expected = {1, 1, 1, 1, 1, 1, 0.8f, 0.6f, 0.4f, 0.2f, 0};
    float[] got = new float[11];
    for (int s = 0; s <= 10; s++) {
      got[s] = d.scale(s, 10);
    }
    assertArrayEquals(expected, got, 1e-6f);
  }

  @Test
  void aWholeRunDecayFallsFromTheFirstStep() {
    LearningRateDecay d = new LearningRateDecay(1);
    assertEquals(1f, d.scale(0, 4));
    assertEquals(0.75f, d.scale(1, 4));
    assertEquals(0.25f, d.scale(3, 4));
  }

  @Test
  void aDecayShorterThanOneStepOnlyEndsTheRun() {
    LearningRateDecay d = new LearningRateDecay(0.01);
    for (int s = 0; s < 10; s++) {
      assertEquals(1f, d.scale(s, 10), "step " + s);
    }
    assertEquals(0f, d.scale(12, 10), "past the end");
  }

  @Test
  void rejectsFractionsOutsideTheRun() {
    assertThrows(IllegalArgumentException.class, () -> new LearningRateDecay(0));
    assertThrows(IllegalArgumentException.class, () -> new LearningRateDecay(1.5));
    assertThrows(IllegalArgumentException.class, () -> new LearningRateDecay(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new StepOptions(AugmentPolicy.NONE, 0, 0, -0.1));
    assertThrows(IllegalArgumentException.class, () -> new LearningRateDecay(0.5).scale(0, 0));
  }

  /**
   * Adam's update is linear in the learning rate, so from the same weights and the same batch a
   * step fed scale 0.5 must move every weight by exactly half of what a step fed 1 moves it, and
   * a step fed 0 must not move it at all (the moments still update; the weights do not).
   */
  @Test
  void theFedScaleMultipliesEveryAdamUpdate() {
    List<float[]> start = null;
    List<List<float[]>> after = new ArrayList<>();
    for (float scale : new float[] {1f, 0.5f, 0f}) {
      try (Graph g = new Graph()) {
        TrainingGraph tg = new TrainingGraph(g, TINY, new Hyperparameters(1e-3f, 0.5f, 0.999f, 1e-7f), 5,
            new StepOptions(AugmentPolicy.NONE, 0, 0, 0.5));
        List<Variable<TFloat32>> vars = new ArrayList<>(tg.generator().trainableVariables());
        vars.addAll(tg.discriminator().trainableVariables());
        try (Session s = new Session(g, SessionConfigs.training());
            TFloat32 real = realBatch();
            TFloat32 lrScale = TFloat32.scalarOf(scale);
            TInt64 seed = TInt64.vectorOf(5, 0)) {
          s.initialize();
          List<float[]> before = VariableValues.read(s, vars);
          if (start == null) {
            start = before;
          }
          try (Result ignored = s.runner().feed(TrainingGraph.REAL_IMAGES, real).feed(TrainingGraph.STEP_SEED, seed)
              .feed(TrainingGraph.LR_SCALE, lrScale).addTarget(TrainingGraph.TRAIN).fetch(TrainingGraph.D_LOSS).run()) {
            after.add(VariableValues.read(s, vars));
          }
        }
      }
    }
    int moved = 0;
    for (int v = 0; v < start.size(); v++) {
      for (int i = 0; i < start.get(v).length; i++) {
        float w0 = start.get(v)[i];
        float full = after.get(0).get(v)[i] - w0;
        float half = after.get(1).get(v)[i] - w0;
        assertEquals(full / 2, half, 2e-7f + Math.abs(full) * 1e-3f, "variable " + v + " element " + i);
        assertEquals(w0, after.get(2).get(v)[i], "scale 0 leaves variable " + v + " element " + i);
        if (Math.abs(full) > 1e-4f) {
          moved++;
        }
      }
    }
    assertTrue(moved > 100, "a real step moves many weights, moved " + moved);
  }

  private static TFloat32 realBatch() {
    return TestBatches.images(BATCH, TINY.resolution(), i -> Math.cos(i * 0.29));
  }
}
