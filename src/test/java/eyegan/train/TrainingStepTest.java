package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.ModelConfig;
import eyegan.config.Preset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** One training step of the tiny model: which weights move, and by how much. */
class TrainingStepTest {
  private static final float LR = 1e-4f;
  private final ModelConfig config = Preset.TINY.model();
  private Graph graph;
  private Session session;
  private TrainingGraph tg;
  private TFloat32 real;

  @BeforeEach
  void build() {
    build(LR);
  }

  private void build(float lr) {
    if (graph != null) {
      close();
    }
    graph = new Graph();
    tg = new TrainingGraph(graph, config, new Hyperparameters(lr, 0.9f, 0.999f, 1e-7f), 5);
    session = new Session(graph, eyegan.runtime.SessionConfigs.training());
    session.initialize();
    int r = config.resolution();
    float[] white = new float[8 * r * r * 3];
    Arrays.fill(white, 1f); // a trivially separable "real" set: all-white images
    real = TFloat32.tensorOf(Shape.of(8, r, r, 3), DataBuffers.of(white, true, false));
  }

  @AfterEach
  void close() {
    real.close();
    session.close();
    graph.close();
  }

  private float run(String target, long step) {
    try (TInt64 seed = TInt64.vectorOf(5, step);
        Result r = session.runner().feed(TrainingGraph.REAL_IMAGES, real).feed(TrainingGraph.STEP_SEED, seed)
            .addTarget(target).fetch(TrainingGraph.D_LOSS).run()) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }

  private List<float[]> values(List<Variable<TFloat32>> vars) {
    return VariableValues.read(session, vars);
  }

  private static boolean allEqual(List<float[]> a, List<float[]> b) {
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Test
  void eachOptimiserMovesOnlyItsOwnNetwork() {
    List<Variable<TFloat32>> g = tg.generator().trainableVariables();
    List<Variable<TFloat32>> d = tg.discriminator().trainableVariables();
    List<float[]> g0 = values(g);
    List<float[]> d0 = values(d);
    run(TrainingGraph.GEN_ADAM + "_apply", 0);
    assertFalse(allEqual(g0, values(g)), "G's Adam moved G");
    assertTrue(allEqual(d0, values(d)), "G's Adam left D alone");
    List<float[]> g1 = values(g);
    run(TrainingGraph.DISC_ADAM + "_apply", 1);
    assertFalse(allEqual(d0, values(d)), "D's Adam moved D");
    assertTrue(allEqual(g1, values(g)), "D's Adam left G alone");
  }

  @Test
  void fullStepMovesBothByAdamsFirstStepSize() {
    List<Variable<TFloat32>> vars = new ArrayList<>(tg.generator().trainableVariables());
    vars.addAll(tg.discriminator().trainableVariables());
    List<float[]> before = values(vars);
    run(TrainingGraph.TRAIN, 0);
    List<float[]> after = values(vars);
    // Adam's first bias-corrected step is lr * g / (|g| + eps / sqrt(1 - beta2)): almost exactly
    // lr in size wherever the gradient is not tiny, and never larger.
    int moved = 0;
    int nearLr = 0;
    int total = 0;
    for (int i = 0; i < vars.size(); i++) {
      for (int k = 0; k < before.get(i).length; k++) {
        double delta = Math.abs(after.get(i)[k] - before.get(i)[k]);
        total++;
        moved += delta > 0 ? 1 : 0;
        nearLr += Math.abs(delta - LR) < 0.02 * LR ? 1 : 0;
        assertTrue(delta <= LR * 1.01 + 1e-7, vars.get(i).op().name() + "[" + k + "] moved " + delta);
      }
    }
    assertTrue(moved > 0.9 * total, moved + " of " + total + " weights moved");
    assertTrue(nearLr > 0.8 * total, nearLr + " of " + total + " moved by ~lr");
    try (TInt64 step = (TInt64) session.runner().fetch(TrainingGraph.GLOBAL_STEP).run().get(0)) {
      assertEquals(1L, step.getLong());
    }
  }

  @Test
  void trainingStepsUpdateMovingStatisticsAndSamplingDoesNot() {
    List<Variable<TFloat32>> moving = tg.generator().nonTrainableVariables();
    List<float[]> before = values(moving);
    float[] z = new float[4 * config.noiseDim()];
    Arrays.fill(z, 0.5f);
    try (TFloat32 noise = TFloat32.tensorOf(Shape.of(4, config.noiseDim()), DataBuffers.of(z, true, false))) {
      session.runner().feed(TrainingGraph.SAMPLE_NOISE, noise).fetch(TrainingGraph.SAMPLE_IMAGES).run().close();
    }
    assertTrue(allEqual(before, values(moving)), "inference-mode sampling leaves moving statistics alone");
    run(TrainingGraph.TRAIN, 0);
    List<float[]> after = values(moving);
    for (int i = 0; i < moving.size(); i++) {
      String name = moving.get(i).op().name();
      assertFalse(Arrays.equals(before.get(i), after.get(i)), name + " updated by a training step");
      for (float v : after.get(i)) {
        // moving = 0.99 * moving + 0.01 * batch: from mean 0 / variance 1, one step moves by 1% of the gap.
        if (name.endsWith("_moving_variance")) {
          assertTrue(v >= 0.99f - 1e-6f, name + " = " + v + " fell more than 1% in one step");
        }
      }
    }
  }

  @Test
  void discriminatorLossFallsWhenOnlyDTrains() {
    build(1e-3f); // a larger step so 40 steps separate white images from G's output clearly
    float first = run(TrainingGraph.DISC_ADAM + "_apply", 0);
    float last = first;
    for (int step = 1; step < 40; step++) {
      last = run(TrainingGraph.DISC_ADAM + "_apply", step);
    }
    assertTrue(last < 0.5 * first, "D loss " + first + " -> " + last);
  }

  @Test
  void twoGraphsFromOneSeedStartEqual() {
    try (Graph other = new Graph()) {
      TrainingGraph twin = new TrainingGraph(other, config, new Hyperparameters(LR, 0.9f, 0.999f, 1e-7f), 5);
      try (Session s2 = new Session(other)) {
        s2.initialize();
        List<Variable<TFloat32>> mine = tg.generator().trainableVariables();
        List<Variable<TFloat32>> theirs = twin.generator().trainableVariables();
        List<float[]> a = values(mine);
        Session.Runner r = s2.runner();
        theirs.forEach(r::fetch);
        try (Result res = r.run()) {
          for (int i = 0; i < theirs.size(); i++) {
            TFloat32 t = (TFloat32) res.get(i);
            float[] v = new float[(int) t.size()];
            t.copyTo(DataBuffers.of(v, false, false));
            assertArrayEquals(a.get(i), v, 0f);
          }
        }
      }
    }
  }
}
