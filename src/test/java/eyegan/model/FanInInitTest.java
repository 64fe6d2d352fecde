package eyegan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.ModelConfig;
import eyegan.config.Preset;
import eyegan.model.reference.NamedWeights;
import org.junit.jupiter.api.Test;

/**
 * The {@code fan-in} initialisation follows PyTorch's defaults for Linear, Conv2d and
 * ConvTranspose2d ({@code kaiming_uniform_(a=sqrt(5))} for weights, {@code U(-1/sqrt(fan_in),
 * 1/sqrt(fan_in))} for biases): every kernel and bias uniform in +-1/sqrt(fan_in); batch norm as
 * always (gamma 1, beta 0, moving mean 0, moving variance 1).
 *
 * <p>Fans by hand for the {@code tiny} preset, as PyTorch computes them on its own weight layouts:
 * Linear [out, in] has fan_in = in; Conv2d [out, in, kh, kw] has in*kh*kw; ConvTranspose2d [in,
 * out, kh, kw] has out*kh*kw (its second dimension), which is also what Keras's fans say of the
 * same kernel stored as [kh, kw, out, in].
 */
class FanInInitTest {
  private record Weight(String name, long fanIn) {}

  private static final Weight[] TINY = {
    new Weight("gen_dense_kernel", 100),
    new Weight("gen_convT1_kernel", 25 * 8),
    new Weight("gen_convT2_kernel", 25 * 4),
    new Weight("gen_convT3_kernel", 25 * 2),
    new Weight("gen_convT4_kernel", 25 * 3),
    new Weight("disc_conv1_kernel", 25 * 3),
    new Weight("disc_conv1_bias", 25 * 3),
    new Weight("disc_conv2_kernel", 25 * 8),
    new Weight("disc_conv2_bias", 25 * 8),
    new Weight("disc_conv3_kernel", 25 * 16),
    new Weight("disc_conv3_bias", 25 * 16),
    new Weight("disc_dense_kernel", 4 * 4 * 32),
    new Weight("disc_dense_bias", 4 * 4 * 32),
  };

  @Test
  void kernelsAndBiasesAreUniformInOneOverRootFanIn() {
    ModelConfig cfg = Preset.TINY.model().withInit(ModelConfig.FAN_IN);
    try (TinyNetworks nets = new TinyNetworks(cfg, 13)) {
      NamedWeights w = nets.weights();
      for (Weight k : TINY) {
        float[] v = w.get(k.name());
        double limit = 1 / Math.sqrt(k.fanIn());
        double max = 0;
        double sumSq = 0;
        for (float x : v) {
          max = Math.max(max, Math.abs(x));
          sumSq += (double) x * x;
        }
        assertTrue(max <= limit * (1 + 1e-6), k.name() + ": max |w| " + max + " > limit " + limit);
        if (v.length >= 8) {
          // n uniform draws: P(max |w| < (1 - 10/n) * limit) < e^-10; the mean square is limit^2 / 3
          // with a relative standard deviation of 0.894 / sqrt(n).
          assertTrue(max >= limit * (1 - 10.0 / v.length), k.name() + ": max |w| " + max + " far below " + limit);
          assertEquals(1.0, sumSq / v.length / (limit * limit / 3), 5 * 0.894 / Math.sqrt(v.length), k.name());
        } else {
          assertTrue(max > 0, k.name() + " is drawn, not zero");
        }
      }
      for (String name : nets.variableNames()) {
        float expected = name.endsWith("_gamma") || name.endsWith("_moving_variance") ? 1f
            : name.endsWith("_beta") || name.endsWith("_moving_mean") ? 0f : Float.NaN;
        if (!Float.isNaN(expected)) {
          for (float x : w.get(name)) {
            assertEquals(expected, x, 0f, name);
          }
        }
      }
    }
  }

  @Test
  void glorotStaysTheDefaultAndTheSchemeIsRecorded() {
    assertEquals(ModelConfig.GLOROT, Preset.ARTICLE.model().init());
    ModelConfig old = new ModelConfig(32, 100, new int[] {16, 8, 4, 2}, new int[] {8, 16, 32}, 5, 0.3f, 0.99f, 1e-3f,
        0.5f, null, null, 0);
    assertEquals(ModelConfig.GLOROT, old.init(), "a run recorded before the choice existed reads as glorot");
    assertTrue(Preset.TINY.model().withInit(ModelConfig.FAN_IN).toString().contains("fan-in"));
  }
}
