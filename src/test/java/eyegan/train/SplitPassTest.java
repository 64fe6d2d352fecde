package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.AugmentPolicy;
import eyegan.config.Preset;
import eyegan.config.StepOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The simultaneous step runs D once per half of [real; fake] (so G's loss is not differentiated
 * through the real half) with the dropout masks one pass over the whole batch would draw: its
 * losses and both networks' gradients equal those of the single pass, up to float rounding (the
 * convolutions run on batches of another size). Checked on the tiny model with dropout and every
 * augmentation, over three steps.
 */
class SplitPassTest {
  private static final long SEED = 4;

  private record Step(float dLoss, float gLoss, List<float[]> moments) {}

  private static List<Step> train(boolean split) {
    List<Step> steps = new ArrayList<>();
    try (Graph g = new Graph()) {
      StepOptions options = new StepOptions(AugmentPolicy.ALL, 0, 0, 0);
      TrainingGraph tg = new TrainingGraph(g, Preset.TINY.model(), new Hyperparameters(1e-3f, 0.5f, 0.999f, 1e-7f),
          SEED, options, split);
      List<Variable<TFloat32>> vars = new ArrayList<>(tg.discriminator().trainableVariables());
      vars.addAll(tg.generator().trainableVariables());
      try (Session s = new Session(g, eyegan.runtime.SessionConfigs.training());
          TFloat32 real = TestBatches.images(6, 32, k -> Math.cos(k * 0.11) * 0.7)) {
        s.initialize();
        for (long step = 0; step < 3; step++) {
          try (TInt64 seed = TInt64.vectorOf(SEED, step);
              Result r = s.runner().feed(TrainingGraph.REAL_IMAGES, real).feed(TrainingGraph.STEP_SEED, seed)
                  .addTarget(TrainingGraph.TRAIN).fetch(TrainingGraph.D_LOSS).fetch(TrainingGraph.G_LOSS).run()) {
            List<float[]> moments = new ArrayList<>();
            for (Variable<TFloat32> v : vars) {
              try (Result m = s.runner().fetch(v.op().name() + "-m").run()) {
                TFloat32 t = (TFloat32) m.get(0);
                float[] a = new float[(int) t.size()];
                t.copyTo(DataBuffers.of(a, false, false));
                moments.add(a);
              }
            }
            steps.add(new Step(((TFloat32) r.get(0)).getFloat(), ((TFloat32) r.get(1)).getFloat(), moments));
          }
        }
      }
    }
    return steps;
  }

  @Test
  void theHalvesShareEachLayersDraw() {
    assertEquals(randomOps(false), randomOps(true), "one uniform draw per dropout layer, whichever way D runs");
  }

  private static long randomOps(boolean split) {
    try (Graph g = new Graph()) {
      new TrainingGraph(g, Preset.TINY.model(), new Hyperparameters(1e-3f, 0.5f, 0.999f, 1e-7f), SEED,
          StepOptions.TUTORIAL, split);
      long n = 0;
      for (var it = g.operations(); it.hasNext(); ) {
        n += it.next().type().equals("StatelessRandomUniform") ? 1 : 0;
      }
      return n;
    }
  }

  @Test
  void twoHalfPassesTrainAsOneWholePass() {
    List<Step> whole = train(false);
    List<Step> split = train(true);
    for (int i = 0; i < whole.size(); i++) {
      assertEquals(whole.get(i).dLoss(), split.get(i).dLoss(), 1e-5f * Math.abs(whole.get(i).dLoss()), "D loss, step " + i);
      assertEquals(whole.get(i).gLoss(), split.get(i).gLoss(), 1e-5f * Math.abs(whole.get(i).gLoss()), "G loss, step " + i);
      List<float[]> a = whole.get(i).moments();
      List<float[]> b = split.get(i).moments();
      double scale = 0;
      double diff = 0;
      for (int v = 0; v < a.size(); v++) {
        for (int k = 0; k < a.get(v).length; k++) {
          scale = Math.max(scale, Math.abs(a.get(v)[k]));
          diff = Math.max(diff, Math.abs(a.get(v)[k] - b.get(v)[k]));
        }
      }
      assertTrue(diff <= 1e-4 * scale, "Adam's first moments (the gradients) after step " + i + ": max difference "
          + diff + " of " + scale);
    }
  }
}
