package eyegan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.image.PngFiles;
import eyegan.image.RgbImages;
import eyegan.synth.SyntheticEyes;
import eyegan.train.Checkpoints;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eyegan train} as a separate process, stopped the way users stop it: a termination signal
 * (what Ctrl-C and {@code kill} send; the JVM runs the same shutdown hook) and {@code kill -9}.
 */
class TrainProcessTest {
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
    output = Files.createTempFile(tmp, "train", ".log");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), EyeganCommand.class.getName(),
        "train", "--preset", "tiny", "--data", data.toString(), "--run-dir", runDir.toString(),
        "--epochs", "100000", "--tick-seconds", "0", "--no-export", "--swd-every", "0"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
    pb.environment().put("EYEGAN_CACHE_DIR", tmp.resolve("cache").toString());
    return pb.start();
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
    p.destroy(); // SIGTERM: the shutdown hook asks the loop to stop and waits for its checkpoint
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "train exits after the signal");
    String out = rest();
    assertTrue(out.contains("stop requested: saved"), out);
    long saved = new Checkpoints(run.resolve("checkpoints"), 3).list(w -> {}).get(0).meta().step();
    assertTrue(saved >= 6, "checkpoint at the stop, step " + saved);

    Process again = start(run);
    List<String> lines = readUntil(again, "resuming from");
    again.destroyForcibly();
    again.waitFor(30, TimeUnit.SECONDS);
    assertTrue(lines.get(lines.size() - 1).contains("step " + saved), lines.toString());
  }

  @Test
  void killNineLosesAtMostTheCurrentIntervalAndNeverACheckpoint() throws Exception {
    Path run = tmp.resolve("killed");
    Process p = start(run);
    readUntil(p, "saved checkpoint ckpt-000000009");
    readUntil(p, "epoch     4"); // somewhere inside the next interval
    p.destroyForcibly(); // SIGKILL: no hook runs
    p.waitFor(30, TimeUnit.SECONDS);
    List<Checkpoints.Entry> left = new Checkpoints(run.resolve("checkpoints"), 3).list(w -> {});
    assertFalse(left.isEmpty());
    try (var files = Files.list(run.resolve("checkpoints"))) {
      assertTrue(files.allMatch(f -> f.getFileName().toString().startsWith("ckpt-")
          || f.getFileName().toString().startsWith(".tmp-")), "only checkpoints and hidden temporaries");
    }
    Process again = start(run);
    List<String> lines = readUntil(again, "resuming from");
    readUntil(again, "saved checkpoint");
    again.destroyForcibly();
    again.waitFor(30, TimeUnit.SECONDS);
    String resumed = lines.get(lines.size() - 1);
    assertTrue(resumed.contains(left.get(0).dir().getFileName().toString()), resumed);
    assertEquals(List.of(), lines.stream().filter(l -> l.contains("skipping checkpoint")).toList());
  }
}
