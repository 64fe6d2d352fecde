package eyegan.runtime;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * Session settings eyegan runs its graphs with.
 *
 * <p>Grappler's "remapper" pass tries to fuse Conv2D+BiasAdd+LeakyReLU; in TensorFlow 2.18 it
 * fails on graphs that also hold the gradient of that chain ("fanout ... exist for missing node")
 * and logs an error before giving up, so it is switched off for the training graph: it changes
 * nothing but the noise.
 */
public final class SessionConfigs {
  private SessionConfigs() {}

  /** Config for the training step with TensorFlow's default threading and no XLA. */
  public static ConfigProto training() {
    return training(0, 0, false);
  }

  /**
   * Config for the training step.
   *
   * @param intraOpThreads threads inside one op (a convolution); 0 = TensorFlow's default (all cores)
   * @param interOpThreads ops run side by side; 0 = TensorFlow's default
   * @param xla compile the graph with XLA (global JIT level 1)
   */
  public static ConfigProto training(int intraOpThreads, int interOpThreads, boolean xla) {
    GraphOptions.Builder graph = GraphOptions.newBuilder()
        .setRewriteOptions(RewriterConfig.newBuilder().setRemapping(RewriterConfig.Toggle.OFF));
    if (xla) {
      graph.setOptimizerOptions(OptimizerOptions.newBuilder().setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1));
    }
    return ConfigProto.newBuilder()
        .setGraphOptions(graph)
        .setIntraOpParallelismThreads(intraOpThreads)
        .setInterOpParallelismThreads(interOpThreads)
        .build();
  }
}
