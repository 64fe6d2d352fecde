package eyegan.model.reference;

import java.util.List;

/**
 * The tutorial's discriminator in plain Java: [Conv2D(stride 2, 'same', bias) -> LeakyReLU ->
 * Dropout(0.5)]... -> Flatten -> Dense(1), returning the logit (eyegan applies the sigmoid only
 * where it reports a probability).
 *
 * <p>Weights are read by eyegan's variable names ({@code disc_conv<i>_kernel}/{@code _bias},
 * {@code disc_dense_kernel}/{@code _bias}).
 */
public final class ReferenceDiscriminator {
  private final NamedWeights w;

  public ReferenceDiscriminator(NamedWeights weights) {
    this.w = weights;
  }

  /**
   * @param images [n, R, R, 3] row-major in [-1, 1]
   * @param keepMasks in training, one mask per convolution layer (true = kept), in layer order;
   *     null for inference, where dropout is the identity
   * @return the n logits
   */
  public double[] forward(float[] images, int n, int resolution, List<boolean[]> keepMasks) {
    Nhwc x = Nhwc.of(images, n, resolution, resolution, 3);
    for (int i = 1; w.has("disc_conv" + i + "_kernel"); i++) {
      long[] k = w.shape("disc_conv" + i + "_kernel");
      x = KerasMath.conv2dSame(x, w.get("disc_conv" + i + "_kernel"), (int) k[0], (int) k[3], w.get("disc_conv" + i + "_bias"), 2);
      x = KerasMath.leakyRelu(x, KerasDefaults.LEAKY_SLOPE);
      if (keepMasks != null) {
        x = KerasMath.dropout(x, keepMasks.get(i - 1), KerasDefaults.DROPOUT_RATE);
      }
    }
    Nhwc flat = x.view(1, 1, x.h() * x.w() * x.c());
    return KerasMath.dense(flat, w.get("disc_dense_kernel"), 1, w.get("disc_dense_bias")).v();
  }
}
