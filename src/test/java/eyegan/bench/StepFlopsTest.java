package eyegan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eyegan.config.ModelConfig;
import org.junit.jupiter.api.Test;

/** FLOP counts of the reference model, layer by layer by hand (a multiply-add = 2 FLOPs). */
class StepFlopsTest {
  // Generator, per image:
  private static final double G_DENSE = 2.0 * 100 * 65536; //          13,107,200
  private static final double G_CT1 = 2.0 * 16 * 16 * 256 * 25 * 128; // 419,430,400 (stride 1 at 16x16)
  private static final double G_CT2 = 2.0 * 16 * 16 * 128 * 25 * 64; //  104,857,600 (16x16 input -> 32x32)
  private static final double G_CT3 = 2.0 * 32 * 32 * 64 * 25 * 32; //  104,857,600
  private static final double G_CT4 = 2.0 * 64 * 64 * 32 * 25 * 3; //    19,660,800
  // Discriminator, per image (output size x kernel volume x output channels):
  private static final double D_C1 = 2.0 * 64 * 64 * 128 * 25 * 3; //    78,643,200
  private static final double D_C2 = 2.0 * 32 * 32 * 256 * 25 * 128; // 1,677,721,600
  private static final double D_C3 = 2.0 * 16 * 16 * 512 * 25 * 256; // 1,677,721,600
  private static final double D_DENSE = 2.0 * 131072; //                     262,144

  @Test
  void forwardPassesOfTheReferenceModel() {
    ModelConfig c = ModelConfig.article();
    assertEquals(G_DENSE + G_CT1 + G_CT2 + G_CT3 + G_CT4, StepFlops.generatorForward(c), 1);
    assertEquals(D_C1 + D_C2 + D_C3 + D_DENSE, StepFlops.discriminatorForward(c), 1);
  }

  @Test
  void trainingStepOfTheReferenceModel() {
    double fg = G_DENSE + G_CT1 + G_CT2 + G_CT3 + G_CT4;
    double fd = D_C1 + D_C2 + D_C3 + D_DENSE;
    // G fwd + D fwd on 2 images + D weight grads on 2 + D input grads past conv1 on 2
    // + D input grads on the fake + G weight grads + G input grads past the Dense layer.
    double perImage = fg + 2 * fd + 2 * fd + 2 * (fd - D_C1) + fd + fg + (fg - G_DENSE);
    assertEquals(25.86e9, perImage, 0.01e9);
    assertEquals(64 * perImage, StepFlops.trainingStep(ModelConfig.article(), 64), 1e3);
    // The alternating step runs D forward once more, on the fakes after D's update.
    assertEquals(64 * (perImage + fd), StepFlops.trainingStep(ModelConfig.article(), 64, true), 1e3);
  }
}
