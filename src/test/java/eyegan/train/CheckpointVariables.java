package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.TrainConfig;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Every variable a training checkpoint holds, read back by name: both networks' weights, the
 * batch-norm moving statistics, both optimisers' moments and iteration counters, the global step
 * (and whatever other state the training graph gains), for comparing two runs completely.
 */
public final class CheckpointVariables {
  /** Values by variable name: float[] for float variables, long[] for counters. */
  private final Map<String, Object> values;
  private final Checkpoints.Meta meta;

  private CheckpointVariables(Map<String, Object> values, Checkpoints.Meta meta) {
    this.values = values;
    this.meta = meta;
  }

  /** The newest readable checkpoint of the run folder {@code runDir}, trained with {@code cfg}. */
  public static CheckpointVariables newest(Path runDir, TrainConfig cfg) {
    try (Graph g = new Graph()) {
      new TrainingGraph(g, cfg.model(), new Hyperparameters(cfg.learningRate(), cfg.beta1(), cfg.beta2(), cfg.epsilon()), 0,
          cfg.stepOptions());
      Map<String, Object> values = new TreeMap<>();
      try (Session s = new Session(g)) {
        Checkpoints.Entry e = new Checkpoints(runDir.resolve("checkpoints"), 1).restoreLatest(s, w -> {}).orElseThrow();
        for (Iterator<GraphOperation> it = g.operations(); it.hasNext(); ) {
          GraphOperation op = it.next();
          if (op.type().equals("VariableV2") || op.type().equals("Variable")) {
            try (Result r = s.runner().fetch(op.name()).run()) {
              values.put(op.name(), copy(r.get(0)));
            }
          }
        }
        return new CheckpointVariables(values, e.meta());
      }
    }
  }

  private static Object copy(Tensor t) {
    if (t instanceof TFloat32 f) {
      float[] v = new float[(int) f.size()];
      f.copyTo(DataBuffers.of(v, false, false));
      return v;
    }
    if (t instanceof TInt64 l) {
      long[] v = new long[(int) l.size()];
      l.copyTo(DataBuffers.of(v, false, false));
      return v;
    }
    throw new IllegalStateException("unexpected variable type " + t.dataType());
  }

  public Checkpoints.Meta meta() {
    return meta;
  }

  /** The values of the float variable {@code name}. */
  public float[] floats(String name) {
    Object v = values.get(name);
    if (!(v instanceof float[] f)) {
      throw new AssertionError("no float variable " + name + " in the checkpoint: " + values.keySet());
    }
    return f;
  }

  /** The values of the int64 variable {@code name} (a counter). */
  public long[] longs(String name) {
    Object v = values.get(name);
    if (!(v instanceof long[] l)) {
      throw new AssertionError("no int64 variable " + name + " in the checkpoint: " + values.keySet());
    }
    return l;
  }

  public java.util.Set<String> names() {
    return values.keySet();
  }

  /**
   * Asserts that {@code other} holds the same variables with the same values: counters exactly,
   * floats to {@code tolerance}. The variable list is checked to include each kind of state.
   */
  public void assertSameAs(CheckpointVariables other, float tolerance) {
    assertEquals(values.keySet(), other.values.keySet(), "the same variables");
    for (String kind : List.of("gen_dense_kernel", "gen_dense_bn_moving_variance", "disc_dense_bias",
        "gen_dense_kernel-m", "gen_dense_kernel-v", "disc_dense_kernel-m", "disc_dense_kernel-v",
        TrainingGraph.GEN_ADAM + "_iterations", TrainingGraph.DISC_ADAM + "_iterations", TrainingGraph.GLOBAL_STEP)) {
      assertTrue(values.containsKey(kind), "checkpoint holds " + kind + ": " + values.keySet());
    }
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Object theirs = other.values.get(e.getKey());
      if (e.getValue() instanceof float[] f) {
        assertArrayEquals(f, (float[]) theirs, tolerance, e.getKey());
      } else {
        assertArrayEquals((long[]) e.getValue(), (long[]) theirs, e.getKey());
      }
    }
  }
}
