package eyegan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eyegan.UserInputException;
import eyegan.config.Preset;
import eyegan.config.TrainConfig;
import eyegan.image.ImageGrid;
import eyegan.synth.EyeFolders;
import eyegan.train.RunLock;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A realism sweep of the tiny preset: every seed trains, exports and is scored; the summary's
 * medians and ranges are those of the per-run scores; the picture has a row per seed and one of
 * training images; running the same sweep again trains nothing; other settings are refused.
 */
class RealismSweepTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  private RealismSweep.Settings settings(Path data, int epochs) {
    return settings(data, epochs, false);
  }

  private RealismSweep.Settings settings(Path data, int epochs, boolean rescore) {
    TrainConfig.Builder b = TrainConfig.fromPreset(Preset.TINY).toBuilder();
    b.dataDir = data.toString();
    b.gridSamples = 4;
    b.tickSeconds = 0;
    return new RealismSweep.Settings(b.build(), List.of(1L, 2L, 3L), List.of(), epochs, tmp.resolve("sweep"),
        tmp.resolve("builtin"), 8, rescore);
  }

  @Test
  void threeSeedsAreTrainedScoredAndSummarised() throws Exception {
    Path data = EyeFolders.write(tmp.resolve("eyes"), 16, 5, 32);
    StringWriter text = new StringWriter();
    List<RealismScore> scores = RealismSweep.run(settings(data, 1), new PrintWriter(text));
    assertEquals(3, scores.size());
    Path sweep = tmp.resolve("sweep");
    double[] swd = new double[3];
    for (int i = 0; i < 3; i++) {
      Path run = sweep.resolve("1ep").resolve("seed-" + (i + 1));
      RealismScore s = RealismScore.read(run.resolve("realism.json"));
      assertEquals(i + 1, s.seed());
      assertEquals(4, s.steps(), "32 images per epoch (flips) in batches of 8");
      assertTrue(Files.isRegularFile(run.resolve("savedmodel/1/saved_model.pb")), "exported");
      swd[i] = s.measures().get("swd");
      assertTrue(swd[i] > 0 && s.floors().get("swd") > 0);
      for (String m : List.of("kid_x1e3", "eye_geometry", "plausible_eyes_pct", "brightness")) {
        assertTrue(s.measures().containsKey(m) && s.floors().containsKey(m), m + " in " + s.measures().keySet());
      }
    }
    // The summary's median and range of SWD, worked out from the three scores here.
    double[] sorted = swd.clone();
    java.util.Arrays.sort(sorted);
    JsonNode row = JSON.readTree(sweep.resolve("realism.json").toFile()).get("summaries").get("1ep").get(0);
    assertEquals("swd", row.get("measure").asText());
    assertEquals(sorted[1], row.get("median").asDouble(), 1e-9);
    assertEquals(sorted[0], row.get("min").asDouble(), 1e-9);
    assertEquals(sorted[2], row.get("max").asDouble(), 1e-9);
    assertTrue(text.toString().contains("swd "), text.toString());

    // A row of 8 eyes per seed and one of training images: 4 rows of 32 px tiles with gutters.
    BufferedImage picture = ImageIO.read(sweep.resolve("realism-1ep.png").toFile());
    int g = ImageGrid.GUTTER;
    assertEquals(8 * (32 + g) + g, picture.getWidth());
    assertEquals(4 * (32 + g) + g, picture.getHeight());

    // Again: nothing is trained or scored anew. Seed 2's folder is claimed as if another process were
    // training it: the sweep takes seeds 1 and 3 first, then waits for the claim to go.
    Path score = sweep.resolve("1ep/seed-2/realism.json");
    FileTime before = Files.getLastModifiedTime(score);
    StringWriter again = new StringWriter();
    List<List<RealismScore>> rerun = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread second;
    try (RunLock other = RunLock.acquire(sweep.resolve("1ep/seed-2"))) {
      second = new Thread(() -> rerun.add(RealismSweep.run(settings(data, 1), new PrintWriter(again, true))));
      second.start();
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!again.toString().contains("another process is training every run left ([2])") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(again.toString().contains("another process is training every run left ([2])"), again.toString());
      assertTrue(second.isAlive() && rerun.isEmpty(), "waiting while the claim is held");
    }
    second.join(120_000);
    assertEquals(List.of(scores), rerun);
    assertEquals(before, Files.getLastModifiedTime(score));
    assertTrue(again.toString().contains("continuing the sweep"), again.toString());

    // --rescore scores the kept runs again (the same numbers: the same samples and generators).
    List<RealismScore> rescored = RealismSweep.run(settings(data, 1, true), new PrintWriter(new StringWriter()));
    assertEquals(scores.get(1).measures(), rescored.get(1).measures());
    assertTrue(Files.getLastModifiedTime(score).compareTo(before) >= 0);

    // Other settings in the same folder are refused.
    assertThrows(UserInputException.class, () -> RealismSweep.run(settings(data, 2), new PrintWriter(new StringWriter())));
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(2.0, RealismSummary.median(new double[] {3, 1, 2}));
    assertEquals(2.5, RealismSummary.median(new double[] {4, 1, 3, 2}));
    assertTrue(Double.isNaN(RealismSummary.median(new double[0])));
  }
}
