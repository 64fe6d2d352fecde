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
  /** TensorFlow's device type name in {@code ConfigProto.device_count}. */
  private static final String GPU = "GPU";

  private SessionConfigs() {}

  /** Config for the training step with TensorFlow's default placement and threading, no XLA. */
  public static ConfigProto training() {
    return training(null, 0, 0, false);
  }

  /** Config for the training step on {@code device} (null: TensorFlow's choice), default threading, no XLA. */
  public static ConfigProto training(StepDevice device) {
    return training(device, 0, 0, false);
  }

  /**
   * Config for the training step.
   *
   * @param device where the step runs; null leaves it to TensorFlow (a GPU when it sees one). The
   *     CPU is enforced by giving the session no GPU device; a GPU by {@link GpuSelection}, which
   *     leaves TensorFlow only the chosen card, so its placer puts every op with a GPU kernel there
   * @param intraOpThreads threads inside one op (a convolution); 0 = TensorFlow's default (all cores)
   * @param interOpThreads ops run side by side; 0 = TensorFlow's default
   * @param xla compile the graph with XLA (global JIT level 1)
   */
  public static ConfigProto training(StepDevice device, int intraOpThreads, int interOpThreads, boolean xla) {
    return training(device, intraOpThreads, interOpThreads, xla, false);
  }

  /**
   * {@link #training(StepDevice, int, int, boolean)}, with {@code bf16} asking Grappler to run the
   * oneDNN kernels in bfloat16 where the processor has them (auto mixed precision for oneDNN: casts
   * around convolutions and matrix products, float32 everywhere else).
   */
  public static ConfigProto training(StepDevice device, int intraOpThreads, int interOpThreads, boolean xla,
      boolean bf16) {
    RewriterConfig.Builder rewrites = RewriterConfig.newBuilder().setRemapping(RewriterConfig.Toggle.OFF);
    if (bf16) {
      rewrites.setAutoMixedPrecisionMkl(RewriterConfig.Toggle.ON);
    }
    GraphOptions.Builder graph = GraphOptions.newBuilder().setRewriteOptions(rewrites);
    if (xla) {
      graph.setOptimizerOptions(OptimizerOptions.newBuilder().setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1));
    }
    ConfigProto.Builder config = ConfigProto.newBuilder()
        .setGraphOptions(graph)
        .setIntraOpParallelismThreads(intraOpThreads)
        .setInterOpParallelismThreads(interOpThreads);
    if (device != null && !device.gpu()) {
      config.putDeviceCount(GPU, 0);
    }
    return config.build();
  }
}
