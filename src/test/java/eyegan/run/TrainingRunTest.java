package eyegan.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.UserInputException;
import eyegan.config.Preset;
import eyegan.config.TrainConfig;
import eyegan.config.TrainingOptionsFile;
import eyegan.synth.EyeFolders;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training-run service as the train command uses it: the record of a run and what resume checks. */
class TrainingRunTest {
  @TempDir Path tmp;

  private Path eyes(String name, long seed) {
    return EyeFolders.write(tmp.resolve(name), 8, seed, 32);
  }

  private static TrainConfig tiny(Path data, int epochs) {
    TrainConfig.Builder b = TrainConfig.fromPreset(Preset.TINY).toBuilder();
    b.dataDir = data.toString();
    b.epochs = epochs;
    b.exportAtEnd = false;
    b.tickSeconds = 0;
    return b.build();
  }

  private static TrainingRun.Result run(TrainConfig cfg, Path runDir, boolean resume, boolean allowDataChange) {
    return TrainingRun.run(new TrainingRun.Request(cfg, runDir, null, resume, true, allowDataChange, null),
        new PrintWriter(new StringWriter()));
  }

  @Test
  void recordsTheDataFingerprintAndRefusesOtherDataOnResume() {
    Path a = eyes("a", 1);
    Path b = eyes("b", 2);
    Path runDir = tmp.resolve("run");
    TrainingRun.Result first = run(tiny(a, 1), runDir, false, false);
    assertTrue(first.outcome().completed());
    TrainConfig recorded = TrainingOptionsFile.read(runDir);
    assertEquals(16, recorded.dataFingerprint().length());
    assertEquals("crop", recorded.fit());

    // The same images elsewhere resume fine: the fingerprint is of the decoded pixels, not the path.
    TrainConfig.Builder moved = recorded.toBuilder();
    moved.dataDir = eyes("a-copy", 1).toString();
    moved.epochs = 2;
    assertTrue(run(moved.build(), runDir, true, false).outcome().completed());

    TrainConfig.Builder other = TrainingOptionsFile.read(runDir).toBuilder();
    other.dataDir = b.toString();
    other.epochs = 3;
    UserInputException e = assertThrows(UserInputException.class, () -> run(other.build(), runDir, true, false));
    assertTrue(e.getMessage().contains("differ from what run") && e.getMessage().contains("--allow-data-change"),
        e.getMessage());
    assertEquals(2, TrainingOptionsFile.read(runDir).epochs(), "a refused resume changes nothing");

    assertTrue(run(other.build(), runDir, true, true).outcome().completed());
    assertNotEquals(recorded.dataFingerprint(), TrainingOptionsFile.read(runDir).dataFingerprint(),
        "a deliberate change records the new data");
  }
}
