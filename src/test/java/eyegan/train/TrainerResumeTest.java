package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import eyegan.EyeganException;
import eyegan.config.Preset;
import eyegan.config.TrainConfig;
import eyegan.data.EpochBatches;
import eyegan.data.TrainingSet;
import eyegan.image.RgbImages;
import eyegan.report.StatsFile;
import eyegan.report.TrainingTick;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;

/** Interrupted runs continue exactly where an uninterrupted run would be. */
class TrainerResumeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  /** 12 images of 32 px: coloured discs on a light background, different per image. */
  private static RgbImages fixture() {
    Random r = new Random(11);
    int n = 12;
    int s = 32;
    byte[] px = new byte[n * s * s * 3];
    for (int i = 0; i < n; i++) {
      int cx = 8 + r.nextInt(16);
      int cy = 8 + r.nextInt(16);
      int rad = 4 + r.nextInt(6);
      int[] col = {r.nextInt(256), r.nextInt(256), r.nextInt(256)};
      for (int y = 0; y < s; y++) {
        for (int x = 0; x < s; x++) {
          boolean in = (x - cx) * (x - cx) + (y - cy) * (y - cy) < rad * rad;
          for (int c = 0; c < 3; c++) {
            px[((i * s + y) * s + x) * 3 + c] = (byte) (in ? col[c] : 220);
          }
        }
      }
    }
    return new RgbImages(n, s, s, px);
  }

  private static TrainConfig config(int epochs) {
    TrainConfig.Builder b = TrainConfig.fromPreset(Preset.TINY).toBuilder();
    b.epochs = epochs;
    b.batchSize = 5; // 24 images per epoch -> batches of 5,5,5,5,4: the partial batch is exercised
    b.checkpointEvery = 1;
    b.tickSeconds = 0;
    b.gridSamples = 4;
    b.exportAtEnd = false;
    b.seed = 77;
    return b.build();
  }

  private static Trainer.Outcome train(Path dir, TrainConfig cfg) throws Exception {
    return train(dir, cfg, new StopSignal());
  }

  private static Trainer.Outcome train(Path dir, TrainConfig cfg, StopSignal stop) throws Exception {
    RgbImages images = fixture();
    EpochBatches batches = new EpochBatches(TrainingSet.withFlips(images), cfg.batchSize(), cfg.seed());
    RunDirectory run = RunDirectory.at(dir);
    try (RunLog log = new RunLog(new PrintWriter(new StringWriter()), run.log())) {
      return new Trainer(cfg, run, batches, images, log, stop).run();
    }
  }

  private static List<Long> steps(Path stats) throws Exception {
    List<Long> steps = new ArrayList<>();
    for (String line : Files.readAllLines(stats)) {
      steps.add(JSON.readTree(line).get("step").asLong());
    }
    return steps;
  }

  @Test
  void resumedRunMatchesUninterruptedRun() throws Exception {
    Path straight = tmp.resolve("straight");
    Trainer.Outcome a = train(straight, config(3));
    assertTrue(a.completed());
    assertEquals(15, a.step(), "3 epochs x 5 batches");

    // Interrupted three times: after exactly 3 steps (mid-epoch, before any checkpoint existed), at
    // the end of a shorter schedule (an epoch boundary), and after exactly 12 steps (mid-epoch 3);
    // then resumed to the same 3 epochs.
    Path interrupted = tmp.resolve("interrupted");
    Trainer.Outcome b1 = train(interrupted, config(3), new StopSignal().atStep(3));
    assertFalse(b1.completed());
    assertEquals(List.of(3L, 0, 3), List.of(b1.step(), b1.epoch(), b1.batch()), "step, epoch, batch");
    Trainer.Outcome b2 = train(interrupted, config(2));
    assertTrue(b2.completed());
    assertEquals(10, b2.step());
    Trainer.Outcome b3 = train(interrupted, config(3), new StopSignal().atStep(12));
    assertFalse(b3.completed());
    assertEquals(List.of(12L, 2, 2), List.of(b3.step(), b3.epoch(), b3.batch()), "step, epoch, batch");
    Trainer.Outcome b4 = train(interrupted, config(3));
    assertTrue(b4.completed());
    assertEquals(15, b4.step(), "step numbering continued");

    // Everything a checkpoint holds is equal: weights, moving statistics, Adam moments, counters.
    CheckpointVariables wa = CheckpointVariables.newest(straight, config(3));
    CheckpointVariables wb = CheckpointVariables.newest(interrupted, config(3));
    assertEquals(wa.meta().step(), wb.meta().step());
    wa.assertSameAs(wb, 1e-6f);
    List<Long> stepsB = steps(interrupted.resolve("stats.jsonl"));
    for (int i = 1; i < stepsB.size(); i++) {
      assertTrue(stepsB.get(i) > stepsB.get(i - 1), "stats steps strictly increase after resumes: " + stepsB);
    }
    assertEquals(15L, stepsB.get(stepsB.size() - 1));
    assertTrue(Files.exists(interrupted.resolve("fakes000003.png")));
    assertTrue(Files.exists(interrupted.resolve("fakes_init.png")));
    assertTrue(Files.exists(interrupted.resolve("reals.png")));
  }

  @Test
  void aRunWithDecayingRatesResumesOnTheSameSchedule() throws Exception {
    TrainConfig.Builder b = config(3).toBuilder();
    b.lrDecay = 0.5; // 15 steps: the rates fall over steps 8..14
    TrainConfig decayed = b.build();
    Path straight = tmp.resolve("decay-straight");
    assertTrue(train(straight, decayed).completed());
    Path interrupted = tmp.resolve("decay-interrupted");
    assertFalse(train(interrupted, decayed, new StopSignal().atStep(11)).completed(), "stopped inside the decay");
    assertTrue(train(interrupted, decayed).completed());
    CheckpointVariables wa = CheckpointVariables.newest(straight, decayed);
    wa.assertSameAs(CheckpointVariables.newest(interrupted, decayed), 1e-6f);

    // The decay is not a no-op: the same run at constant rates ends with other weights.
    Path constant = tmp.resolve("decay-constant");
    assertTrue(train(constant, config(3)).completed());
    assertThrows(AssertionError.class, () -> wa.assertSameAs(CheckpointVariables.newest(constant, config(3)), 1e-6f));
  }

  @Test
  void anAlternatingRunWithAdaptiveAugmentationResumesExactly() throws Exception {
    TrainConfig.Builder b = config(3).toBuilder();
    b.stepOrder = TrainConfig.ALTERNATING;
    b.augment = "translation,cutout";
    b.adaTarget = 0.05; // D soon tells white discs from G's output: r > 0.05, p rises
    b.adaKimg = 0.1; // 100 images per unit of p: +0.2 per adjustment of 4 steps of 5 images
    TrainConfig ada = b.build();
    Path straight = tmp.resolve("ada-straight");
    assertTrue(train(straight, ada).completed());
    // Stopped at step 6, inside the second adjustment interval: the partial sums must survive.
    Path interrupted = tmp.resolve("ada-interrupted");
    assertFalse(train(interrupted, ada, new StopSignal().atStep(6)).completed());
    assertTrue(train(interrupted, ada).completed());
    CheckpointVariables wa = CheckpointVariables.newest(straight, ada);
    wa.assertSameAs(CheckpointVariables.newest(interrupted, ada), 1e-6f);
    float p = wa.floats("ada_p")[0];
    assertTrue(p > 0.1f, "p moved during the run: " + p);
    List<TrainingTick> ticks = StatsFile.read(straight.resolve("stats.jsonl")).ticks();
    assertFalse(ticks.isEmpty());
    for (TrainingTick t : ticks) {
      assertTrue(t.adaP() >= 0 && t.adaP() <= 1 && t.adaR() >= -1 && t.adaR() <= 1, "p and r recorded in range: " + t);
    }
  }

  @Test
  void aRunWithLazyR1ResumesExactlyAndCountsItsSteps() throws Exception {
    TrainConfig.Builder b = config(3).toBuilder();
    b.r1Gamma = 1;
    b.r1Every = 4; // R1 before steps 0, 4, 8 and 12 of the 15
    TrainConfig r1 = b.build();
    Path straight = tmp.resolve("r1-straight");
    assertTrue(train(straight, r1).completed());
    Path interrupted = tmp.resolve("r1-interrupted");
    assertFalse(train(interrupted, r1, new StopSignal().atStep(6)).completed());
    assertTrue(train(interrupted, r1).completed());
    CheckpointVariables wa = CheckpointVariables.newest(straight, r1);
    wa.assertSameAs(CheckpointVariables.newest(interrupted, r1), 1e-6f);
    // D's optimiser took the 15 regular steps and the 4 lazy R1 steps; G's only the regular ones.
    assertEquals(19L, wa.longs(TrainingGraph.DISC_ADAM + "_iterations")[0]);
    assertEquals(15L, wa.longs(TrainingGraph.GEN_ADAM + "_iterations")[0]);
    // The penalty changes the run: the same run without it ends with other weights.
    Path plain = tmp.resolve("r1-plain");
    assertTrue(train(plain, config(3)).completed());
    assertThrows(AssertionError.class, () -> wa.assertSameAs(CheckpointVariables.newest(plain, config(3)), 1e-6f));
  }

  @Test
  void stopAfterExactlyKStepsSavesThatStep() throws Exception {
    Path dir = tmp.resolve("stopped");
    Trainer.Outcome o = train(dir, config(3), new StopSignal().atStep(7));
    assertEquals(7, o.step());
    assertTrue(o.lastCheckpoint().endsWith("ckpt-000000007"), o.lastCheckpoint().toString());
    Checkpoints.Meta m = new Checkpoints(dir.resolve("checkpoints"), 3).list(w -> {}).get(0).meta();
    assertEquals(List.of(7L, 1, 2), List.of(m.step(), m.epoch(), m.batch()), "second epoch, after its second batch");
  }

  @Test
  void aPassedTimeLimitStopsBeforeTheFirstStepWithACheckpoint() throws Exception {
    Path dir = tmp.resolve("deadline");
    TrainConfig.Builder b = config(3).toBuilder();
    b.maxMinutes = 1e-9; // 60 ns: over before the loop looks at the clock
    Trainer.Outcome o = train(dir, b.build());
    assertFalse(o.completed());
    assertEquals(0, o.step());
    assertTrue(o.lastCheckpoint().endsWith("ckpt-000000000"), o.lastCheckpoint().toString());
    assertTrue(Files.readString(dir.resolve("log.txt")).contains("--max-minutes reached"));
  }

  @Test
  void corruptNewestCheckpointFallsBackToTheOlderOne() throws Exception {
    Path dir = tmp.resolve("run");
    TrainConfig cfg = config(2);
    train(dir, cfg);
    Checkpoints ck = new Checkpoints(dir.resolve("checkpoints"), 3);
    List<Checkpoints.Entry> entries = ck.list(w -> {});
    assertEquals(List.of(10L, 5L), entries.stream().map(e -> e.meta().step()).toList());
    // Garble the newest checkpoint's data file, as a disk error would.
    Path data;
    try (var files = Files.list(entries.get(0).dir())) {
      data = files.filter(p -> p.getFileName().toString().startsWith("variables.data")).findFirst().orElseThrow();
    }
    Files.write(data, new byte[] {1, 2, 3});

    List<String> warnings = new ArrayList<>();
    try (Graph g = new Graph()) {
      new TrainingGraph(g, cfg.model(), new Hyperparameters(1e-4f, 0.9f, 0.999f, 1e-7f), 0);
      try (Session s = new Session(g)) {
        Checkpoints.Entry restored = ck.restoreLatest(s, warnings::add).orElseThrow();
        assertEquals(5L, restored.meta().step());
      }
    }
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("ckpt-000000010"), warnings.get(0));

    // A resumed run starts from step 5 and redoes epoch 2.
    Trainer.Outcome resumed = train(dir, config(2));
    assertEquals(10, resumed.step());
    assertTrue(Files.readString(dir.resolve("log.txt")).contains("skipping checkpoint ckpt-000000010"));
  }

  @Test
  void divergenceStopsWithoutTouchingTheLastGoodCheckpoint() throws Exception {
    Path dir = tmp.resolve("diverge");
    train(dir, config(1));
    Path good = dir.resolve("checkpoints/ckpt-000000005");
    byte[] before = Files.readAllBytes(good.resolve("variables.index"));
    TrainConfig.Builder wild = config(3).toBuilder();
    wild.learningRate = 1e30f; // Adam steps of 1e30 overflow float32 within a step or two
    EyeganException e = assertThrows(EyeganException.class, () -> train(dir, wild.build()));
    assertTrue(e.getMessage().contains("diverged"), e.getMessage());
    assertTrue(e.getMessage().contains(good.toString()), "names the last good checkpoint: " + e.getMessage());
    try (var files = Files.list(dir.resolve("checkpoints"))) {
      assertEquals(List.of("ckpt-000000005"), files.map(p -> p.getFileName().toString()).toList());
    }
    assertArrayEquals(before, Files.readAllBytes(good.resolve("variables.index")));
  }

  @Test
  void checkpointWriteLeavesNoTemporaryFolders() throws Exception {
    Path dir = tmp.resolve("clean");
    train(dir, config(1));
    try (var files = Files.list(dir.resolve("checkpoints"))) {
      assertEquals(List.of("ckpt-000000005"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    JSON.readTree(dir.resolve("checkpoints/ckpt-000000005/meta.json").toFile());
  }
}
