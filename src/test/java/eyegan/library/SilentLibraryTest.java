package eyegan.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program that uses {@code EyeGenerator} as a library, in a JVM of its own started as a user
 * starts one (no {@code TF_CPP_MIN_LOG_LEVEL}, unlike this test JVM), sees only its own lines on
 * its console; the documented switches bring TensorFlow's lines back, so the first test can fail.
 */
@Tag("slow") // JVMs of their own, each starting TensorFlow
class SilentLibraryTest {
  /** A line TensorFlow's SavedModel loader logs at INFO level on every load. */
  private static final String LOADER_LINE = "SavedModel load for tags { serve }";
  /** A line TensorFlow logs at INFO level through its private Abseil, which ignores TF_CPP_MIN_LOG_LEVEL. */
  private static final String ABSL_INFO_LINE = "MLIR V1 optimization pass is not enabled";
  private static final String ABSL_PREAMBLE = "WARNING: All log messages before absl::InitializeLog()";

  @TempDir static Path dir;
  private static Path base;

  record Console(List<String> out, List<String> err, Path grid) {}

  @BeforeAll
  static void exportModel() throws IOException {
    base = TinyModel.shared();
  }

  @Test
  void aLibraryCallerSeesOnlyItsOwnLines() throws Exception {
    Console c = runClient("quiet", null);
    assertEquals(List.of(QuietClient.outLine(4, TinyModel.RESOLUTION)), c.out());
    assertEquals(List.of(QuietClient.ERR_BEFORE, QuietClient.ERR_AFTER), c.err());
    BufferedImage grid = ImageIO.read(c.grid().toFile());
    assertTrue(grid.getWidth() >= 2 * TinyModel.RESOLUTION && grid.getWidth() == grid.getHeight(), "a 2x2 grid of 4 eyes");
  }

  @Test
  void theSystemPropertyShowsTensorFlowsLines() throws Exception {
    Console c = runClient("verbose", null, "-Deyegan.tf.verbose=true");
    assertTrue(contains(c.err(), LOADER_LINE), String.join("\n", c.err()));
    assertTrue(contains(c.err(), ABSL_INFO_LINE), String.join("\n", c.err()));
    assertEquals(QuietClient.ERR_BEFORE, c.err().get(0));
    assertEquals(QuietClient.ERR_AFTER, c.err().get(c.err().size() - 1));
  }

  @Test
  void aLevelTheUserSetHoldsAbseilsLinesToo() throws Exception {
    // Level 1 hides INFO and shows WARNING: TensorFlow alone would still print the Abseil INFO line.
    Console c = runClient("level1", "1");
    assertTrue(contains(c.err(), ABSL_PREAMBLE), String.join("\n", c.err()));
    assertFalse(contains(c.err(), ABSL_INFO_LINE), String.join("\n", c.err()));
    assertFalse(contains(c.err(), LOADER_LINE), String.join("\n", c.err()));
  }

  private static boolean contains(List<String> lines, String text) {
    return lines.stream().anyMatch(l -> l.contains(text));
  }

  /**
   * Runs {@link QuietClient} with this test's class path; {@code tfLevel} null leaves
   * TF_CPP_MIN_LOG_LEVEL unset. Variables that make the JVM itself print a note are removed.
   */
  private static Console runClient(String name, String tfLevel, String... jvmOptions) throws Exception {
    Path work = Files.createDirectories(dir.resolve(name));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmOptions));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), QuietClient.class.getName(),
        base.toString(), work.resolve("grid.png").toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
        .redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile());
    Map<String, String> env = pb.environment();
    for (String v : List.of("TF_CPP_MIN_LOG_LEVEL", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
      env.remove(v);
    }
    if (tfLevel != null) {
      env.put("TF_CPP_MIN_LOG_LEVEL", tfLevel);
    }
    Process p = pb.start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the client finishes");
    List<String> out = Files.readAllLines(work.resolve("out.txt"), StandardCharsets.UTF_8);
    List<String> err = Files.readAllLines(work.resolve("err.txt"), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), "client failed:\n" + String.join("\n", err));
    return new Console(out, err, work.resolve("grid.png"));
  }
}
