package eyegan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eyegan.config.ModelConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parameter totals of the reference model, worked out by hand from the Keras layer definitions
 * (kernel h*w*in*out, bias out, BatchNormalization 4*C of which 2*C are non-trainable moving
 * statistics), must match what the built graphs report.
 */
class ParameterCountTest {
  // Generator, Keras Sequential order:
  private static final long G_DENSE = 100L * (16 * 16 * 256); // Dense(65536, use_bias=False) on noise[100]
  private static final long G_BN0 = 4L * 65536; // BN over the 65536 Dense units
  private static final long G_CT1 = 5L * 5 * 256 * 128; // Conv2DTranspose(128, 5x5), no bias
  private static final long G_BN1 = 4L * 128;
  private static final long G_CT2 = 5L * 5 * 128 * 64;
  private static final long G_BN2 = 4L * 64;
  private static final long G_CT3 = 5L * 5 * 64 * 32;
  private static final long G_BN3 = 4L * 32;
  private static final long G_CT4 = 5L * 5 * 32 * 3;
  private static final long G_NON_TRAINABLE = 2L * (65536 + 128 + 64 + 32);

  // Discriminator:
  private static final long D_C1 = 5L * 5 * 3 * 128 + 128;
  private static final long D_C2 = 5L * 5 * 128 * 256 + 256;
  private static final long D_C3 = 5L * 5 * 256 * 512 + 512;
  private static final long D_DENSE = 16L * 16 * 512 + 1; // Flatten of 16x16x512 -> Dense(1)

  @Test
  void generatorTotalsMatchKeras() {
    List<LayerSummary> rows = StandaloneNetworks.generator(ModelConfig.article(), 0).summary();
    long total = G_DENSE + G_BN0 + G_CT1 + G_BN1 + G_CT2 + G_BN2 + G_CT3 + G_BN3 + G_CT4;
    assertEquals(7_894_240L, total, "hand arithmetic");
    assertEquals(total, ModelSummary.total(rows));
    assertEquals(G_NON_TRAINABLE, ModelSummary.nonTrainable(rows));
    assertEquals(total - G_NON_TRAINABLE, ModelSummary.trainable(rows));
    assertEquals(14, rows.size(), "Dense, 4x(BN, LeakyReLU), Reshape, 4x Conv2DTranspose");
  }

  @Test
  void discriminatorTotalsMatchKeras() {
    List<LayerSummary> rows = StandaloneNetworks.discriminator(ModelConfig.article(), 0).summary();
    long total = D_C1 + D_C2 + D_C3 + D_DENSE;
    assertEquals(4_237_569L, total, "hand arithmetic");
    assertEquals(total, ModelSummary.total(rows));
    assertEquals(total, ModelSummary.trainable(rows));
    assertEquals(0, ModelSummary.nonTrainable(rows));
  }

  @Test
  void layerRowsFollowTheKerasOrder() {
    List<LayerSummary> g = StandaloneNetworks.generator(ModelConfig.article(), 0).summary();
    assertEquals(List.of("Dense", "BatchNormalization", "LeakyReLU", "Reshape",
            "Conv2DTranspose", "BatchNormalization", "LeakyReLU",
            "Conv2DTranspose", "BatchNormalization", "LeakyReLU",
            "Conv2DTranspose", "BatchNormalization", "LeakyReLU", "Conv2DTranspose"),
        g.stream().map(LayerSummary::type).toList());
    assertEquals("(None, 16, 16, 256)", g.get(3).shapeText());
    assertEquals("(None, 128, 128, 3)", g.get(13).shapeText());
    List<LayerSummary> d = StandaloneNetworks.discriminator(ModelConfig.article(), 0).summary();
    assertEquals("(None, 64, 64, 128)", d.get(0).shapeText());
    assertEquals("(None, 131072)", d.get(9).shapeText());
    assertEquals("(None, 1)", d.get(10).shapeText());
  }
}
