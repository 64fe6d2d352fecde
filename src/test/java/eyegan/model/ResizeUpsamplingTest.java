package eyegan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.ModelConfig;
import eyegan.config.Preset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resize-convolution generator: its layers and parameter count worked out by hand. */
class ResizeUpsamplingTest {
  @Test
  void tinyResizeGeneratorHasUpsamplingAndThreeByThreeConvolutions() {
    ModelConfig tiny = Preset.TINY.model().withUpsampling(ModelConfig.RESIZE);
    List<LayerSummary> rows = StandaloneNetworks.generator(tiny, 1).summary();
    // tiny: noise 100, widths 16/8/4/2, 32 px, base 4, 5x5 first transposed convolution.
    // Dense 100*256 = 25,600; BN(256) 1,024; convT1 5*5*8*16 = 3,200; BN(8) 32;
    // conv2 3*3*8*4 = 288; BN(4) 16; conv3 3*3*4*2 = 72; BN(2) 8; conv4 3*3*2*3 = 54.
    assertEquals(30_294, ModelSummary.total(rows));
    assertEquals(2 * (256 + 8 + 4 + 2), ModelSummary.nonTrainable(rows));
    assertEquals(3, rows.stream().filter(r -> r.type().equals("UpSampling2D")).count());
    assertEquals(1, rows.stream().filter(r -> r.type().equals("Conv2DTranspose")).count(), "only the stride-1 layer");
    LayerSummary last = rows.get(rows.size() - 1);
    assertEquals("Activation", last.type());
    assertEquals("(None, 32, 32, 3)", last.shapeText());
    assertTrue(ModelConfig.TRANSPOSED.equals(Preset.ARTICLE.model().upsampling()), "the article keeps its layers");
  }
}
