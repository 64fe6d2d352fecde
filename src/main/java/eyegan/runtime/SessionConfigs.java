package eyegan.runtime;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
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

  /** Config for the training step; {@code threads} 0 keeps TensorFlow's default (all cores). */
  public static ConfigProto training(int threads) {
    ConfigProto.Builder b = ConfigProto.newBuilder()
        .setGraphOptions(GraphOptions.newBuilder()
            .setRewriteOptions(RewriterConfig.newBuilder().setRemapping(RewriterConfig.Toggle.OFF)));
    if (threads > 0) {
      b.setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(Math.min(2, threads));
    }
    return b.build();
  }
}
