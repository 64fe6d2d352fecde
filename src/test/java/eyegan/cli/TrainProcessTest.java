package eyegan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import eyegan.config.TrainConfig;
import eyegan.config.TrainingOptionsFile;
import eyegan.image.PngFiles;
import eyegan.image.RgbImages;
import eyegan.synth.SyntheticEyes;
import eyegan.train.CheckpointVariables;
import eyegan.train.Checkpoints;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eyegan train} as a separate process, stopped the way users stop it: a termination signal
 * (what Ctrl-C and {@code kill} send; the JVM runs the same shutdown hook) and {@code kill -9}.
 * Slow (several JVMs): {@code mvn test -Pfast} leaves it out.
 */
@Tag("slow")
class TrainProcessTest {
  /** tiny: 12 eyes x 2 with flips = 24 images, batch 8; a checkpoint every epoch. */
  private static final int STEPS_PER_EPOCH = 3;
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  private Path data;

  @BeforeEach
  void images() {
    data = tmp.resolve("eyes");
    RgbImages eyes = SyntheticEyes.render(12, 5, 32);
    for (int i = 0; i < eyes.count(); i++) {
      PngFiles.write(eyes.toBufferedImage(i), data.resolve("eye" + i + ".png"));
    }
  }

  /** The process's output goes to a file: destroying a process closes its pipes, a file stays readable. */
  private Path output;

  private Process start(Path runDir) throws Exception {
    return start(runDir, 100_000);
  }

  private Process start(Path runDir, int epochs) throws Exception {
    output = Files.createTempFile(tmp, "train", ".log");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), EyeganCommand.class.getName(),
        "train", "--preset", "tiny", "--data", data.toString(), "--run-dir", runDir.toString(),
        "--epochs", Integer.toString(epochs), "--tick-seconds", "0", "--no-export", "--swd-every", "0"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
    pb.environment().put("EYEGAN_CACHE_DIR", tmp.resolve("cache").toString());
    return pb.start();
  }

  /** Waits (up to two minutes) for a run to end by itself; it must succeed. */
  private void finish(Process p) throws Exception {
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "train did not finish: " + rest());
    assertEquals(0, p.exitValue(), rest());
  }

  /** Waits (up to a minute) until the output has a line containing {@code marker}; returns all lines. */
  private List<String> readUntil(Process p, String marker) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (System.nanoTime() < deadline) {
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(marker)) {
          return lines.subList(0, i + 1);
        }
      }
      if (!p.isAlive()) {
        throw new AssertionError("process ended before '" + marker + "': " + lines);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no '" + marker + "' within a minute: " + Files.readString(output));
  }

  private String rest() throws Exception {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  @Test
  void terminationSignalSavesACheckpointAndTheRunResumes() throws Exception {
    Path run = tmp.resolve("run");
    Process p = start(run);
    readUntil(p, "saved checkpoint ckpt-000000006"); // tiny: 24 images, batch 8 -> 3 steps per epoch
    Path firstOutput = output;

    // A second train on the same folder while the first runs is refused before it writes anything.
    Process second = start(run);
    assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second train ends by itself: " + rest());
    String refused = rest();
    assertEquals(2, second.exitValue(), refused);
    assertTrue(refused.contains("is being trained by another eyegan process (pid " + p.pid() + ")"), refused);
    assertFalse(refused.contains("resuming from"), refused);
    assertTrue(p.isAlive(), "the first run goes on");
    output = firstOutput;

    p.destroy(); // SIGTERM: the shutdown hook asks the loop to stop and waits for its checkpoint
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "train exits after the signal");
    String out = rest();
    assertTrue(out.contains("stop requested: saved"), "exit code " + p.exitValue() + ", output:\n" + out);
    long saved = new Checkpoints(run.resolve("checkpoints"), 3).list(w -> {}).get(0).meta().step();
    assertTrue(saved >= 6, "checkpoint at the stop, step " + saved);

    Process again = start(run);
    List<String> lines = readUntil(again, "resuming from");
    again.destroyForcibly();
    again.waitFor(30, TimeUnit.SECONDS);
    assertTrue(lines.get(lines.size() - 1).contains("step " + saved), lines.toString());
  }

  @Test
  void killNineLosesAtMostOneIntervalAndTheResumedRunEndsAsAnUninterruptedOne() throws Exception {
    Path run = tmp.resolve("killed");
    Process p = start(run);
    readUntil(p, "saved checkpoint ckpt-000000009");
    readUntil(p, "epoch     4"); // somewhere inside the next interval
    p.destroyForcibly(); // SIGKILL: no hook runs
    p.waitFor(30, TimeUnit.SECONDS);

    // The newest checkpoint is at most one interval (one epoch = 3 steps) behind the last step the
    // run reported; stats.jsonl is flushed after every step.
    long reported = lastReportedStep(run.resolve("stats.jsonl"));
    List<Checkpoints.Entry> left = new Checkpoints(run.resolve("checkpoints"), 3).list(w -> {});
    assertFalse(left.isEmpty());
    Checkpoints.Meta newest = left.get(0).meta();
    assertTrue(newest.step() >= 9, "the checkpoint seen before the kill survives: " + newest);
    assertTrue(newest.step() >= reported - STEPS_PER_EPOCH,
        "newest checkpoint at step " + newest.step() + ", last reported step " + reported);
    try (var files = Files.list(run.resolve("checkpoints"))) {
      assertTrue(files.allMatch(f -> f.getFileName().toString().startsWith("ckpt-")
          || f.getFileName().toString().startsWith(".tmp-")), "only checkpoints and hidden temporaries");
    }

    // Resumed to two epochs past the checkpoint, it ends exactly where a run that was never
    // interrupted ends.
    int epochs = newest.epoch() + 2;
    Process again = start(run, epochs);
    finish(again);
    String resumedLog = rest();
    assertTrue(resumedLog.contains("resuming from " + left.get(0).dir().getFileName()), resumedLog);
    assertFalse(resumedLog.contains("skipping checkpoint"), resumedLog);
    Path straight = tmp.resolve("straight");
    finish(start(straight, epochs));

    TrainConfig cfg = TrainingOptionsFile.read(straight);
    CheckpointVariables a = CheckpointVariables.newest(straight, cfg);
    CheckpointVariables b = CheckpointVariables.newest(run, cfg);
    assertEquals((long) epochs * STEPS_PER_EPOCH, a.meta().step());
    assertEquals(a.meta().step(), b.meta().step());
    a.assertSameAs(b, 1e-6f);
  }

  private static long lastReportedStep(Path stats) throws Exception {
    long step = -1;
    for (String line : Files.readAllLines(stats, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        step = Math.max(step, JSON.readTree(line).get("step").asLong());
      }
    }
    return step;
  }
}
