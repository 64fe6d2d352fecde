package eyegan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code eyegan prepare --detect-eyes} run in-process: a portrait, and the ways it is refused. */
class EyeCropCommandTest {
  @TempDir Path tmp;


  private static CliResult run(String... args) {
    return CliResult.run(args);
  }

  private Path photos() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("photos"));
    try (InputStream in = getClass().getResourceAsStream("/eyegan/eyecrop/photos/grace_hopper.jpg")) {
      Files.write(dir.resolve("grace_hopper.jpg"), in.readAllBytes());
    }
    return dir;
  }

  private static void assertUsageError(CliResult r, String message) {
    assertEquals(EyeganCommand.EXIT_USAGE, r.code(), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r.err());
  }

  @Test
  void aPortraitGivesTwoCropsACsvAndASheet() throws Exception {
    Path out = tmp.resolve("crops");
    Path sheet = tmp.resolve("sheet.png");
    CliResult r = run("prepare", "--data", photos().toString(), "--detect-eyes", "--out", out.toString(),
        "--grid", sheet.toString(), "--resolution", "64");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("2 crops from 1 faces in 1 files ("), r.out());
    assertTrue(Files.exists(out.resolve("grace_hopper-f0-left.png")));
    assertTrue(Files.exists(out.resolve("grace_hopper-f0-right.png")));
    assertTrue(Files.exists(out.resolve("crops.csv")));
    assertTrue(Files.exists(sheet));
  }

  @Test
  void aFolderWithFilesIsNotTouchedWithoutForce() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("crops"));
    Files.writeString(out.resolve("keep.txt"), "earlier results");
    CliResult r = run("prepare", "--data", photos().toString(), "--detect-eyes", "--out", out.toString(),
        "--grid", tmp.resolve("sheet.png").toString());
    assertUsageError(r, "is not empty");
    assertEquals("earlier results", Files.readString(out.resolve("keep.txt")));
    try (var files = Files.list(out)) {
      assertEquals(1, files.count());
    }
    assertFalse(Files.exists(tmp.resolve("sheet.png")));
  }

  @Test
  void badFlagsAreOneLineUsageErrors() throws Exception {
    String data = photos().toString();
    String out = tmp.resolve("crops").toString();
    assertUsageError(run("prepare", "--data", data, "--detect-eyes"), "--detect-eyes needs --out DIR");
    assertUsageError(run("prepare", "--data", data, "--out", out, "--min-score", "0.5"),
        "--out, --min-score only apply with --detect-eyes");
    assertUsageError(run("prepare", "--data", data, "--detect-eyes", "--out", out, "--crop-scale", "9"),
        "--crop-scale must be in 1..4");
    assertUsageError(run("prepare", "--data", data, "--detect-eyes", "--out", out, "--min-score", "1.5"),
        "--min-score must be between 0 and 1");
    assertUsageError(run("prepare", "--data", data, "--detect-eyes", "--out", out, "--fit", "pad"),
        "do not apply with --detect-eyes");
    assertUsageError(run("prepare", "--data", tmp.resolve("nowhere").toString(), "--detect-eyes", "--out", out),
        "does not exist");
    assertFalse(Files.exists(tmp.resolve("crops")));
  }

  @Test
  void helpNamesTheEyeFlags() {
    String help = run("prepare", "--help").out();
    for (String flag : new String[] {"--detect-eyes", "--out", "--min-score", "--min-eye-px", "--crop-scale",
        "--min-opening", "--force", "eyegan prepare --data ~/photos/portraits --detect-eyes"}) {
      assertTrue(help.contains(flag), flag);
    }
  }
}
