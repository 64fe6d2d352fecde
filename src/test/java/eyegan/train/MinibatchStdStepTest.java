package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import eyegan.config.AugmentPolicy;
import eyegan.config.ModelConfig;
import eyegan.config.Preset;
import eyegan.config.StepOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * With D's minibatch-std channel an image's logit depends on the other images of its group, so the
 * step must judge reals and fakes in passes of their own. With 6 reals and groups of 4, one pass
 * over [real; fake] would put reals 5 and 6 in a group with fakes 1 and 2, and D's score of the
 * reals would move with the fakes; judged apart, it cannot.
 */
class MinibatchStdStepTest {
  private static final long SEED = 9;

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void realsAreJudgedWithoutTheFakes(boolean alternating) {
    // No dropout: D is then a deterministic function of its weights and inputs.
    ModelConfig config = Preset.TINY.model().withDropout(0f).withMinibatchStd(4);
    StepOptions options = new StepOptions(AugmentPolicy.NONE, 0, 0, 0).withAlternating(alternating);
    try (Graph graph = new Graph();
        TFloat32 real = TestBatches.images(6, config.resolution(), k -> Math.sin(k * 0.37) * 0.8)) {
      new TrainingGraph(graph, config, new Hyperparameters(1e-3f, 0.5f, 0.999f, 1e-7f), SEED, options);
      try (Session session = new Session(graph)) {
        session.initialize();
        // Steps 0 and 1 draw different noise, so G draws different fakes from the same weights.
        float[] step0 = scores(session, real, 0);
        float[] step1 = scores(session, real, 1);
        assertNotEquals(step0[1], step1[1], "the fakes differ between the two steps");
        assertEquals(step0[0], step1[0], 0f, "D's score of the reals does not depend on the fakes");
      }
    }
  }

  /** D's mean probability on the reals and on the fakes, without training. */
  private static float[] scores(Session session, TFloat32 real, long step) {
    try (TInt64 seed = TInt64.vectorOf(SEED, step);
        Result r = session.runner().feed(TrainingGraph.REAL_IMAGES, real).feed(TrainingGraph.STEP_SEED, seed)
            .fetch(TrainingGraph.D_REAL).fetch(TrainingGraph.D_FAKE).run()) {
      return new float[] {((TFloat32) r.get(0)).getFloat(), ((TFloat32) r.get(1)).getFloat()};
    }
  }
}
