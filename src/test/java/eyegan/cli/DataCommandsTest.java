package eyegan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code eyegan synth} and {@code eyegan prepare} run in-process. */
class DataCommandsTest {
  @TempDir Path tmp;


  private static CliResult run(String... args) {
    return CliResult.run(args);
  }

  private static long count(Path dir, String glob) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName())).count();
    }
  }

  @Test
  void synthThenPrepare() throws Exception {
    Path eyes = tmp.resolve("eyes");
    CliResult synth = run("synth", "--out", eyes.toString(), "--n", "6", "--seed", "1", "--size", "32");
    assertEquals(0, synth.code(), synth.err());
    assertEquals(6, count(eyes, "eye-*.png"));
    assertTrue(synth.out().contains("wrote 6 images"), synth.out());

    Path grid = tmp.resolve("grid.png");
    CliResult prepare = run("prepare", "--data", eyes.toString(), "--resolution", "16",
        "--cache-dir", tmp.resolve("cache").toString(), "--grid", grid.toString());
    assertEquals(0, prepare.code(), prepare.err());
    assertTrue(prepare.out().contains("6 images ready (16x16), 0 files skipped"), prepare.out());
    assertTrue(Files.size(grid) > 0);
    assertEquals(1, count(tmp.resolve("cache"), "*.eyeds"));
    // Nothing was added to the photo folder.
    assertEquals(6, count(eyes, "*"));

    // Each fit is a data set of its own, cached beside the others.
    CliResult stretched = run("prepare", "--data", eyes.toString(), "--resolution", "16", "--fit", "stretch",
        "--cache-dir", tmp.resolve("cache").toString(), "--grid", tmp.resolve("grid-2.png").toString());
    assertEquals(0, stretched.code(), stretched.err());
    assertTrue(stretched.out().contains("stretched to square"), stretched.out());
    assertEquals(1, count(tmp.resolve("cache"), "*-16px-stretch-*.eyeds"));
    assertEquals(2, count(tmp.resolve("cache"), "*.eyeds"));
  }

  @Test
  void synthRefusesANonEmptyFolder() throws Exception {
    Path used = Files.createDirectories(tmp.resolve("used"));
    Files.writeString(used.resolve("keep.txt"), "earlier results");
    CliResult r = run("synth", "--out", used.toString(), "--n", "2");
    assertEquals(EyeganCommand.EXIT_USAGE, r.code());
    assertTrue(r.err().contains("not empty"), r.err());
  }

  @Test
  void prepareOnAMissingFolderIsAUsageError() {
    CliResult r = run("prepare", "--data", tmp.resolve("nowhere").toString(), "--cache-dir", tmp.toString());
    assertEquals(EyeganCommand.EXIT_USAGE, r.code());
    assertTrue(r.err().contains("does not exist"), r.err());
  }

  @Test
  void helpShowsAnExample() {
    assertTrue(run("prepare", "--help").out().contains("Examples:"));
    assertTrue(run("synth", "--help").out().contains("Example:"));
  }
}
