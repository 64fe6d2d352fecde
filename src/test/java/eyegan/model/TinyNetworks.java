package eyegan.model;

import eyegan.config.ModelConfig;
import eyegan.model.reference.NamedWeights;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * eyegan's G and D in one session, with both modes wired, for comparing against the plain-Java
 * reference: feeds noise or images, fetches outputs, runs the batch-norm updates, reads every
 * variable by name, overwrites variables, and recovers the dropout masks of D's training pass.
 */
final class TinyNetworks implements AutoCloseable {
  final ModelConfig config;
  private final Graph graph = new Graph();
  private final Session session;
  private final Operand<TFloat32> noise;
  private final Operand<TFloat32> images;
  private final Operand<TInt64> dropoutSeed;
  private final Operand<TFloat32> generatedTraining;
  private final Operand<TFloat32> generatedInference;
  private final Operand<TFloat32> logitsTraining;
  private final Operand<TFloat32> logitsInference;
  private final List<Op> bnUpdates;
  private final List<Output<TBool>> keepMasks = new ArrayList<>();
  private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
  private final Map<String, Placeholder<TFloat32>> assignFeeds = new LinkedHashMap<>();
  private final Map<String, Op> assigns = new LinkedHashMap<>();

  TinyNetworks(ModelConfig config, long seed) {
    this.config = config;
    Ops tf = Ops.create(graph);
    Generator g = new Generator(tf, config, seed);
    Discriminator d = new Discriminator(tf, config, seed);
    int r = config.resolution();
    noise = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, config.noiseDim())));
    images = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, r, r, 3)));
    dropoutSeed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
    generatedTraining = g.apply(noise, Mode.TRAINING);
    generatedInference = g.apply(noise, Mode.INFERENCE);
    bnUpdates = g.updateOps();

    Set<String> before = operationNames();
    logitsTraining = d.apply(images, Mode.TRAINING, dropoutSeed);
    // Dropout multiplies by a scaled keep mask, the comparison of a uniform draw with the rate.
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (!before.contains(op.name()) && op.type().equals("GreaterEqual")) {
        @SuppressWarnings("unchecked")
        Output<TBool> keep = (Output<TBool>) (Output<?>) op.output(0);
        keepMasks.add(keep);
      }
    }
    logitsInference = d.apply(images, Mode.INFERENCE, dropoutSeed);

    List<Variable<TFloat32>> all = new ArrayList<>(g.trainableVariables());
    all.addAll(g.nonTrainableVariables());
    all.addAll(d.trainableVariables());
    for (Variable<TFloat32> v : all) {
      String name = v.op().name();
      variables.put(name, v);
      Placeholder<TFloat32> feed = tf.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
      assignFeeds.put(name, feed);
      assigns.put(name, tf.assign(v, feed));
    }
    session = new Session(graph);
    session.initialize();
  }

  private Set<String> operationNames() {
    Set<String> names = new HashSet<>();
    graph.operations().forEachRemaining(op -> names.add(op.name()));
    return names;
  }

  /** Number of dropout layers found in D's training pass. */
  int dropoutLayers() {
    return keepMasks.size();
  }

  /** Names of every variable of G and D. */
  Set<String> variableNames() {
    return variables.keySet();
  }

  /** Every variable's current value and shape. */
  NamedWeights weights() {
    Map<String, float[]> values = new LinkedHashMap<>();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Session.Runner runner = session.runner();
    variables.values().forEach(runner::fetch);
    try (Result res = runner.run()) {
      int i = 0;
      for (String name : variables.keySet()) {
        TFloat32 t = (TFloat32) res.get(i++);
        values.put(name, floats(t));
        shapes.put(name, t.shape().asArray());
      }
    }
    return new NamedWeights(values, shapes);
  }

  /** Overwrites variable {@code name} with {@code value} (its full flat contents). */
  void assign(String name, float[] value) {
    Variable<TFloat32> v = variables.get(name);
    try (TFloat32 t = TFloat32.tensorOf(v.shape(), DataBuffers.of(value, true, false))) {
      session.runner().feed(assignFeeds.get(name), t).addTarget(assigns.get(name)).run().close();
    }
  }

  /** G's output for {@code z} [n, noiseDim] in the given mode; a training pass updates nothing. */
  float[] generate(float[] z, int n, Mode mode) {
    try (TFloat32 t = TFloat32.tensorOf(Shape.of(n, config.noiseDim()), DataBuffers.of(z, true, false));
        Result res = session.runner().feed(noise, t)
            .fetch(mode == Mode.TRAINING ? generatedTraining : generatedInference).run()) {
      return floats((TFloat32) res.get(0));
    }
  }

  /** Runs G's training pass on {@code z} together with its moving-average updates. */
  void updateBatchNorm(float[] z, int n) {
    try (TFloat32 t = TFloat32.tensorOf(Shape.of(n, config.noiseDim()), DataBuffers.of(z, true, false))) {
      Session.Runner runner = session.runner().feed(noise, t);
      bnUpdates.forEach(runner::addTarget);
      runner.run().close();
    }
  }

  /** D's inference-mode logits for images [n, R, R, 3]. */
  float[] discriminate(float[] x, int n) {
    int r = config.resolution();
    try (TFloat32 t = TFloat32.tensorOf(Shape.of(n, r, r, 3), DataBuffers.of(x, true, false));
        TInt64 s = TInt64.vectorOf(0, 0);
        Result res = session.runner().feed(images, t).feed(dropoutSeed, s).fetch(logitsInference).run()) {
      return floats((TFloat32) res.get(0));
    }
  }

  /** D's training-mode logits and, from the same run, each dropout layer's keep mask. */
  record TrainingPass(float[] logits, List<boolean[]> keepMasks) {}

  TrainingPass discriminateTraining(float[] x, int n, long stepSeed) {
    int r = config.resolution();
    try (TFloat32 t = TFloat32.tensorOf(Shape.of(n, r, r, 3), DataBuffers.of(x, true, false));
        TInt64 s = TInt64.vectorOf(1, stepSeed)) {
      Session.Runner runner = session.runner().feed(images, t).feed(dropoutSeed, s).fetch(logitsTraining);
      keepMasks.forEach(runner::fetch);
      try (Result res = runner.run()) {
        List<boolean[]> masks = new ArrayList<>();
        for (int i = 0; i < keepMasks.size(); i++) {
          TBool m = (TBool) res.get(i + 1);
          boolean[] b = new boolean[(int) m.size()];
          m.copyTo(DataBuffers.of(b, false, false));
          masks.add(b);
        }
        // One mask per layer, largest (first layer) first: the layers shrink as they go.
        masks.sort((a, b) -> Integer.compare(b.length, a.length));
        return new TrainingPass(floats((TFloat32) res.get(0)), masks);
      }
    }
  }

  private static float[] floats(TFloat32 t) {
    float[] v = new float[(int) t.size()];
    t.copyTo(DataBuffers.of(v, false, false));
    return v;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
