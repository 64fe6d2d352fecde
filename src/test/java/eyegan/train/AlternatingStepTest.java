package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.AugmentPolicy;
import eyegan.config.ModelConfig;
import eyegan.config.Preset;
import eyegan.config.StepOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The alternating step is "D's step, then G's step against the updated D". Checked against the
 * simultaneous step, whose semantics other tests pin down: from the same start, the alternating
 * step moves D exactly as the simultaneous one does (D's half is the same computation), and it
 * gives G the gradient a simultaneous step gives when D already holds the updated weights. Dropout
 * is off here so that D is a deterministic function of its weights (the second pass draws masks of
 * its own by design, see {@code RandomKeys.DROPOUT_SECOND_PASS}).
 */
class AlternatingStepTest {
  private static final float LR = 1e-3f;
  private static final long SEED = 9;
  private static final ModelConfig TINY = Preset.TINY.model();
  /** The tiny model without dropout. */
  private static final ModelConfig DETERMINISTIC = new ModelConfig(TINY.resolution(), TINY.noiseDim(),
      TINY.generatorWidths(), TINY.discriminatorWidths(), TINY.kernelSize(), TINY.leakySlope(), TINY.bnMomentum(),
      TINY.bnEpsilon(), 0f, TINY.upsampling(), TINY.init(), TINY.minibatchStdGroup());

  /** One training graph and its session, with assign ops that can overwrite D's weights. */
  private static final class Step implements AutoCloseable {
    final Graph graph = new Graph();
    final TrainingGraph tg;
    final Session session;
    final List<Placeholder<TFloat32>> dFeeds = new ArrayList<>();
    final List<Op> dAssigns = new ArrayList<>();

    Step(boolean alternating) {
      StepOptions options = new StepOptions(AugmentPolicy.NONE, 0, 0, 0).withAlternating(alternating);
      tg = new TrainingGraph(graph, DETERMINISTIC, new Hyperparameters(LR, 0.5f, 0.999f, 1e-7f), SEED, options);
      Ops tf = Ops.create(graph);
      for (Variable<TFloat32> v : tg.discriminator().trainableVariables()) {
        Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
        dFeeds.add(p);
        dAssigns.add(tf.assign(v, p));
      }
      session = new Session(graph, eyegan.runtime.SessionConfigs.training());
      session.initialize();
    }

    /** Runs one step (step 0) on {@code real}; returns the fetched G loss. */
    float train(TFloat32 real) {
      try (TInt64 seed = TInt64.vectorOf(SEED, 0);
          Result r = session.runner().feed(TrainingGraph.REAL_IMAGES, real).feed(TrainingGraph.STEP_SEED, seed)
              .addTarget(TrainingGraph.TRAIN).fetch(TrainingGraph.G_LOSS).run()) {
        return ((TFloat32) r.get(0)).getFloat();
      }
    }

    List<float[]> d() {
      return VariableValues.read(session, tg.discriminator().trainableVariables());
    }

    List<float[]> g() {
      return VariableValues.read(session, tg.generator().trainableVariables());
    }

    /** Adam's first moments of G after one step: (1 - beta_1) * gradient, exactly. */
    List<float[]> gMoments() {
      List<float[]> out = new ArrayList<>();
      for (Variable<TFloat32> v : tg.generator().trainableVariables()) {
        try (Result r = session.runner().fetch(v.op().name() + "-m").run()) {
          TFloat32 t = (TFloat32) r.get(0);
          float[] a = new float[(int) t.size()];
          t.copyTo(DataBuffers.of(a, false, false));
          out.add(a);
        }
      }
      return out;
    }

    void setD(List<float[]> values) {
      Session.Runner r = session.runner();
      List<TFloat32> tensors = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        TFloat32 t = TFloat32.tensorOf(dFeeds.get(i).shape(), DataBuffers.of(values.get(i), true, false));
        tensors.add(t);
        r.feed(dFeeds.get(i), t).addTarget(dAssigns.get(i));
      }
      r.run();
      tensors.forEach(TFloat32::close);
    }

    @Override
    public void close() {
      session.close();
      graph.close();
    }
  }

  private static TFloat32 reals() {
    int r = DETERMINISTIC.resolution();
    return TestBatches.images(6, r, k -> Math.sin(k * 0.37) * 0.8);
  }

  @Test
  void alternatingIsDsStepThenGsStepAgainstTheUpdatedD() {
    try (TFloat32 real = reals();
        Step alternating = new Step(true);
        Step simultaneous = new Step(false);
        Step againstUpdatedD = new Step(false)) {
      List<float[]> g0 = alternating.g();
      float altLoss = alternating.train(real);
      List<float[]> d1 = alternating.d();
      simultaneous.train(real);
      // D's update is the same computation in both orders (up to rounding: the simultaneous step
      // runs D on each half of the batch, the alternating step on the whole).
      assertClose(simultaneous.d(), d1, 1e-5f, 0.05f * LR, "D after one step");

      // A simultaneous step whose D already holds the updated weights gives G the same gradient
      // and loss as the alternating step (same start for G, same noise, same D).
      againstUpdatedD.setD(d1);
      assertClose(g0, againstUpdatedD.g(), 0f, 0f, "G starts from the same weights");
      float refLoss = againstUpdatedD.train(real);
      assertEquals(refLoss, altLoss, 1e-5f * Math.abs(refLoss), "G's loss against the updated D");
      assertClose(againstUpdatedD.gMoments(), alternating.gMoments(), 1e-4f, 1e-9f, "G's gradient against the updated D");

      // ... which is not the gradient against the old D: the order matters.
      double diff = maxRelativeDifference(simultaneous.gMoments(), alternating.gMoments());
      assertTrue(diff > 1e-2, "alternating and simultaneous G gradients differ, max relative difference " + diff);
    }
  }

  private static void assertClose(List<float[]> expected, List<float[]> actual, float rel, float abs, String what) {
    assertEquals(expected.size(), actual.size(), what);
    for (int i = 0; i < expected.size(); i++) {
      float[] e = expected.get(i);
      float[] a = actual.get(i);
      assertEquals(e.length, a.length, what);
      for (int k = 0; k < e.length; k++) {
        float tol = rel * Math.abs(e[k]) + abs;
        if (Math.abs(e[k] - a[k]) > tol) {
          throw new AssertionError(what + ": variable " + i + "[" + k + "] expected " + e[k] + " got " + a[k]);
        }
      }
    }
  }

  private static double maxRelativeDifference(List<float[]> a, List<float[]> b) {
    double max = 0;
    double scale = 0;
    for (int i = 0; i < a.size(); i++) {
      for (int k = 0; k < a.get(i).length; k++) {
        max = Math.max(max, Math.abs(a.get(i)[k] - b.get(i)[k]));
        scale = Math.max(scale, Math.abs(a.get(i)[k]));
      }
    }
    return max / scale;
  }
}
