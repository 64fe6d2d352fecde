package eyegan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The cpu preset's rate: 4e-4 up to 30-minute budgets, the DCGAN paper's 2e-4 above; other presets keep theirs. */
class PresetRateTest {
  @Test
  void theCpuPresetSlowsDownForBudgetsOverHalfAnHour() {
    assertEquals(4e-4f, Preset.CPU.learningRate());
    assertEquals(4e-4f, Preset.CPU.learningRate(0), "fixed epochs keep the preset's rate");
    assertEquals(4e-4f, Preset.CPU.learningRate(10));
    assertEquals(4e-4f, Preset.CPU.learningRate(30));
    assertEquals(2e-4f, Preset.CPU.learningRate(30.5));
    assertEquals(2e-4f, Preset.CPU.learningRate(40));
  }

  @Test
  void theOtherPresetsKeepTheirRateAtAnyBudget() {
    assertEquals(1e-4f, Preset.ARTICLE.learningRate(40), "the tutorial's rate");
    assertEquals(1e-4f, Preset.TINY.learningRate(40));
  }
}
