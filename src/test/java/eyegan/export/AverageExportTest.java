package eyegan.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.inference.EyeGenerator;
import eyegan.inference.ModelInfo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that keeps G's moving average exports the average by default and the live G on request. */
class AverageExportTest {
  @TempDir Path tmp;

  @Test
  void averageByDefaultLiveOnRequestAndTheMetadataSaysWhich() throws Exception {
    TinyRun run = TinyRun.create(tmp.resolve("run"), 0.001); // half-life 1 image: the average lags visibly
    int n = 3;
    int d = run.config.model().noiseDim();
    float[] noise = TinyRun.gaussian(n, d, 5);
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = java.util.Arrays.copyOfRange(noise, i * d, (i + 1) * d);
    }
    float[] expected = run.trainingGraphImages(noise, n); // the training graph samples the average

    GeneratorExporter.Exported avg = new GeneratorExporter(w -> {}).exportRun(run.runDir, tmp.resolve("a"), null);
    GeneratorExporter.Exported live =
        new GeneratorExporter(w -> {}).liveWeights(true).exportRun(run.runDir, tmp.resolve("l"), null);
    assertEquals(ModelInfo.WEIGHTS_EMA, avg.info().weights());
    assertEquals(ModelInfo.WEIGHTS_LIVE, live.info().weights());
    try (EyeGenerator a = EyeGenerator.load(avg.versionDir());
        EyeGenerator l = EyeGenerator.load(live.versionDir())) {
      assertEquals(ModelInfo.WEIGHTS_EMA, a.info().weights(), "the metadata file says which weights were exported");
      float[] fromAverage = a.generateFloats(rows);
      assertArrayEquals(expected, fromAverage, 1e-5f);
      float[] fromLive = l.generateFloats(rows);
      float maxDiff = 0;
      for (int i = 0; i < fromLive.length; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(fromLive[i] - fromAverage[i]));
      }
      assertTrue(maxDiff > 1e-4f, "live and average generators must differ, max difference " + maxDiff);
    }
  }
}
