package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.Preset;
import eyegan.config.TrainConfig;
import eyegan.model.reference.KerasDefaults;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Adam steps against the formula, computed by hand in double precision.
 *
 * <p>The formula is Kingma and Ba's Adam in the "epsilon hat" form of their section 2, which is
 * what Keras 2's {@code Adam} and TensorFlow's {@code ApplyAdam} kernel compute:
 * <pre>
 *   m_t = beta1 * m + (1 - beta1) * g          v_t = beta2 * v + (1 - beta2) * g^2
 *   lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
 *   w_t = w - lr_t * m_t / (sqrt(v_t) + eps)     with eps = 1e-7 (Keras's default)
 * </pre>
 * It differs from Algorithm 1's {@code m_hat / (sqrt(v_hat) + eps)} only in where epsilon sits
 * (there it is eps * sqrt(1 - beta2^t) in this form's terms), which matters for tiny gradients: the
 * test uses some, so epsilon and its placement are both pinned.
 */
class AdamStepTest {
  private static final double LR = 0.01;
  // The graph holds the settings as float32, so the formula uses the same rounded values
  // (1 - 0.999f is 9.99987e-4, not 1e-3: a 1.3e-5 relative difference in v).
  private static final double B1 = (float) KerasDefaults.ADAM_BETA1;
  private static final double B2 = (float) KerasDefaults.ADAM_BETA2;
  private static final double EPS = (float) KerasDefaults.ADAM_EPSILON;

  /** Gradients from large to far below epsilon, both signs, and zero. */
  private static final float[] G1 = {1f, -0.5f, 1e-3f, 3e-7f, -1e-7f, 2e-8f, 0f};
  private static final float[] G2 = {0.2f, 0.7f, -2e-3f, 3e-7f, 4e-7f, -1e-8f, 1e-6f};
  private static final float[] W0 = {1f, -1f, 0.5f, 0.25f, -0.75f, 2f, 0.125f};

  /** One parameter's state: weight and both moments. */
  private static final class State {
    double w;
    double m;
    double v;
  }

  /** Adam's step {@code t} (1-based) on {@code s} with gradient {@code g}, epsilon-hat form. */
  private static void step(State s, double g, int t, double eps) {
    s.m = B1 * s.m + (1 - B1) * g;
    s.v = B2 * s.v + (1 - B2) * g * g;
    double lrT = LR * Math.sqrt(1 - Math.pow(B2, t)) / (1 - Math.pow(B1, t));
    s.w -= lrT * s.m / (Math.sqrt(s.v) + eps);
  }

  @Test
  void kerasDefaultsAreThePresetsAdamSettings() {
    TrainConfig article = TrainConfig.fromPreset(Preset.ARTICLE);
    assertEquals(1e-4f, article.learningRate(), 0f, "the tutorial's Adam(1e-4)");
    assertEquals((float) B1, article.beta1(), 0f);
    for (Preset p : Preset.values()) {
      TrainConfig c = TrainConfig.fromPreset(p);
      assertEquals((float) B2, c.beta2(), 0f, p.id());
      assertEquals((float) EPS, c.epsilon(), 0f, p.id());
    }
  }

  @Test
  void twoStepsFollowTheFormula() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> w = tf.withName("w").variable(tf.constant(W0));
      Placeholder<TFloat32> grad = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(W0.length)));
      Op apply = new AdamOptimizer(tf, "adam", new Hyperparameters((float) LR, (float) B1, (float) B2, (float) EPS))
          .apply(List.of(grad), List.of(w));
      try (Session s = new Session(g)) {
        s.initialize();
        State[] expected = new State[W0.length];
        for (int i = 0; i < W0.length; i++) {
          expected[i] = new State();
          expected[i].w = W0[i];
        }
        float[][] grads = {G1, G2};
        for (int t = 1; t <= 2; t++) {
          try (TFloat32 gt = TFloat32.tensorOf(Shape.of(W0.length), DataBuffers.of(grads[t - 1], true, false))) {
            s.runner().feed(grad, gt).addTarget(apply).run().close();
          }
          for (int i = 0; i < W0.length; i++) {
            step(expected[i], grads[t - 1][i], t, EPS);
          }
          float[] wNow = fetch(s, "w");
          float[] m = fetch(s, "w-m");
          float[] v = fetch(s, "w-v");
          for (int i = 0; i < W0.length; i++) {
            String at = "step " + t + ", element " + i;
            // Each update is at most ~lr = 0.01; 1e-7 is float32 rounding of w, far below it.
            assertEquals(expected[i].w, wNow[i], 1e-7, at + ": w");
            assertEquals(expected[i].m, m[i], 1e-6 * Math.abs(expected[i].m) + 1e-12, at + ": m");
            assertEquals(expected[i].v, v[i], 1e-5 * Math.abs(expected[i].v) + 1e-20, at + ": v");
          }
          try (TInt64 it = (TInt64) s.runner().fetch("adam_iterations").run().get(0)) {
            assertEquals(t, it.getLong(), "iteration counter");
          }
        }
      }
    }
    // The check has teeth: for the gradients near epsilon, Algorithm 1's placement of epsilon
    // (eps * sqrt(1 - beta2^t) here) or TensorFlow's old default of 1e-8 moves w by more than the
    // 1e-7 tolerance.
    assertTrue(Math.abs(firstStep(3e-7, EPS) - firstStep(3e-7, EPS * Math.sqrt(1 - B2))) > 1e-4);
    assertTrue(Math.abs(firstStep(3e-7, EPS) - firstStep(3e-7, 1e-8)) > 1e-4);
  }

  private static double firstStep(double g, double eps) {
    State s = new State();
    step(s, g, 1, eps);
    return s.w;
  }

  @Test
  void theTrainingGraphsAdamUsesThePresetsSettings() {
    TrainConfig c = TrainConfig.fromPreset(Preset.TINY);
    double lr = c.learningRate();
    double b1 = c.beta1();
    assertEquals((float) KerasDefaults.ADAM_BETA1, c.beta1(), 0f, "tiny keeps the tutorial's beta_1");
    try (Graph g = new Graph()) {
      TrainingGraph tg = new TrainingGraph(g, c.model(), new Hyperparameters(c.learningRate(), c.beta1(), c.beta2(), c.epsilon()), 3);
      try (Session s = new Session(g, eyegan.runtime.SessionConfigs.training())) {
        s.initialize();
        List<Variable<TFloat32>> vars = new ArrayList<>(tg.generator().trainableVariables());
        vars.addAll(tg.discriminator().trainableVariables());
        List<float[]> before = new ArrayList<>();
        for (Variable<TFloat32> v : vars) {
          before.add(fetch(s, v.op().name()));
        }
        int r = c.model().resolution();
        float[] real = new float[4 * r * r * 3];
        java.util.Arrays.fill(real, 0.25f);
        try (TFloat32 x = TFloat32.tensorOf(Shape.of(4, r, r, 3), DataBuffers.of(real, true, false));
            TInt64 seed = TInt64.vectorOf(3, 0)) {
          s.runner().feed(TrainingGraph.REAL_IMAGES, x).feed(TrainingGraph.STEP_SEED, seed).addTarget(TrainingGraph.TRAIN).run().close();
        }
        int checked = 0;
        for (int k = 0; k < vars.size(); k++) {
          String name = vars.get(k).op().name();
          float[] after = fetch(s, name);
          float[] m = fetch(s, name + "-m");
          float[] v = fetch(s, name + "-v");
          for (int i = 0; i < after.length; i++) {
            // After one step from zero moments m = (1 - b1) g, so the gradient is m / (1 - b1),
            // and v must be (1 - b2) g^2 for that same g.
            double grad = m[i] / (1 - b1);
            assertEquals((1 - B2) * grad * grad, v[i], 1e-4 * v[i] + 1e-30, name + "[" + i + "]: v");
            double lrT = lr * Math.sqrt(1 - B2) / (1 - b1);
            double expected = before.get(k)[i] - lrT * m[i] / (Math.sqrt(v[i]) + EPS);
            // Float32 rounding of w (|w| < 1) is below 1e-7; the step itself is up to lr = 1e-4.
            assertEquals(expected, after[i], 1.5e-7, name + "[" + i + "]");
            checked++;
          }
        }
        assertTrue(checked > 1000, checked + " weights checked");
      }
    }
  }

  private static float[] fetch(Session s, String name) {
    try (Result res = s.runner().fetch(name).run()) {
      TFloat32 t = (TFloat32) res.get(0);
      float[] v = new float[(int) t.size()];
      t.copyTo(DataBuffers.of(v, false, false));
      return v;
    }
  }
}
