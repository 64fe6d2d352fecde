package eyegan.cli;

import static eyegan.cli.CommandLineTest.eyegan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.TrainConfig;
import eyegan.config.TrainingOptionsFile;
import eyegan.synth.EyeFolders;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run sized to a time budget records its epochs, and resuming keeps them. */
class ScheduleSizingTest {
  @TempDir Path tmp;
  private Path data;

  @BeforeEach
  void images() {
    data = EyeFolders.write(tmp.resolve("eyes"), 12, 5, 32);
  }

  private CliResult train(Path run, String... more) {
    String[] base = {"train", "--preset", "tiny", "--data", data.toString(), "--run-dir", run.toString(),
        "--no-export", "--swd-every", "0", "--tick-seconds", "0"};
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return eyegan(all);
  }

  @Test
  void sizedEpochsAreRecordedAndResumeKeepsThem() {
    Path run = tmp.resolve("run");
    // The test JVM started long before, so a 0.6 s budget is already spent when the first 15 steps
    // are timed: the run finishes the epoch under way. 24 images (12 + flips) / batch 8 = 3 steps per
    // epoch, so step 15 ends epoch 5.
    CliResult r = train(run, "--minutes", "0.01");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("schedule: 5 epochs (15 steps) to end within 0.0 min"), r.out());
    TrainConfig saved = TrainingOptionsFile.read(run);
    assertEquals(5, saved.epochs());
    assertEquals(0.01, saved.budgetMinutes(), 1e-12);
    assertTrue(r.out().contains("done: 5 epochs, 15 steps"), r.out());

    CliResult again = train(run, "--minutes", "3");
    assertEquals(2, again.code());
    assertTrue(again.err().contains("--minutes sizes a new run") && again.err().contains("5 epochs"), again.err());

    CliResult extended = eyegan("train", "--run-dir", run.toString(), "--epochs", "6", "--no-export");
    assertEquals(0, extended.code(), extended.err());
    assertTrue(extended.out().contains("done: 6 epochs, 18 steps"), extended.out());
    assertEquals(6, TrainingOptionsFile.read(run).epochs());
  }

  @Test
  void explicitEpochsWinOverMinutes() {
    Path run = tmp.resolve("fixed");
    CliResult r = train(run, "--epochs", "2", "--minutes", "5");
    assertEquals(0, r.code(), r.err());
    assertTrue(!r.out().contains("schedule:"), r.out());
    assertEquals(2, TrainingOptionsFile.read(run).epochs());
    assertEquals(0, TrainingOptionsFile.read(run).budgetMinutes());
  }

  @Test
  void theCpuPresetTrainsBudgetsOverHalfAnHourAtTheSlowerRateUnlessLrIsGiven() {
    // Stopped right after the schedule is sized: the rate is recorded when the run starts.
    Path run = tmp.resolve("long");
    CliResult r = cpuFor40Minutes(run);
    assertEquals(0, r.code(), r.err());
    assertEquals(2e-4f, TrainingOptionsFile.read(run).learningRate(), "the DCGAN paper's rate above 30 minutes");
    assertTrue(r.out().contains("learning rate 2e-04 for a budget over 30 minutes (the cpu preset's 4e-04 suits"), r.out());
    Path given = tmp.resolve("long-lr");
    CliResult withLr = cpuFor40Minutes(given, "--lr", "3e-4");
    assertEquals(0, withLr.code(), withLr.err());
    assertEquals(3e-4f, TrainingOptionsFile.read(given).learningRate(), "--lr wins");
    assertTrue(!withLr.out().contains("for a budget over"), withLr.out());
  }

  private CliResult cpuFor40Minutes(Path run, String... more) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", "--preset", "cpu", "--data",
        data.toString(), "--run-dir", run.toString(), "--no-export", "--swd-every", "0", "--minutes", "40",
        "--max-minutes", "0.01"));
    args.addAll(java.util.List.of(more));
    return eyegan(args.toArray(String[]::new));
  }

  @Test
  void badMinutesAreUsageErrors() {
    for (String m : new String[] {"0", "-1", "NaN"}) {
      CliResult r = train(tmp.resolve("bad" + m), "--minutes", m);
      assertEquals(2, r.code(), m + ": " + r.err());
      assertTrue(r.err().contains("--minutes"), r.err());
    }
  }
}
