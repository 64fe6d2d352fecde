package eyegan.model.reference;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Variable values by name, as read out of a TensorFlow session, for the reference networks.
 *
 * @param values flat row-major values by variable name
 * @param shapes each variable's shape by name
 */
public record NamedWeights(Map<String, float[]> values, Map<String, long[]> shapes) {
  public float[] get(String name) {
    float[] v = values.get(name);
    if (v == null) {
      throw new NoSuchElementException("no variable " + name + " among " + values.keySet());
    }
    return v;
  }

  public long[] shape(String name) {
    get(name);
    return shapes.get(name);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }
}
