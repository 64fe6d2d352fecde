package eyegan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.Preset;
import eyegan.model.reference.KerasDefaults;
import eyegan.model.reference.KerasMath;
import eyegan.model.reference.NamedWeights;
import eyegan.model.reference.Nhwc;
import eyegan.model.reference.ReferenceDiscriminator;
import eyegan.model.reference.ReferenceGenerator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The TensorFlow graphs of the {@code tiny} generator and discriminator compute, to 1e-4, what a
 * plain-Java implementation of the tutorial's Keras layers computes with the same weights: Dense,
 * batch norm (batch statistics in training, moving statistics at inference, the momentum update),
 * LeakyReLU, Conv2DTranspose and Conv2D with 'same' padding, dropout and tanh.
 *
 * <p>Batch-norm parameters and biases are first set to random values (their initial 1s and 0s would
 * hide a swapped gamma and beta or a missing bias); the kernels keep their glorot initial values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NumericalReferenceTest {
  private static final double TOLERANCE = 1e-4;
  private static final int BATCH = 3;

  private TinyNetworks nets;
  private NamedWeights weights;

  @BeforeAll
  void build() {
    nets = new TinyNetworks(Preset.TINY.model(), 31);
    Random r = new Random(5);
    NamedWeights initial = nets.weights();
    for (String name : nets.variableNames()) {
      float[] v = initial.get(name).clone();
      if (name.endsWith("_gamma")) {
        fill(v, r, 0.5, 1.5);
      } else if (name.endsWith("_beta") || name.endsWith("_bias") || name.endsWith("_moving_mean")) {
        fill(v, r, -0.5, 0.5);
      } else if (name.endsWith("_moving_variance")) {
        fill(v, r, 0.2, 2.0);
      } else {
        continue; // kernels keep their glorot_uniform values
      }
      nets.assign(name, v);
    }
    weights = nets.weights();
  }

  @AfterAll
  void close() {
    nets.close();
  }

  private static void fill(float[] v, Random r, double lo, double hi) {
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (lo + (hi - lo) * r.nextDouble());
    }
  }

  private static float[] gaussian(int count, long seed) {
    Random r = new Random(seed);
    float[] z = new float[count];
    for (int i = 0; i < count; i++) {
      z[i] = (float) r.nextGaussian();
    }
    return z;
  }

  private static float[] uniformImages(int count, long seed) {
    Random r = new Random(seed);
    float[] x = new float[count];
    for (int i = 0; i < count; i++) {
      x[i] = (float) (2 * r.nextDouble() - 1);
    }
    return x;
  }

  private static void assertClose(double[] expected, float[] actual, double tolerance, String what) {
    assertEquals(expected.length, actual.length, what + ": size");
    double worst = 0;
    int at = -1;
    for (int i = 0; i < expected.length; i++) {
      double d = Math.abs(expected[i] - actual[i]);
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    assertTrue(worst <= tolerance, what + ": largest difference " + worst + " at " + at
        + " (reference " + (at < 0 ? "-" : expected[at]) + ", TensorFlow " + (at < 0 ? "-" : actual[at]) + ")");
  }

  @Test
  void generatorInTrainingModeMatchesTheReference() {
    float[] z = gaussian(BATCH * nets.config.noiseDim(), 1);
    ReferenceGenerator.Pass ref = new ReferenceGenerator(weights).forward(z, BATCH, true);
    assertClose(ref.images().v(), nets.generate(z, BATCH, Mode.TRAINING), TOLERANCE, "G training");
  }

  @Test
  void generatorInInferenceModeMatchesTheReference() {
    float[] z = gaussian(BATCH * nets.config.noiseDim(), 2);
    ReferenceGenerator.Pass ref = new ReferenceGenerator(weights).forward(z, BATCH, false);
    float[] actual = nets.generate(z, BATCH, Mode.INFERENCE);
    assertClose(ref.images().v(), actual, TOLERANCE, "G inference");
    // The two modes really differ here (moving statistics are not the batch's), so each is tested.
    double[] training = new ReferenceGenerator(weights).forward(z, BATCH, true).images().v();
    assertTrue(maxDifference(training, actual) > 100 * TOLERANCE, "training and inference outputs differ");
  }

  @Test
  void discriminatorInInferenceModeMatchesTheReference() {
    int r = nets.config.resolution();
    float[] x = uniformImages(BATCH * r * r * 3, 3);
    double[] ref = new ReferenceDiscriminator(weights).forward(x, BATCH, r, null);
    assertClose(ref, nets.discriminate(x, BATCH), TOLERANCE, "D inference");
  }

  @Test
  void discriminatorInTrainingModeMatchesTheReferenceWithTheSameDropoutMasks() {
    int r = nets.config.resolution();
    int layers = nets.config.discriminatorWidths().length;
    assertEquals(layers, nets.dropoutLayers(), "one dropout per convolution layer");
    float[] x = uniformImages(BATCH * r * r * 3, 4);
    TinyNetworks.TrainingPass pass = nets.discriminateTraining(x, BATCH, 9);
    // Mask sizes follow the layer shapes: [n, R/2, R/2, d0], [n, R/4, R/4, d1], ...
    int kept = 0;
    int total = 0;
    for (int i = 0; i < layers; i++) {
      int side = r >> (i + 1);
      assertEquals(BATCH * side * side * nets.config.discriminatorWidths()[i], pass.keepMasks().get(i).length, "mask " + i);
      for (boolean k : pass.keepMasks().get(i)) {
        kept += k ? 1 : 0;
        total++;
      }
    }
    // Each element is kept with probability 1 - rate = 0.5; over ~10,000 elements the share is
    // 0.5 +- 0.005 (one standard deviation).
    assertEquals(1 - KerasDefaults.DROPOUT_RATE, kept / (double) total, 0.03, kept + " of " + total + " kept");
    double[] ref = new ReferenceDiscriminator(weights).forward(x, BATCH, r, pass.keepMasks());
    assertClose(ref, pass.logits(), TOLERANCE, "D training");
    double[] inference = new ReferenceDiscriminator(weights).forward(x, BATCH, r, null);
    assertTrue(maxDifference(inference, pass.logits()) > 100 * TOLERANCE, "dropout changes the training logits");
  }

  @Test
  void movingStatisticsFollowTheMomentumUpdate() {
    // A graph of its own: this test changes the moving statistics.
    try (TinyNetworks fresh = new TinyNetworks(Preset.TINY.model(), 32)) {
      Random r = new Random(6);
      for (String name : fresh.variableNames()) {
        if (name.contains("_moving_")) {
          float[] v = fresh.weights().get(name).clone();
          fill(v, r, 0.1, 1.0);
          fresh.assign(name, v);
        }
      }
      NamedWeights before = fresh.weights();
      float[] z = gaussian(BATCH * fresh.config.noiseDim(), 7);
      ReferenceGenerator.Pass ref = new ReferenceGenerator(before).forward(z, BATCH, true);
      fresh.updateBatchNorm(z, BATCH);
      NamedWeights after = fresh.weights();
      List<String> layers = batchNormLayers(before);
      assertEquals(layers.size(), ref.movingMeans().size());
      for (int i = 0; i < layers.size(); i++) {
        String bn = layers.get(i);
        assertClose(ref.movingMeans().get(i), after.get(bn + "_moving_mean"), 2e-6, bn + " moving mean");
        assertClose(ref.movingVariances().get(i), after.get(bn + "_moving_variance"), 2e-6, bn + " moving variance");
      }
      // The check can tell the two variance conventions apart: with the other one the Dense layer's
      // and the first convolution's moving variances would land well outside the tolerance.
      assertTrue(besselGap(before, z, "gen_dense_bn", true) > 1e-4, "Dense BN: biased vs unbiased");
      assertTrue(besselGap(before, z, "gen_convT1_bn", false) > 1e-5, "conv BN: unbiased vs biased");
    }
  }

  /** BN layer name prefixes in forward order: the Dense layer's, then each transposed convolution's. */
  private static List<String> batchNormLayers(NamedWeights w) {
    List<String> names = new java.util.ArrayList<>(List.of("gen_dense_bn"));
    for (int i = 1; w.has("gen_convT" + i + "_bn_gamma"); i++) {
      names.add("gen_convT" + i + "_bn");
    }
    return names;
  }

  /**
   * Largest difference between the moving variance after an update with the biased and with the
   * Bessel-corrected batch variance of layer {@code bn}, recomputed by hand from the layer's input.
   */
  private double besselGap(NamedWeights w, float[] z, String bn, boolean dense) {
    Nhwc x = KerasMath.dense(Nhwc.of(z, BATCH, 1, 1, nets.config.noiseDim()), w.get("gen_dense_kernel"),
        (int) w.shape("gen_dense_kernel")[1], null);
    if (!dense) {
      // The first transposed convolution's input is the Dense stage's output, reshaped.
      KerasMath.ChannelStats s0 = KerasMath.channelStats(x);
      x = KerasMath.leakyRelu(KerasMath.batchNorm(x, s0.mean(), s0.biasedVariance(), w.get("gen_dense_bn_gamma"),
          w.get("gen_dense_bn_beta"), KerasDefaults.BN_EPSILON), KerasDefaults.LEAKY_SLOPE);
      long[] k = w.shape("gen_convT1_kernel");
      int base = (int) Math.round(Math.sqrt(x.c() / (double) k[3]));
      x = KerasMath.conv2dTransposeSame(x.view(base, base, (int) k[3]), w.get("gen_convT1_kernel"), (int) k[0], (int) k[2], 1);
    }
    KerasMath.ChannelStats s = KerasMath.channelStats(x);
    double[] a = KerasMath.movingAverage(w.get(bn + "_moving_variance"), s.biasedVariance(), KerasDefaults.BN_MOMENTUM);
    double[] b = KerasMath.movingAverage(w.get(bn + "_moving_variance"), s.unbiasedVariance(), KerasDefaults.BN_MOMENTUM);
    return maxDifference(a, b);
  }

  private static double maxDifference(double[] a, double[] b) {
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      worst = Math.max(worst, Math.abs(a[i] - b[i]));
    }
    return worst;
  }

  private static double maxDifference(double[] a, float[] b) {
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      worst = Math.max(worst, Math.abs(a[i] - b[i]));
    }
    return worst;
  }
}
