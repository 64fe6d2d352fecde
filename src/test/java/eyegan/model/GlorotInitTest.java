package eyegan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.Preset;
import eyegan.model.reference.NamedWeights;
import org.junit.jupiter.api.Test;

/**
 * Initial weights follow Keras: kernels {@code glorot_uniform}, i.e. U(-limit, limit) with
 * {@code limit = sqrt(6 / (fan_in + fan_out))}; biases and BN beta 0, BN gamma 1, moving mean 0,
 * moving variance 1.
 *
 * <p>Fans are worked out here by hand for every layer of the {@code tiny} preset, from Keras's
 * {@code _compute_fans} on the kernel as Keras stores it: a Dense kernel [in, out] has fan_in = in,
 * fan_out = out; a 4-D kernel [kh, kw, a, b] has fan_in = kh*kw*a and fan_out = kh*kw*b. Conv2D
 * stores [kh, kw, in, out]; Conv2DTranspose stores [kh, kw, filters, in] (its output channels
 * third), so for it fan_in counts the output channels.
 */
class GlorotInitTest {
  /** Tiny: noise 100, G widths 16/8/4/2 from a 4x4 base, D widths 8/16/32 down to 4x4, 5x5 kernels. */
  private record Kernel(String name, long[] kerasShape, long fanIn, long fanOut) {}

  private static final Kernel[] TINY = {
    new Kernel("gen_dense_kernel", new long[] {100, 4 * 4 * 16}, 100, 256),
    new Kernel("gen_convT1_kernel", new long[] {5, 5, 8, 16}, 25 * 8, 25 * 16),
    new Kernel("gen_convT2_kernel", new long[] {5, 5, 4, 8}, 25 * 4, 25 * 8),
    new Kernel("gen_convT3_kernel", new long[] {5, 5, 2, 4}, 25 * 2, 25 * 4),
    new Kernel("gen_convT4_kernel", new long[] {5, 5, 3, 2}, 25 * 3, 25 * 2),
    new Kernel("disc_conv1_kernel", new long[] {5, 5, 3, 8}, 25 * 3, 25 * 8),
    new Kernel("disc_conv2_kernel", new long[] {5, 5, 8, 16}, 25 * 8, 25 * 16),
    new Kernel("disc_conv3_kernel", new long[] {5, 5, 16, 32}, 25 * 16, 25 * 32),
    new Kernel("disc_dense_kernel", new long[] {4 * 4 * 32, 1}, 512, 1),
  };

  @Test
  void kernelsAreGlorotUniformWithKerasFans() {
    try (TinyNetworks nets = new TinyNetworks(Preset.TINY.model(), 11)) {
      NamedWeights w = nets.weights();
      for (Kernel k : TINY) {
        float[] v = w.get(k.name());
        assertArrayEquals(k.kerasShape(), w.shape(k.name()), k.name() + " is stored as Keras stores it");
        double limit = Math.sqrt(6.0 / (k.fanIn() + k.fanOut()));
        int n = v.length;
        double max = 0;
        double sum = 0;
        double sumSq = 0;
        for (float x : v) {
          max = Math.max(max, Math.abs(x));
          sum += x;
          sumSq += (double) x * x;
        }
        // Every value inside the limit, and the largest close to it: for n uniform draws,
        // P(max |w| < (1 - 10/n) * limit) = (1 - 10/n)^n < e^-10.
        assertTrue(max <= limit * (1 + 1e-6), k.name() + ": max |w| " + max + " > limit " + limit);
        assertTrue(max >= limit * (1 - 10.0 / n), k.name() + ": max |w| " + max + " far below limit " + limit);
        // U(-a, a) has mean 0 and variance a^2 / 3; the sample mean of w^2 has a relative standard
        // deviation of 0.894 / sqrt(n), the sample mean a standard deviation of a / sqrt(3n).
        double variance = sumSq / n;
        double expected = limit * limit / 3;
        assertEquals(1.0, variance / expected, 5 * 0.894 / Math.sqrt(n), k.name() + ": variance " + variance + " vs " + expected);
        assertEquals(0.0, sum / n, 5 * limit / Math.sqrt(3.0 * n), k.name() + ": mean");
      }
    }
  }

  @Test
  void biasesAndBatchNormStartAtKerasValues() {
    try (TinyNetworks nets = new TinyNetworks(Preset.TINY.model(), 12)) {
      NamedWeights w = nets.weights();
      int checked = 0;
      for (String name : nets.variableNames()) {
        float expected;
        if (name.endsWith("_gamma") || name.endsWith("_moving_variance")) {
          expected = 1f;
        } else if (name.endsWith("_beta") || name.endsWith("_bias") || name.endsWith("_moving_mean")) {
          expected = 0f;
        } else {
          continue;
        }
        for (float x : w.get(name)) {
          assertEquals(expected, x, 0f, name);
        }
        checked++;
      }
      // G: 4 BN layers (after the Dense and the first three transposed convolutions) x 4
      // variables; D: 3 convolution biases and the Dense bias.
      assertEquals(4 * 4 + 4, checked);
    }
  }
}
