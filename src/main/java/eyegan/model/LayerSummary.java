package eyegan.model;

/**
 * One row of a Keras-style {@code model.summary()} table.
 *
 * @param name Keras-style layer name, e.g. {@code conv2d_transpose_1}
 * @param type Keras layer class, e.g. {@code Conv2DTranspose}
 * @param outputShape output shape with the batch dimension first as {@code None}
 * @param trainableParams weights updated by the optimiser
 * @param nonTrainableParams state not touched by the optimiser (batch-norm moving mean/variance)
 */
public record LayerSummary(
    String name, String type, long[] outputShape, long trainableParams, long nonTrainableParams) {

  /** Parameters of the layer, trainable or not, as Keras counts them. */
  public long params() {
    return trainableParams + nonTrainableParams;
  }

  /** The output shape as Keras prints it: {@code (None, 16, 16, 256)}. */
  public String shapeText() {
    StringBuilder sb = new StringBuilder("(None");
    for (long d : outputShape) {
      sb.append(", ").append(d);
    }
    return sb.append(')').toString();
  }
}
