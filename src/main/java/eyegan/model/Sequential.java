package eyegan.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A network as Keras's {@code Sequential} declares it: an ordered list of layers. {@link #apply}
 * builds the forward pass; {@link #summary} reads the Keras-style table off the same list, with
 * Keras's layer names ({@code conv2d}, {@code conv2d_1}, ...), without touching a graph.
 */
final class Sequential {
  private final List<Layer> layers;

  Sequential(List<Layer> layers) {
    this.layers = List.copyOf(layers);
  }

  Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Layer.Pass pass) {
    Operand<TFloat32> y = x;
    for (Layer layer : layers) {
      y = layer.apply(tf, y, pass);
    }
    return y;
  }

  /** One row per layer for an input of shape {@code inputShape} (without the batch dimension). */
  List<LayerSummary> summary(long... inputShape) {
    List<LayerSummary> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    long[] shape = inputShape;
    for (Layer layer : layers) {
      shape = layer.outputShape(shape);
      int n = seen.merge(layer.name(), 1, Integer::sum) - 1;
      String name = n == 0 ? layer.name() : layer.name() + "_" + n;
      rows.add(new LayerSummary(name, layer.type(), shape.clone(), layer.trainableParams(), layer.nonTrainableParams()));
    }
    return List.copyOf(rows);
  }
}
