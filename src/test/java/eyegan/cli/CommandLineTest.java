package eyegan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.Preset;
import eyegan.config.TrainConfig;
import eyegan.config.TrainingOptionsFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Exit codes and messages of the command line, run in-process. */
class CommandLineTest {
  @TempDir Path tmp;


  static CliResult eyegan(String... args) {
    return CliResult.run(args);
  }

  @Test
  void versionAndHelp() {
    CliResult v = eyegan("--version");
    assertEquals(0, v.code());
    assertTrue(v.out().startsWith("eyegan "), v.out());
    CliResult h = eyegan("train", "--help");
    assertEquals(0, h.code());
    assertTrue(h.out().contains("Example"), "help shows an example");
    assertTrue(h.out().contains("--max-minutes"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "train --bogus",
    "train --epochs nine",
    "train --preset huge",
    "train --epochs 0 --data .",
    "train --batch -3 --data .",
    "train --resolution 100 --data .",
    "train --fit squash --data .",
    "train --pad --fit stretch --data .",
    "prepare --data . --fit squash",
    "summary --preset nope",
    "bench --upsampling sideways --skip-inference --skip-data",
    "train --upsampling sideways --data .",
    "train --augment colour --data .",
    "train --lr-decay 1.5 --data .",
    "train --lr-decay -0.1 --data .",
    "train --step sideways --data .",
    "train --ada-target 1.5 --data .",
    "train --ada-target 0.6 --augment none --data .",
    "train --ada-kimg 0 --ada-target 0.6 --data .",
    "train --g-widths 64,0,16 --data .",
    "train --d-widths x --data .",
    "train --bn-momentum 1 --data .",
    "train --bn-epsilon 0 --data .",
    "train --init lecun --data .",
    "train --r1-gamma -1 --data .",
    "train --r1-gamma 0.05 --r1-every 0 --data .",
    "train --dropout 1 --data .",
    "train --minibatch-std -1 --data .",
    "train --minibatch-std 4 --r1-gamma 0.05 --data .",
    "train --loss wasserstein --data .",
    "report",
    "report --sweeps nowhere-a,nowhere-b",
    "frobnicate"
  })
  void badFlagsExitTwoWithOneClearLine(String line) {
    CliResult r = eyegan(line.split(" "));
    assertEquals(2, r.code(), r.err());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith("eyegan: "), first);
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void missingDataFolderIsAUsageError() {
    CliResult r = eyegan("train", "--preset", "tiny", "--data", tmp.resolve("nowhere").toString(), "--runs", tmp.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("nowhere"), r.err());
  }

  @Test
  void resumingCannotChangeTheModel() throws Exception {
    Path run = tmp.resolve("run");
    Files.createDirectories(run);
    TrainingOptionsFile.write(run, TrainConfig.fromPreset(Preset.TINY));
    CliResult r = eyegan("train", "--run-dir", run.toString(), "--lr", "0.1");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("fixed for a run"), r.err());
    CliResult decay = eyegan("train", "--run-dir", run.toString(), "--lr-decay", "0.2");
    assertEquals(2, decay.code(), decay.err());
    assertTrue(decay.err().contains("fixed for a run"), decay.err());
    for (String[] flag : new String[][] {{"--step", "alternating"}, {"--ada-target", "0.6"}, {"--g-widths", "8,4,2,1"},
        {"--init", "fan-in"}, {"--bn-momentum", "0.9"}, {"--r1-gamma", "0.05"}, {"--dropout", "0"},
        {"--loss", "hinge"}, {"--minibatch-std", "4"}}) {
      CliResult changed = eyegan("train", "--run-dir", run.toString(), flag[0], flag[1]);
      assertEquals(2, changed.code(), changed.err());
      assertTrue(changed.err().contains("fixed for a run"), flag[0] + ": " + changed.err());
    }
  }

  @Test
  void aFolderThatIsNotARunIsNotTrainedInto() throws Exception {
    Path other = tmp.resolve("holiday-photos");
    Files.createDirectories(other);
    Files.writeString(other.resolve("notes.txt"), "keep me");
    CliResult r = eyegan("train", "--preset", "tiny", "--data", tmp.toString(), "--run-dir", other.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("not empty"), r.err());
    try (var files = Files.list(other)) {
      assertEquals(1, files.count(), "nothing was written into it");
    }
  }

  @Test
  void brokenOptionsFileIsNamed() throws Exception {
    Path run = tmp.resolve("broken");
    Files.createDirectories(run);
    Files.writeString(run.resolve("training_options.json"), "{\"preset\":\"tiny\"}");
    CliResult r = eyegan("train", "--run-dir", run.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("training_options.json"), r.err());
  }
}
