package eyegan.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.metrics.SwdResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsLogTest {

  @Test
  void readsTicksAndSwdLinesAndIgnoresOtherKinds() {
    TrainingStats s =
        StatsFile.parse(
            List.of(
                "{\"step\":1,\"epoch\":1,\"d_loss\":1.25,\"g_loss\":0.75,\"d_real\":0.6,\"d_fake\":0.4,\"img_per_s\":12.5,\"elapsed_s\":5.0}",
                "",
                "{\"event\":\"checkpoint\",\"step\":1}",
                "{\"step\":1,\"epoch\":1,\"swd\":42.5,\"swd_levels\":[10,20,30,110],\"swd_resolutions\":[128,64,32,16]}"),
            "stats.jsonl");
    assertEquals(List.of(new TrainingTick(1, 1, 1.25, 0.75, 0.6, 0.4, 12.5, 5.0)), s.ticks());
    assertEquals(List.of(new SwdPoint(1, 1, 42.5, new double[] {10, 20, 30, 110}, Double.NaN)), s.swd());
    assertArrayEquals(new int[] {128, 64, 32, 16}, s.resolutions());
    assertTrue(s.problems().isEmpty(), s.problems().toString());
  }

  @Test
  void adaptiveAugmentationsPAndRAreWrittenOnlyWhenKnownAndReadBack() {
    TrainingTick adaptive = new TrainingTick(64, 2, 1.1, 0.9, 0.61, 0.42, 200, 12, 0.125, 0.375);
    String line = StatsFile.tickLine(adaptive);
    assertTrue(line.contains("\"ada_p\":0.125") && line.contains("\"ada_r\":0.375"), line);
    TrainingTick plain = new TrainingTick(64, 2, 1.1, 0.9, 0.61, 0.42, 200, 12);
    assertTrue(!StatsFile.tickLine(plain).contains("ada_"), "a run without it writes neither");
    assertEquals(List.of(adaptive, plain),
        StatsFile.parse(List.of(line, StatsFile.tickLine(plain)), "stats.jsonl").ticks());
  }

  @Test
  void swdLinesWrittenHereReadBack() {
    SwdResult result = SwdResult.of(new int[] {64, 32, 16}, new double[] {12.5, 20.25, 40});
    SwdResult floor = SwdResult.of(new int[] {64, 32, 16}, new double[] {4, 6, 8});
    String line = StatsFile.swdLine(640, 20, result, floor);
    TrainingStats s = StatsFile.parse(List.of(line, StatsFile.swdLine(704, 22, result, null)), "stats.jsonl");
    assertEquals(new SwdPoint(640, 20, 24.25, new double[] {12.5, 20.25, 40}, 6), s.swd().get(0));
    assertTrue(Double.isNaN(s.swd().get(1).floorX1e3()));
    assertArrayEquals(new int[] {64, 32, 16}, s.resolutions());
  }

  @Test
  void nonFiniteAndMissingNumbersBecomeNaN() {
    TrainingStats s =
        StatsFile.parse(
            List.of("{\"step\":3,\"epoch\":1,\"d_loss\":NaN,\"g_loss\":\"Infinity\",\"d_real\":0.5}"), "stats.jsonl");
    TrainingTick t = s.ticks().get(0);
    assertTrue(Double.isNaN(t.dLoss()));
    assertEquals(Double.POSITIVE_INFINITY, t.gLoss());
    assertTrue(Double.isNaN(t.dFake()), "missing");
  }

  @Test
  void badLinesAreSkippedWithTheirNumber() {
    TrainingStats s =
        StatsFile.parse(
            List.of(
                "{\"step\":1,\"epoch\":1,\"d_loss\":1,\"g_loss\":1}",
                "garbage",
                "{\"epoch\":1,\"d_loss\":1}",
                "{\"step\":2,\"epoch\":1,\"d_loss\":1,\"g_loss\":1}",
                "{\"step\":3,\"ep",
                "   "),
            "run/stats.jsonl");
    assertEquals(2, s.ticks().size());
    assertEquals(3, s.problems().size(), s.problems().toString());
    assertTrue(s.problems().get(0).contains("line 2"), s.problems().get(0));
    assertTrue(s.problems().get(1).contains("line 3") && s.problems().get(1).contains("without a step"), s.problems().get(1));
    assertTrue(s.problems().get(2).contains("truncated last line 5"), s.problems().get(2));
  }

  @Test
  void smoothingSkipsGapsAndThinningKeepsTheMean() {
    double[] avg = SeriesMath.movingAverage(new double[] {1, Double.NaN, 3, 5}, 2);
    assertArrayEquals(new double[] {1, 1, 3, 4}, avg, 1e-12);
    double[][] b = SeriesMath.bucketMeans(new double[] {0, 1, 2, 3}, new double[] {2, 4, 6, 8}, 2);
    assertArrayEquals(new double[] {0.5, 2.5}, b[0], 1e-12);
    assertArrayEquals(new double[] {3, 7}, b[1], 1e-12);
  }
}
