package eyegan.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Each shipped graph against the published TensorFlow.js model on the same inputs (the reference
 * outputs come from {@code make-fixtures.js}, run once with TF.js's JavaScript CPU backend).
 * Differences come only from the order of floating-point sums inside the convolutions (the 8-bit
 * weights dequantise bit-identically). Every value must satisfy {@code |got - tfjs| <= atol + 1e-5
 * |tfjs|}, with {@code atol} in the output's own units:
 * <ul>
 *   <li>iris landmarks: 1e-4 px on coordinates of a 64 px crop (measured: 4.2e-5 px);
 *   <li>BlazeFace: 1e-3 on logits and on regressors in 256 px input pixels (measured: 2.4e-4 on the
 *       regressors, 1.3e-3 on a logit of magnitude 1460, i.e. 9e-7 of it);
 *   <li>MobileNet: 2e-5 on the 1792-d feature, whose entries reach 5.5 (measured: 8.1e-6), and
 *       1e-6 on the class probabilities (measured: 1.2e-7).
 * </ul>
 */
class PretrainedFidelityTest {
  private static final Map<PretrainedNetwork, NetworkSession> SESSIONS = new EnumMap<>(PretrainedNetwork.class);

  static NetworkSession session(PretrainedNetwork n) {
    return SESSIONS.computeIfAbsent(n, NetworkSession::open);
  }

  @AfterAll
  static void close() {
    SESSIONS.values().forEach(NetworkSession::close);
  }

  private static final double RTOL = 1e-5;

  private static double atol(PretrainedNetwork n, int output) {
    return switch (n) {
      case IRIS -> 1e-4;
      case BLAZEFACE -> 1e-3;
      case MOBILENET_V2_140 -> output == 0 ? 2e-5 : 1e-6;
    };
  }

  @Test
  void everyConvertedGraphMatchesTensorFlowJs() {
    List<TfjsReference.Entry> entries = TfjsReference.entries();
    assertEquals(PretrainedNetwork.values().length,
        entries.stream().map(TfjsReference.Entry::network).distinct().count(), "every shipped network has a reference");
    StringBuilder report = new StringBuilder();
    for (TfjsReference.Entry e : entries) {
      String[] nodes = e.outputs().stream().map(TfjsReference.Expected::node).toArray(String[]::new);
      List<NetworkSession.Output> got = session(e.network()).run(e.inputNode(), e.inputShape(), e.inputValues(), nodes);
      for (int k = 0; k < nodes.length; k++) {
        TfjsReference.Expected want = e.outputs().get(k);
        assertArrayEquals(want.shape(), got.get(k).shape(), e.network() + " " + want.node());
        double maxDiff = 0;
        double maxAbs = 0;
        double worst = 0; // the largest |diff| / allowed
        float[] g = got.get(k).values();
        for (int i = 0; i < g.length; i++) {
          double w = want.values()[i];
          double d = Math.abs(g[i] - w);
          maxDiff = Math.max(maxDiff, d);
          maxAbs = Math.max(maxAbs, Math.abs(w));
          worst = Math.max(worst, d / (atol(e.network(), k) + RTOL * Math.abs(w)));
        }
        String line = String.format(Locale.ROOT, "%s %s %s: max |diff| %.2e (values up to %.3g), %.0f%% of the tolerance",
            e.network().id(), e.inputs(), want.node().substring(want.node().lastIndexOf('/') + 1), maxDiff, maxAbs, 100 * worst);
        report.append(line).append('\n');
        assertTrue(maxAbs > 0, "a reference of all zeros tests nothing: " + line);
        assertTrue(worst <= 1, line);
      }
    }
    System.out.print(report);
  }
}
