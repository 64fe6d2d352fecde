package eyegan.pretrained;

import eyegan.runtime.NativeLogging;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * One shipped {@link PretrainedNetwork} loaded into its own TensorFlow graph and session, run on
 * float32 batches. Loading costs a few hundred milliseconds (the import and, on the first run,
 * TensorFlow's constant folding of the 8-bit weights), so callers keep an instance and reuse it.
 * Runs may come from several threads at once. Close it to free the native memory.
 */
public final class NetworkSession implements AutoCloseable {
  /** One fetched tensor: its shape and its values, flattened in row-major order. */
  public record Output(long[] shape, float[] values) {
    /** Elements per row (the product of every dimension but the first). */
    public int rowSize() {
      long n = 1;
      for (int i = 1; i < shape.length; i++) {
        n *= shape[i];
      }
      return Math.toIntExact(n);
    }

    @Override
    public String toString() {
      return "Output" + Arrays.toString(shape);
    }
  }

  private final PretrainedNetwork network;
  private final Graph graph;
  private final Session session;

  private NetworkSession(PretrainedNetwork network, Graph graph, Session session) {
    this.network = network;
    this.graph = graph;
    this.session = session;
  }

  /** Imports {@code network} from the jar into a new graph and session. */
  public static NetworkSession open(PretrainedNetwork network) {
    NativeLogging.configure(false);
    Graph graph = network.newGraph();
    try {
      return new NetworkSession(network, graph, new Session(graph));
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  public PretrainedNetwork network() {
    return network;
  }

  /**
   * Feeds {@code values} (shape {@code shape}) to the node {@code input} and returns the named
   * outputs, in order.
   *
   * @throws IllegalArgumentException when {@code values} does not hold {@code product(shape)} floats
   */
  public List<Output> run(String input, long[] shape, float[] values, String... outputs) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    if (n != values.length) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + values.length);
    }
    try (TFloat32 x = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false))) {
      Session.Runner runner = session.runner().feed(input, x);
      for (String o : outputs) {
        runner.fetch(o);
      }
      try (Result r = runner.run()) {
        List<Output> out = new ArrayList<>(outputs.length);
        for (int i = 0; i < outputs.length; i++) {
          TFloat32 t = (TFloat32) r.get(i);
          float[] v = new float[Math.toIntExact(t.shape().size())];
          t.copyTo(DataBuffers.of(v, false, false));
          out.add(new Output(t.shape().asArray(), v));
        }
        return out;
      }
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
