package eyegan.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder written before the cpu preset changed its recipe resumes with the recipe it was
 * started with, not with today's preset: its options file has no update order, initialisation,
 * adaptive augmentation or minibatch-std channel, and those read as what that version did.
 */
class EarlierRunOptionsTest {

  /** training_options.json as the version before the recipe flags wrote it for a cpu run. */
  private static final String EARLIER = """
      {
        "preset" : "cpu",
        "model" : { "resolution" : 64, "noiseDim" : 100, "generatorWidths" : [ 64, 32, 16, 8 ],
          "discriminatorWidths" : [ 32, 64, 128 ], "kernelSize" : 5, "leakySlope" : 0.3,
          "bnMomentum" : 0.99, "bnEpsilon" : 0.001, "dropoutRate" : 0.5, "upsampling" : "resize" },
        "batchSize" : 32, "epochs" : 68, "learningRate" : 2.0E-4, "beta1" : 0.5, "beta2" : 0.999,
        "epsilon" : 1.0E-7, "seed" : 1234, "dataDir" : null, "checkpointEvery" : 10, "keepCheckpoints" : 3,
        "gridSamples" : 16, "gridEvery" : 1, "swdEvery" : 11, "tickSeconds" : 10.0, "maxMinutes" : 0.0,
        "exportAtEnd" : true, "exportDir" : "savedmodel/eyegan", "augment" : "none", "emaKimg" : 10.0,
        "emaRampup" : 0.05, "budgetMinutes" : 10.0, "fit" : "crop", "dataFingerprint" : null, "lrDecay" : 0.5
      }
      """;

  @Test
  void anEarlierCpuRunKeepsItsRecipe(@TempDir Path run) throws Exception {
    Files.writeString(run.resolve("training_options.json"), EARLIER);
    TrainConfig c = TrainingOptionsFile.read(run);
    StepOptions step = c.stepOptions();
    assertFalse(step.alternating(), "the tutorial's simultaneous update");
    assertFalse(step.adaptive(), "no adaptive augmentation");
    assertTrue(step.augment().isNone());
    assertEquals(ModelConfig.GLOROT, c.model().init());
    assertArrayEquals(new int[] {64, 32, 16, 8}, c.model().generatorWidths());
    assertEquals(0.99f, c.model().bnMomentum());
    assertFalse(c.model().minibatchStd(), "D without the minibatch-std channel, which that version lacked");
    assertEquals(2e-4f, c.learningRate(), "the learning rate it was started with");

    // ...while a new cpu run gets today's recipe: everything the earlier file lacks, changed.
    TrainConfig now = TrainConfig.fromPreset(Preset.CPU);
    assertTrue(now.stepOptions().alternating());
    assertTrue(now.stepOptions().adaptive());
    assertEquals(ModelConfig.FAN_IN, now.model().init());
    assertArrayEquals(new int[] {128, 64, 32, 16}, now.model().generatorWidths());
    assertArrayEquals(new int[] {16, 32, 64}, now.model().discriminatorWidths());
    assertEquals(ModelConfig.TORCH_BN_MOMENTUM, now.model().bnMomentum());
    assertEquals(ModelConfig.TORCH_BN_EPSILON, now.model().bnEpsilon());
    assertTrue(now.learningRate() > 2e-4f, "today's cpu preset learns faster than the earlier file says");
  }
}
