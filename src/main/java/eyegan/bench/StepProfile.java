package eyegan.bench;

import eyegan.config.ModelConfig;
import eyegan.config.StepOptions;
import eyegan.train.Hyperparameters;
import eyegan.train.TrainingGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.NodeOutput;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Where one training step's time goes: the step run with TensorFlow's full trace (its per-node
 * execution statistics), summed by op type over several traced steps after warm-up, with the
 * floating-point work of every convolution and matrix product worked out from the shapes the
 * trace reports.
 *
 * <p>The op types are those the runtime executed, after Grappler's rewrites (so a fused or
 * oneDNN-specific kernel shows under its own name). Times are the nodes' own compute times; on
 * several threads nodes overlap, so their sum (the busy time) can exceed the step's wall time.
 */
public final class StepProfile {
  /** One op type: milliseconds per step summed over its nodes, their share of all node time, nodes per step, GFLOP. */
  public record Row(String type, double millis, double share, int count, double gflop) {}

  /**
   * @param stepMillis median wall time of a traced step (tracing adds a little)
   * @param busyMillis node compute time per step, summed over threads
   * @param rows op types by time, largest first
   */
  public record Result(double stepMillis, double busyMillis, List<Row> rows) {
    /** Total GFLOP per step of the rows that have a FLOP count. */
    public double gflop() {
      return rows.stream().filter(r -> r.gflop() > 0).mapToDouble(Row::gflop).sum();
    }

    /** The table as printed by {@code eyegan bench --profile}. */
    public String table(int limit) {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "  %-28s %9s %7s %6s %9s %9s%n", "op type", "ms/step", "share", "count",
          "GFLOP", "GFLOP/s"));
      double otherMs = 0;
      int otherCount = 0;
      for (int i = 0; i < rows.size(); i++) {
        Row r = rows.get(i);
        if (i >= limit) {
          otherMs += r.millis();
          otherCount += r.count();
          continue;
        }
        String flops = r.gflop() > 0 ? String.format(Locale.ROOT, "%9.3f %9.1f", r.gflop(), r.gflop() / (r.millis() / 1e3))
            : String.format(Locale.ROOT, "%9s %9s", "", "");
        sb.append(String.format(Locale.ROOT, "  %-28s %9.2f %6.1f%% %6d %s%n", r.type(), r.millis(), 100 * r.share(),
            r.count(), flops));
      }
      if (otherMs > 0) {
        sb.append(String.format(Locale.ROOT, "  %-28s %9.2f %6.1f%% %6d%n", "(" + (rows.size() - limit) + " other types)",
            otherMs, 100 * otherMs / busyMillis, otherCount));
      }
      sb.append(String.format(Locale.ROOT, "  node time %.1f ms per step over a %.1f ms step; convolutions and matrix"
          + " products %.2f GFLOP%n", busyMillis, stepMillis, gflop()));
      return sb.toString();
    }
  }

  private StepProfile() {}

  /** Profiles the step {@code train} runs for {@code config} and {@code options} at {@code batch}. */
  public static Result run(ModelConfig config, StepOptions options, int batch, int warmup, int traced, ConfigProto session) {
    int r = config.resolution();
    float[] images = new float[batch * r * r * 3];
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) (random.nextDouble() * 2 - 1);
    }
    Map<String, double[]> byType = new HashMap<>(); // type -> {micros, nodes, flops}
    double[] stepMillis = new double[traced];
    double busy = 0;
    try (Graph g = new Graph()) {
      new TrainingGraph(g, config, new Hyperparameters(1e-4f, 0.9f, 0.999f, 1e-7f), 1, options);
      try (Session s = new Session(g, session);
          TFloat32 real = TFloat32.tensorOf(Shape.of(batch, r, r, 3), DataBuffers.of(images, true, false))) {
        s.initialize();
        RunOptions trace = RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
        for (int i = 0; i < warmup + traced; i++) {
          long t0 = System.nanoTime();
          Session.Runner runner = s.runner().feed(TrainingGraph.REAL_IMAGES, real).addTarget(TrainingGraph.TRAIN)
              .fetch(TrainingGraph.D_LOSS);
          if (i >= warmup) {
            runner.setOptions(trace);
          }
          try (TInt64 seed = TInt64.vectorOf(1, i);
              org.tensorflow.Result res = (i >= warmup ? runner.feed(TrainingGraph.STEP_SEED, seed).runAndFetchMetadata()
                  : runner.feed(TrainingGraph.STEP_SEED, seed).run())) {
            if (i >= warmup) {
              stepMillis[i - warmup] = (System.nanoTime() - t0) / 1e6;
              busy += add(res.getMetadata().orElseThrow(), g, byType);
            }
          }
        }
      }
    }
    java.util.Arrays.sort(stepMillis);
    double busyPerStep = busy / 1e3 / traced;
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, double[]> e : byType.entrySet()) {
      double ms = e.getValue()[0] / 1e3 / traced;
      rows.add(new Row(e.getKey(), ms, ms / busyPerStep, (int) Math.round(e.getValue()[1] / traced),
          e.getValue()[2] / 1e9 / traced));
    }
    rows.sort(Comparator.comparingDouble(Row::millis).reversed());
    return new Result(stepMillis[traced / 2], busyPerStep, rows);
  }

  /** Adds one step's node statistics; returns the step's node time in microseconds. */
  private static double add(RunMetadata meta, Graph g, Map<String, double[]> byType) {
    Map<String, long[]> shapes = new HashMap<>();
    List<NodeExecStats> nodes = new ArrayList<>();
    for (DeviceStepStats dev : meta.getStepStats().getDevStatsList()) {
      for (NodeExecStats n : dev.getNodeStatsList()) {
        nodes.add(n);
        for (NodeOutput o : n.getOutputList()) {
          shapes.put(n.getNodeName() + ":" + o.getSlot(), dims(o.getTensorDescription().getShape()));
        }
      }
    }
    double total = 0;
    for (NodeExecStats n : nodes) {
      String type = type(n, g);
      if (type == null) {
        continue; // the executor's own bookkeeping (e.g. _SOURCE), not an op of the graph
      }
      double micros = Math.max(0, n.getOpEndRelNanos() - n.getOpStartRelNanos()) / 1e3;
      total += micros;
      double[] acc = byType.computeIfAbsent(type, t -> new double[3]);
      acc[0] += micros;
      acc[1] += 1;
      acc[2] += flops(n, type, g, shapes);
    }
    return total;
  }

  /** The node's op type from its timeline label ({@code name = Type(inputs)}), else from the graph. */
  static String type(NodeExecStats n, Graph g) {
    String label = n.getTimelineLabel();
    int eq = label.indexOf(" = ");
    if (eq >= 0) {
      int paren = label.indexOf('(', eq);
      return label.substring(eq + 3, paren > 0 ? paren : label.length()).trim();
    }
    GraphOperation op = g.operation(n.getNodeName());
    return op != null ? op.type() : null;
  }

  /**
   * 2 * multiply-adds of a convolution or matrix product from the shapes of this run: a convolution
   * (forward, or either gradient) costs 2 * N * Ho * Wo * Co * kh * kw * Ci whichever tensor it
   * produces; a product [m, k] x [k, n] costs 2 * m * k * n. Nodes are found by their name in the
   * graph, whatever kernel the runtime chose for them (oneDNN's {@code _MklNative...}); a
   * convolution fused with its bias runs under the bias's name.
   */
  static double flops(NodeExecStats n, String runType, Graph g, Map<String, long[]> shapes) {
    GraphOperation op = g.operation(n.getNodeName());
    if (op == null || n.getOutputCount() == 0) {
      return 0;
    }
    if (op.type().equals("BiasAdd") && runType.contains("Conv2D")
        && op.input(0).op() instanceof GraphOperation conv && conv.type().equals("Conv2D")) {
      op = conv;
    }
    long[] out = dims(n.getOutput(0).getTensorDescription().getShape());
    int rank = op.type().equals("MatMul") ? 2 : 4;
    if (out.length != rank) {
      return 0;
    }
    List<String> inputs = labelInputs(n.getTimelineLabel());
    switch (op.type()) {
      case "Conv2D": {
        long[] k = shape(op, 1, 4, inputs, shapes);
        return k == null ? 0 : 2.0 * product(out) * k[0] * k[1] * k[2];
      }
      case "Conv2DBackpropInput": {
        // out = the convolution's input [N, H, W, Ci]; the gradient it was given is [N, Ho, Wo, Co].
        long[] dy = shape(op, 2, 4, inputs, shapes);
        long[] k = shape(op, 1, 4, inputs, shapes);
        return dy == null || k == null ? 0 : 2.0 * product(dy) * k[0] * k[1] * k[2];
      }
      case "Conv2DBackpropFilter": {
        long[] dy = shape(op, 2, 4, inputs, shapes);
        return dy == null ? 0 : 2.0 * product(dy) * out[0] * out[1] * out[2];
      }
      case "MatMul": {
        long[] a = shape(op, 0, 2, inputs, shapes);
        boolean ta = op.attributes().getAttrBool("transpose_a");
        return a == null ? 0 : 2.0 * product(out) * (ta ? a[0] : a[1]);
      }
      default:
        return 0;
    }
  }

  /**
   * The run-time shape of input {@code i} (of rank {@code rank}): of the tensor the executed node
   * read (named in its timeline label, as Grappler may have rewired it), or the graph input's static
   * shape when fully known; null when neither is.
   */
  private static long[] shape(GraphOperation op, int i, int rank, List<String> inputs, Map<String, long[]> shapes) {
    if (i < inputs.size()) {
      String name = inputs.get(i);
      long[] seen = shapes.get(name.contains(":") ? name : name + ":0");
      if (seen != null && seen.length == rank) {
        return seen;
      }
    }
    var in = op.input(i);

    long[] st = in.shape().asArray();
    if (st == null || st.length != rank) {
      return null;
    }
    for (long d : st) {
      if (d < 0) {
        return null;
      }
    }
    return st;
  }

  /** The input names of a timeline label {@code [...] name = Type(in0, in1:1, ...)}. */
  static List<String> labelInputs(String label) {
    int open = label.indexOf('(', Math.max(0, label.indexOf(" = ")));
    int close = label.lastIndexOf(')');
    if (open < 0 || close <= open + 1) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String part : label.substring(open + 1, close).split(",")) {
      names.add(part.trim());
    }
    return names;
  }

  private static long[] dims(TensorShapeProto s) {
    long[] d = new long[s.getDimCount()];
    for (int i = 0; i < d.length; i++) {
      d[i] = s.getDim(i).getSize();
    }
    return d;
  }

  private static long product(long[] d) {
    long p = 1;
    for (long x : d) {
      p *= x;
    }
    return p;
  }
}
