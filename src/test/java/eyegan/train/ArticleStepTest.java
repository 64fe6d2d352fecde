package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.AugmentPolicy;
import eyegan.config.Preset;
import eyegan.config.StepOptions;
import eyegan.config.TrainConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;

/** The article preset's training step is the tutorial's: nothing this project adds is in it unless asked. */
class ArticleStepTest {
  private static List<String> ops(StepOptions options) {
    try (Graph g = new Graph()) {
      if (options == null) {
        new TrainingGraph(g, Preset.ARTICLE.model(), new Hyperparameters(1e-4f, 0.9f, 0.999f, 1e-7f), 1);
      } else {
        new TrainingGraph(g, Preset.ARTICLE.model(), new Hyperparameters(1e-4f, 0.9f, 0.999f, 1e-7f), 1, options);
      }
      List<String> out = new ArrayList<>();
      for (Iterator<GraphOperation> it = g.operations(); it.hasNext(); ) {
        GraphOperation op = it.next();
        out.add(op.name() + ":" + op.type());
      }
      return out;
    }
  }

  @Test
  void articlePresetRecordsNoAdditions() {
    TrainConfig article = TrainConfig.fromPreset(Preset.ARTICLE);
    assertEquals(StepOptions.TUTORIAL, article.stepOptions());
    assertEquals("none", article.augment());
    assertEquals(0, article.lrDecay(), "the tutorial's learning rates are constant");
    assertEquals(0, article.budgetMinutes(), "the article preset trains its 1,600 epochs, not a time budget");
    assertEquals(5, article.model().kernelSize());
  }

  @Test
  void theTutorialStepHasTheSameOpsAsTheStepWithEveryAdditionOff() {
    List<String> plain = ops(null);
    assertEquals(plain, ops(StepOptions.TUTORIAL));
    assertEquals(plain, ops(new StepOptions(AugmentPolicy.NONE, 0, 0.05)), "a ramp-up without a half-life adds nothing");
    assertEquals(plain, ops(new StepOptions(AugmentPolicy.NONE, 0, 0, 0)), "no decay adds no scale feed");
    assertEquals(plain, ops(new StepOptions(AugmentPolicy.NONE, 0, 0, 0, false, 0, 5)),
        "simultaneous updates and no adaptive augmentation: the tutorial's step");
    List<String> alternating = ops(StepOptions.TUTORIAL.withAlternating(true));
    assertNotEquals(plain, alternating);
    assertEquals(2, alternating.stream().filter(o -> o.startsWith(TrainingGraph.DISC_ADAM + "_apply")).count()
        + alternating.stream().filter(o -> o.startsWith(TrainingGraph.GEN_ADAM + "_apply")).count(),
        "still one update per network");
    // Both run D's 3 convolutions twice forward: the tutorial's step once per half of [real; fake],
    // the alternating step over the whole batch and then over the fakes again.
    assertEquals(plain.stream().filter(o -> o.endsWith(":Conv2D")).count(),
        alternating.stream().filter(o -> o.endsWith(":Conv2D")).count(), "two forward passes through D");
    List<String> extended = ops(new StepOptions(AugmentPolicy.ALL, 10, 0.05, 0.5));
    assertNotEquals(plain, extended);
    assertTrue(extended.contains(TrainingGraph.LR_SCALE + ":PlaceholderWithDefault"), "the decay's scale feed");
    assertTrue(plain.stream().noneMatch(o -> o.startsWith(TrainingGraph.LR_SCALE + ":")));
    assertTrue(extended.stream().anyMatch(o -> o.endsWith(":GatherV2")), "translation is a gather of rows and of columns");
    assertTrue(extended.stream().anyMatch(o -> o.startsWith("ema_gen_")), "the average's variables");
    assertTrue(plain.stream().noneMatch(o -> o.startsWith("ema_gen_") || o.endsWith(":GatherV2")));
    List<String> adaptive = ops(new StepOptions(AugmentPolicy.ALL, 10, 0.05, 0.5, true, 0.6, 20));
    assertTrue(adaptive.contains("ada_p:VariableV2"), "p is a variable (saved in checkpoints)");
    assertTrue(plain.stream().noneMatch(o -> o.startsWith("ada_")));
  }
}
