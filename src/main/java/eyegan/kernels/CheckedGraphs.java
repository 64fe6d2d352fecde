package eyegan.kernels;

import eyegan.config.AugmentPolicy;
import eyegan.config.ModelConfig;
import eyegan.config.Preset;
import eyegan.config.StepOptions;
import eyegan.config.TrainConfig;
import eyegan.export.ServingGraph;
import eyegan.train.Hyperparameters;
import eyegan.train.TrainingGraph;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Signature;
import org.tensorflow.proto.GraphDef;

/**
 * Builds every graph eyegan runs for a model, the way {@code train} and {@code export} build them,
 * and checks each part against a device type's kernels: the training step, the sampling branch
 * (progress grids, SWD), and each signature of the exported SavedModel.
 *
 * <p>The parts are found by walking back from what each one fetches, not from a list of ops, so
 * whatever the graphs hold after a change is what gets checked.
 */
public final class CheckedGraphs {
  /** The seed does not change which ops are built; any value. */
  private static final long ANY_SEED = 1;
  private static final Hyperparameters ANY_HYPERPARAMETERS = new Hyperparameters(1e-4f, 0.9f, 0.999f, 1e-7f);
  /**
   * Every augmentation, gated by the adaptive probability, a moving average with ramp-up, the
   * learning-rate decay, alternating updates, the lazy R1 step and hinge losses (the presets cover
   * cross-entropy): all the ops a step can hold.
   */
  static final StepOptions EVERY_OPTION = new StepOptions(AugmentPolicy.ALL, 10, 0.05, 0.5, true,
      StepOptions.ADA_TARGET, StepOptions.ADA_KIMG).withR1(0.05, StepOptions.R1_EVERY).withHinge(true);

  private CheckedGraphs() {}

  /**
   * Every preset as it trains by default, and the article model with every step option switched on
   * (as flags can ask for them on any preset).
   */
  public static List<KernelCoverage.Part> checkAll(KernelRegistry registry, String deviceType) {
    List<KernelCoverage.Part> parts = new ArrayList<>();
    for (Preset p : Preset.values()) {
      parts.addAll(check(p.id(), p.model(), TrainConfig.fromPreset(p).stepOptions(), registry, deviceType));
    }
    parts.addAll(check("article + all options", Preset.ARTICLE.model(), EVERY_OPTION, registry, deviceType));
    return parts;
  }

  /**
   * @param label names the model in each part's name, e.g. the preset {@code article}
   * @param options the step's additions (augmentation, moving average), which add ops
   * @return the training step, sampling and one part per export signature, in that order
   */
  public static List<KernelCoverage.Part> check(String label, ModelConfig model, StepOptions options,
      KernelRegistry registry, String deviceType) {
    List<KernelCoverage.Part> parts = new ArrayList<>();
    try (Graph g = new Graph()) {
      new TrainingGraph(g, model, ANY_HYPERPARAMETERS, ANY_SEED, options);
      GraphDef def = g.toGraphDef();
      List<String> fetched = new ArrayList<>(List.of(TrainingGraph.TRAIN,
          TrainingGraph.D_LOSS, TrainingGraph.G_LOSS, TrainingGraph.D_REAL, TrainingGraph.D_FAKE));
      if (options.adaptive()) {
        fetched.add(TrainingGraph.ADA_P);
      }
      if (options.r1()) {
        fetched.addAll(List.of(TrainingGraph.R1_STEP, TrainingGraph.R1_PENALTY));
      }
      parts.add(KernelCoverage.check(label + ": training step", def, fetched, registry, deviceType));
      parts.add(KernelCoverage.check(label + ": sampling", def, List.of(TrainingGraph.SAMPLE_IMAGES), registry,
          deviceType));
    }
    try (Graph g = new Graph()) {
      ServingGraph serving = new ServingGraph(g, model, ANY_SEED);
      GraphDef def = g.toGraphDef();
      for (Signature s : serving.signatures()) {
        List<String> outputs = s.getOutputs().values().stream().map(t -> t.name).toList();
        parts.add(KernelCoverage.check(label + ": export " + s.key(), def, outputs, registry, deviceType));
      }
    }
    return parts;
  }
}
