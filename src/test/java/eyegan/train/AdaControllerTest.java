package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.tensorflow.types.TFloat32;

/**
 * The adaptive augmentation controller on a sequence of D's real logits worked out by hand: batches
 * of 4, adjustments every 4 steps (16 images), 64 images per unit of p (kimg 0.064), so each
 * adjustment moves p by 16 / 64 = 0.25 in the direction of sign(r - target), r being the mean sign
 * of the 16 logits.
 */
class AdaControllerTest {
  private static final double TARGET = 0.5;
  private static final double KIMG = 0.064;

  @Test
  void pMovesByAQuarterEveryFourStepsTowardsTheTarget() {
    float[][] logits = {
      // steps 1-4: signs sum to 2 + 4 + 2 + 2 = 10 of 16 -> r = 0.625 > 0.5 -> p = 0 + 0.25
      {2f, 1f, 0.5f, -1f}, {1f, 1f, 3f, 2f}, {1f, -2f, 1f, 0.1f}, {1f, 1f, 1f, -0.5f},
      // steps 5-8: 10 again -> p = 0.5
      {2f, 1f, 0.5f, -1f}, {1f, 1f, 3f, 2f}, {1f, -2f, 1f, 0.1f}, {1f, 1f, 1f, -0.5f},
      // steps 9-12: -2 + -2 + 0 + -4 = -8 -> r = -0.5 < 0.5 -> p = 0.25
      {-1f, -1f, 1f, -1f}, {1f, -1f, -1f, -1f}, {1f, 1f, -1f, -1f}, {-1f, -1f, -1f, -1f},
      // steps 13-16: 0 + 4 + 4 + 0 = 8 -> r = 0.5 = target: sign 0, p stays 0.25
      {0f, 0f, 0f, 0f}, {1f, 1f, 1f, 1f}, {1f, 1f, 1f, 1f}, {0f, 0f, 0f, 0f},
      // steps 17-20: all negative -> p = 0; steps 21-24: all negative again -> clipped at 0
      {-1f, -1f, -1f, -1f}, {-1f, -1f, -1f, -1f}, {-1f, -1f, -1f, -1f}, {-1f, -1f, -1f, -1f},
      {-1f, -1f, -1f, -1f}, {-1f, -1f, -1f, -1f}, {-1f, -1f, -1f, -1f}, {-1f, -1f, -1f, -1f},
    };
    float[] expectedAfterStep = {
      0, 0, 0, 0.25f, 0.25f, 0.25f, 0.25f, 0.5f, 0.5f, 0.5f, 0.5f, 0.25f,
      0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0f, 0f, 0f, 0f, 0f,
    };
    float[] expectedSignSum = {2, 6, 8, 0, 2, 6, 8, 0, -2, -4, -4, 0, 0, 4, 8, 0, -4, -8, -12, 0, -4, -8, -12, 0};
    // Each step's own r, the mean of its 4 signs (sign(0) = 0), as the progress line averages it.
    float[] expectedStepR = {
      0.5f, 1, 0.5f, 0.5f, 0.5f, 1, 0.5f, 0.5f, -0.5f, -0.5f, 0, -1, 0, 1, 1, 0, -1, -1, -1, -1, -1, -1, -1, -1,
    };
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
      AdaController ada = new AdaController(tf, TARGET, KIMG);
      Op update = ada.update(in, List.of());
      try (Session s = new Session(g)) {
        s.initialize();
        for (int step = 0; step < logits.length; step++) {
          try (TFloat32 x = TFloat32.tensorOf(Shape.of(4, 1), DataBuffers.of(logits[step], true, false));
              Result r = s.runner().feed(in, x).addTarget(update).fetch(AdaController.R_STEP).run()) {
            assertEquals(expectedStepR[step], ((TFloat32) r.get(0)).getFloat(), 0f, "r of step " + (step + 1));
          }
          try (Result r = s.runner().fetch(AdaController.P).fetch(AdaController.SIGN_SUM).run()) {
            assertEquals(expectedAfterStep[step], ((TFloat32) r.get(0)).getFloat(), 1e-6f, "p after step " + (step + 1));
            assertEquals(expectedSignSum[step], ((TFloat32) r.get(1)).getFloat(), 0f, "sign sum after step " + (step + 1));
          }
        }
      }
    }
  }
}
