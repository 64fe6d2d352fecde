package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The graph's losses against binary cross-entropy worked out by hand:
 * BCE(x, 1) = -log(sigmoid(x)) = log(1 + e^-x), BCE(x, 0) = -log(1 - sigmoid(x)) = log(1 + e^x).
 */
class GanLossesTest {
  private static float eval(java.util.function.Function<Ops, Operand<TFloat32>> build) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Operand<TFloat32> y = build.apply(Ops.create(g));
      try (TFloat32 t = (TFloat32) s.runner().fetch(y).run().get(0)) {
        return t.getFloat();
      }
    }
  }

  private static Operand<TFloat32> logits(Ops tf, float... values) {
    float[][] col = new float[values.length][1];
    for (int i = 0; i < values.length; i++) {
      col[i][0] = values[i];
    }
    return tf.constant(col);
  }

  @Test
  void bceAgainstHandValues() {
    // log(1+e^-2) = 0.126928, log(1+e^1) = 1.313262 -> mean 0.720095
    assertEquals(0.720095f, eval(tf -> GanLosses.bceWithLogits(tf, logits(tf, 2f, -1f), 1f)), 1e-5);
    // log(1+e^2) = 2.126928, log(1+e^-1) = 0.313262 -> mean 1.220095
    assertEquals(1.220095f, eval(tf -> GanLosses.bceWithLogits(tf, logits(tf, 2f, -1f), 0f)), 1e-5);
    // logit 0 is probability 1/2 either way: log 2
    assertEquals((float) Math.log(2), eval(tf -> GanLosses.bceWithLogits(tf, logits(tf, 0f), 1f)), 1e-6);
  }

  @Test
  void extremeLogitsStayFinite() {
    // A confident wrong answer costs |x|: log(1+e^100) = 100 (to float precision), no overflow.
    assertEquals(100f, eval(tf -> GanLosses.bceWithLogits(tf, logits(tf, 100f), 0f)), 1e-4);
    assertEquals(100f, eval(tf -> GanLosses.bceWithLogits(tf, logits(tf, -100f), 1f)), 1e-4);
    assertEquals(0f, eval(tf -> GanLosses.bceWithLogits(tf, logits(tf, 100f), 1f)), 1e-6);
  }

  @Test
  void discriminatorAndGeneratorLosses() {
    // real logits {3}, fake logits {-2}: D = log(1+e^-3) + log(1+e^-2) = 0.048587 + 0.126928
    float d = eval(tf -> GanLosses.discriminatorLoss(tf, logits(tf, 3f), logits(tf, -2f)));
    assertEquals(0.175515f, d, 1e-5);
    // G wants the fake scored real: log(1+e^2) = 2.126928
    assertEquals(2.126928f, eval(tf -> GanLosses.generatorLoss(tf, logits(tf, -2f))), 1e-5);
    assertEquals(2.126928, GanLosses.bce(-2, 1), 1e-6);
  }

  @Test
  void hingeLossesAgainstHandValues() {
    // real logits {3, 0.5}: relu(1 - 3) = 0, relu(1 - 0.5) = 0.5 -> mean 0.25;
    // fake logits {-2, 0.5}: relu(1 - 2) = 0, relu(1 + 0.5) = 1.5 -> mean 0.75; D's loss 1.0
    assertEquals(1.0f, eval(tf -> GanLosses.discriminatorLoss(tf, logits(tf, 3f, 0.5f), logits(tf, -2f, 0.5f), true)), 1e-6);
    // G: -mean(-2, 0.5) = 0.75, unbounded below: a fake scored 10 costs -10
    assertEquals(0.75f, eval(tf -> GanLosses.generatorLoss(tf, logits(tf, -2f, 0.5f), true)), 1e-6);
    assertEquals(-10f, eval(tf -> GanLosses.generatorLoss(tf, logits(tf, 10f), true)), 1e-6);
    // false keeps the reference's cross-entropy
    assertEquals(0.175515f, eval(tf -> GanLosses.discriminatorLoss(tf, logits(tf, 3f), logits(tf, -2f), false)), 1e-5);
  }
}
