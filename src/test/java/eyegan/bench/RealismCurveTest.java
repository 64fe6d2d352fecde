package eyegan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.UserInputException;
import eyegan.report.RealismCurveChart;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The realism curve read from sweep records written out by hand. */
class RealismCurveTest {
  @TempDir Path tmp;

  /** A sweep record with one score per (budget, seed, steps, swd, plausible %). */
  private Path sweep(String name, Object[]... scores) throws Exception {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    StringBuilder sb = new StringBuilder("{\"machine\": \"test machine\", \"scores\": [");
    for (int i = 0; i < scores.length; i++) {
      Object[] s = scores[i];
      sb.append(i > 0 ? "," : "").append(String.format(Locale.ROOT,
          "{\"budget\": \"%s\", \"seed\": %d, \"steps\": %d, \"epochs\": 1, \"ms_per_step\": 100, \"minutes\": 1,"
              + " \"measures\": {\"swd\": %s, \"plausible_eyes_pct\": %s}, \"floors\": {\"swd\": 10, \"plausible_eyes_pct\": 90}}",
          s[0], s[1], s[2], s[3], s[4]));
    }
    Files.writeString(dir.resolve("realism.json"), sb.append("]}").toString());
    return dir;
  }

  @Test
  void budgetsArePooledAcrossSweepsAndOrderedBySteps() throws Exception {
    Path longer = sweep("long", new Object[] {"40min", 1, 2000, 20.0, 70}, new Object[] {"40min", 2, 2200, 30.0, 80});
    Path shorter = sweep("short", new Object[] {"10min", 1, 500, 50.0, 40}, new Object[] {"10min", 2, 520, 40.0, 60},
        new Object[] {"10min", 3, 480, 60.0, 50});
    Path third = sweep("third", new Object[] {"40min", 3, 2100, 25.0, 75});
    RealismCurve curve = RealismCurve.read(List.of(longer, shorter, third));
    List<RealismCurve.Point> p = curve.points();
    assertEquals(2, p.size());
    assertEquals("10min", p.get(0).budget(), "fewer steps first");
    assertEquals(500, p.get(0).steps(), 0);
    // 10min: swd 50, 40, 60 -> median 50, range 40..60; 40min pooled: 20, 30, 25 -> 25, 20..30.
    assertEquals(50, p.get(0).rows().get("swd").median(), 0);
    assertEquals(40, p.get(0).rows().get("swd").min(), 0);
    assertEquals(25, p.get(1).rows().get("swd").median(), 0);
    assertEquals(List.of(1L, 2L, 3L), p.get(1).seeds());
    assertEquals(2100, p.get(1).steps(), 0);
    assertEquals(10, p.get(1).rows().get("swd").floor(), 0);
    String table = curve.table();
    assertTrue(table.contains("| 40min | 1,2,3 | 2,100 | 25.0 (20.0-30.0) | - | - | 75 (70-80) |"), table);
    assertTrue(table.contains("| real vs real (floor) | | | 10.0 | - | - | 90 |"), table);

    Path png = tmp.resolve("curve.png");
    RealismCurveChart.write(curve, png, "test");
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(RealismCurveChart.WIDTH, image.getWidth());
    assertEquals(RealismCurveChart.HEIGHT, image.getHeight());
  }

  @Test
  void aSeedInTwoSweepsOfOneBudgetOrAFolderWithoutARecordIsRefused() throws Exception {
    Path a = sweep("a", new Object[] {"10min", 1, 500, 50.0, 40});
    Path b = sweep("b", new Object[] {"10min", 1, 500, 45.0, 40});
    UserInputException twice = assertThrows(UserInputException.class, () -> RealismCurve.read(List.of(a, b)));
    assertTrue(twice.getMessage().contains("seed 1"), twice.getMessage());
    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty);
    UserInputException none = assertThrows(UserInputException.class, () -> RealismCurve.read(List.of(a, empty)));
    assertTrue(none.getMessage().contains("not a finished realism sweep"), none.getMessage());
  }
}
