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
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

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

  private static TrainConfig config(int epochs, double maxMinutes) {
    TrainConfig.Builder b = TrainConfig.fromPreset(Preset.TINY).toBuilder();
    b.epochs = epochs;
    b.batchSize = 5; // 24 images per epoch -> batches of 5,5,5,5,4: the partial batch is exercised
    b.checkpointEvery = 1;
    b.tickSeconds = 0;
    b.maxMinutes = maxMinutes;
    b.gridSamples = 4;
    b.exportAtEnd = false;
    b.seed = 77;
    return b.build();
  }

  private static Trainer.Outcome train(Path dir, TrainConfig cfg) throws Exception {
    RgbImages images = fixture();
    EpochBatches batches = new EpochBatches(TrainingSet.withFlips(images), cfg.batchSize(), cfg.seed());
    RunDirectory run = RunDirectory.at(dir);
    try (RunLog log = new RunLog(new PrintWriter(new StringWriter()), run.log())) {
      return new Trainer(cfg, run, batches, images, log, new StopSignal()).run();
    }
  }

  /** Every variable (weights, Adam slots, counters) of the newest checkpoint in {@code dir}. */
  private static List<float[]> checkpointWeights(Path dir, TrainConfig cfg) {
    try (Graph g = new Graph()) {
      TrainingGraph tg = new TrainingGraph(g, cfg.model(),
          new Hyperparameters(cfg.learningRate(), cfg.beta1(), cfg.beta2(), cfg.epsilon()), 0);
      try (Session s = new Session(g)) {
        new Checkpoints(dir.resolve("checkpoints"), 3).restoreLatest(s, w -> {}).orElseThrow();
        List<Variable<TFloat32>> vars = new ArrayList<>(tg.generator().trainableVariables());
        vars.addAll(tg.generator().nonTrainableVariables());
        vars.addAll(tg.discriminator().trainableVariables());
        List<float[]> out = new ArrayList<>();
        for (Variable<TFloat32> v : vars) {
          try (TFloat32 t = (TFloat32) s.runner().fetch(v).run().get(0)) {
            float[] a = new float[(int) t.size()];
            t.copyTo(DataBuffers.of(a, false, false));
            out.add(a);
          }
        }
        return out;
      }
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
    Trainer.Outcome a = train(straight, config(3, 0));
    assertTrue(a.completed());
    assertEquals(15, a.step(), "3 epochs x 5 batches");

    // Interrupted twice: once mid-epoch (the time limit hits after the first step), once at an
    // epoch boundary; then resumed to the same 3 epochs.
    Path interrupted = tmp.resolve("interrupted");
    Trainer.Outcome b1 = train(interrupted, config(3, 1e-9));
    assertFalse(b1.completed());
    assertTrue(b1.step() < 5, "stopped inside the first epoch, at step " + b1.step());
    Trainer.Outcome b2 = train(interrupted, config(2, 0));
    assertEquals(10, b2.step());
    Trainer.Outcome b3 = train(interrupted, config(3, 0));
    assertTrue(b3.completed());
    assertEquals(15, b3.step(), "step numbering continued");

    List<float[]> wa = checkpointWeights(straight, config(3, 0));
    List<float[]> wb = checkpointWeights(interrupted, config(3, 0));
    for (int i = 0; i < wa.size(); i++) {
      assertArrayEquals(wa.get(i), wb.get(i), 1e-6f, "variable " + i);
    }
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
  void corruptNewestCheckpointFallsBackToTheOlderOne() throws Exception {
    Path dir = tmp.resolve("run");
    TrainConfig cfg = config(2, 0);
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
    Trainer.Outcome resumed = train(dir, config(2, 0));
    assertEquals(10, resumed.step());
    assertTrue(Files.readString(dir.resolve("log.txt")).contains("skipping checkpoint ckpt-000000010"));
  }

  @Test
  void divergenceStopsWithoutTouchingTheLastGoodCheckpoint() throws Exception {
    Path dir = tmp.resolve("diverge");
    train(dir, config(1, 0));
    Path good = dir.resolve("checkpoints/ckpt-000000005");
    byte[] before = Files.readAllBytes(good.resolve("variables.index"));
    TrainConfig.Builder wild = config(3, 0).toBuilder();
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
    train(dir, config(1, 0));
    try (var files = Files.list(dir.resolve("checkpoints"))) {
      assertEquals(List.of("ckpt-000000005"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    JSON.readTree(dir.resolve("checkpoints/ckpt-000000005/meta.json").toFile());
  }
}
