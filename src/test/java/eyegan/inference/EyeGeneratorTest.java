package eyegan.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.export.GeneratorExporter;
import eyegan.export.TinyRun;
import eyegan.image.RgbImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EyeGeneratorTest {
  /** Two runs of the same graph on the same input; batch size and threads must not matter. */
  private static final float TOLERANCE = 1e-5f;
  private static final int THREADS = 8;
  private static final int CALLS = 50;

  @TempDir static Path shared;
  private static Path base;
  private static EyeGenerator eyes;

  @BeforeAll
  static void exportAndLoad() throws IOException {
    TinyRun run = TinyRun.create(shared.resolve("run"));
    base = shared.resolve("models");
    new GeneratorExporter(w -> {}).exportRun(run.runDir, base, null);
    eyes = EyeGenerator.load(base);
  }

  @AfterAll
  static void close() {
    eyes.close();
  }

  @Test
  void loadsTheHighestVersionOfABasePathWithItsMetadata() {
    assertEquals(base.resolve("1"), eyes.path());
    assertEquals(32, eyes.resolution());
    assertEquals(100, eyes.noiseDim());
    assertEquals("tiny", eyes.info().preset());
    assertEquals(TinyRun.STEPS, eyes.info().trainingStep());
  }

  @Test
  void anySeedsInAnyOrderGiveEachSeedsOwnImage() {
    // the long[] overloads (what a predict request names) against the consecutive run of seeds 42..44
    byte[][] run = eyes.generatePng(3, 42);
    byte[][] picked = eyes.generatePng(new long[] {44, 42, 44});
    assertArrayEquals(run[2], picked[0]);
    assertArrayEquals(run[0], picked[1]);
    assertArrayEquals(run[2], picked[2]);
    int size = 32 * 32 * 3;
    float[] floats = eyes.generateFloats(3, 42);
    float[] one = eyes.generateFloats(new long[] {43});
    assertClose(floats, size, one, 0, size);
    assertArrayEquals(eyes.noise(3, 42)[1], eyes.noise(new long[] {43})[0]);
  }

  @Test
  void dynamicBatchOfOneAndSevenAgree() {
    float[][] noise = rows(TinyRun.gaussian(7, 100, 3), 7);
    float[] seven = eyes.generateFloats(noise);
    int size = 32 * 32 * 3;
    assertEquals(7 * size, seven.length);
    for (int i : new int[] {0, 3, 6}) {
      float[] one = eyes.generateFloats(new float[][] {noise[i]});
      assertEquals(size, one.length);
      assertClose(seven, i * size, one, 0, size);
    }
    RgbImages images = eyes.generate(noise);
    assertEquals(7, images.count());
    assertEquals(32, images.height());
  }

  @Test
  void seedPathEqualsFeedingTheSeedsNoise() {
    float[] bySeed = eyes.generateFloats(6, 500);
    float[] byNoise = eyes.generateFloats(eyes.noise(6, 500));
    assertClose(bySeed, 0, byNoise, 0, bySeed.length);
    assertNotEquals(eyes.noise(1, 500)[0][0], eyes.noise(1, 501)[0][0]);
  }

  @Test
  void pngSignatureDecodesToTheJavaPixels() throws IOException {
    int n = 20; // more than the loop's parallel iterations, so rows are written out of order
    byte[][] pngs = eyes.generatePng(n, -17);
    RgbImages api = eyes.generate(n, -17);
    RgbImages fromFloats = RgbImages.fromUnitRange(eyes.generateFloats(n, -17), n, 32, 32);
    assertArrayEquals(fromFloats.pixels(), api.pixels());
    for (int i = 0; i < n; i++) {
      BufferedImage png = ImageIO.read(new ByteArrayInputStream(pngs[i]));
      byte[] decoded = RgbImages.of(List.of(png)).pixels();
      byte[] expected = Arrays.copyOfRange(api.pixels(), i * api.imageBytes(), (i + 1) * api.imageBytes());
      assertArrayEquals(expected, decoded, "seed " + (-17 + i));
    }
  }

  @Test
  void requestsLargerThanOneBatchAreSplitWithoutChangingResults() {
    int n = EyeGenerator.MAX_BATCH + 3;
    float[] all = eyes.generateFloats(n, 9000);
    float[] tail = eyes.generateFloats(3, 9000 + EyeGenerator.MAX_BATCH);
    int size = 32 * 32 * 3;
    assertClose(all, EyeGenerator.MAX_BATCH * size, tail, 0, 3 * size);
  }

  @Test
  void eightThreadsShareOneGeneratorAndGetTheirOwnResults() throws Exception {
    float[][] expected = new float[THREADS * CALLS][];
    for (int t = 0; t < THREADS; t++) {
      for (int c = 0; c < CALLS; c++) {
        expected[t * CALLS + c] = call(t, c);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<float[][]>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<float[][]> work = () -> {
          float[][] got = new float[CALLS][];
          for (int c = 0; c < CALLS; c++) {
            got[c] = call(thread, c);
          }
          return got;
        };
        futures.add(pool.submit(work));
      }
      for (int t = 0; t < THREADS; t++) {
        float[][] got = futures.get(t).get();
        for (int c = 0; c < CALLS; c++) {
          float[] want = expected[t * CALLS + c];
          assertEquals(want.length, got[c].length, "thread " + t + " call " + c);
          assertClose(want, 0, got[c], 0, want.length);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A different request per (thread, call): seeds or fed noise, batch 1 to 3. */
  private static float[] call(int thread, int c) {
    int n = 1 + c % 3;
    long seed = 10_000L * thread + c;
    if (c % 2 == 0) {
      return eyes.generateFloats(n, seed);
    }
    return eyes.generateFloats(rows(TinyRun.gaussian(n, 100, seed), n));
  }

  @Test
  void truncationScalesTheSeedsNoiseTowardTheMean() {
    float[][] noise = eyes.noise(4, 7);
    float[] truncated = eyes.generateFloats(Latents.truncate(noise, 0.5));
    RgbImages viaApi = eyes.generate(4, 7, 0.5);
    assertArrayEquals(RgbImages.fromUnitRange(truncated, 4, 32, 32).pixels(), viaApi.pixels());
    assertArrayEquals(eyes.generate(4, 7).pixels(), eyes.generate(4, 7, 1.0).pixels());
    RgbImages mean = eyes.generate(3, 7, 0.0);
    byte[] p = mean.pixels();
    int one = mean.imageBytes();
    assertArrayEquals(Arrays.copyOfRange(p, 0, one), Arrays.copyOfRange(p, 2 * one, 3 * one));
    assertThrows(IllegalArgumentException.class, () -> eyes.generate(1, 7, 1.5));
    assertThrows(IllegalArgumentException.class, () -> eyes.generate(1, 7, Double.NaN));
  }

  @Test
  void interpolationRunsFromOneSeedsImageToTheOthers() {
    RgbImages walk = eyes.interpolate(5, 9, 6);
    assertEquals(6, walk.count());
    int one = walk.imageBytes();
    assertArrayEquals(eyes.generate(1, 5).pixels(), Arrays.copyOfRange(walk.pixels(), 0, one));
    byte[] last = Arrays.copyOfRange(walk.pixels(), 5 * one, 6 * one);
    byte[] target = eyes.generate(1, 9).pixels();
    for (int k = 0; k < one; k++) {
      // slerp's end point is b up to float rounding of its weights
      assertTrue(Math.abs((last[k] & 0xFF) - (target[k] & 0xFF)) <= 1, "byte " + k);
    }
    assertThrows(IllegalArgumentException.class, () -> eyes.interpolate(5, 9, 1));
  }

  @Test
  void wrongNoiseSizeIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> eyes.generate(new float[][] {new float[100], new float[99]}));
    assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("99") && e.getMessage().contains("100"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> eyes.generate(new float[0][]));
    assertThrows(IllegalArgumentException.class, () -> eyes.generate(0, 1));
  }

  @Test
  void foldersThatAreNotEyeganModelsAreClearErrors() throws IOException {
    Path missing = shared.resolve("nowhere");
    assertMessage(assertThrows(NotAnEyeganModelException.class, () -> EyeGenerator.load(missing)), missing, "does not exist");
    Path empty = Files.createDirectories(shared.resolve("empty"));
    assertMessage(assertThrows(NotAnEyeganModelException.class, () -> EyeGenerator.load(empty)), empty, "saved_model.pb");

    Path foreign = shared.resolve("foreign/1");
    copyTree(base.resolve("1"), foreign);
    deleteTree(foreign.resolve(ServingSignatures.ASSETS_EXTRA));
    assertMessage(assertThrows(NotAnEyeganModelException.class, () -> EyeGenerator.load(foreign.getParent())), foreign, "eyegan.json");

    Path broken = shared.resolve("broken/1");
    copyTree(base.resolve("1"), broken);
    Files.write(broken.resolve("saved_model.pb"), new byte[] {1, 2, 3});
    assertMessage(assertThrows(NotAnEyeganModelException.class, () -> EyeGenerator.load(broken)), broken, "TensorFlow cannot load");
  }

  @Test
  void closedGeneratorRefusesCalls() {
    EyeGenerator second = EyeGenerator.load(base);
    second.generate(1, 1);
    second.close();
    second.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> second.generate(1, 1));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void gridIsWrittenAsOnePng() throws IOException {
    Path file = shared.resolve("grid/eyes.png");
    EyeGenerator.writeGrid(eyes.generate(4, 1), file);
    BufferedImage grid = ImageIO.read(file.toFile());
    // 2 x 2 tiles of 32 px with a 2 px gutter around and between them
    assertEquals(2 + 2 * (32 + 2), grid.getWidth());
    assertEquals(2 + 2 * (32 + 2), grid.getHeight());
  }

  private static void assertMessage(Exception e, Path path, String what) {
    assertTrue(e.getMessage().contains(path.toString()) && e.getMessage().contains(what), e.getMessage());
  }

  private static float[][] rows(float[] flat, int n) {
    int d = flat.length / n;
    float[][] out = new float[n][d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * d, out[i], 0, d);
    }
    return out;
  }

  private static void assertClose(float[] expected, int from, float[] actual, int actualFrom, int count) {
    for (int k = 0; k < count; k++) {
      float diff = Math.abs(expected[from + k] - actual[actualFrom + k]);
      if (!(diff <= TOLERANCE)) {
        throw new AssertionError("element " + k + ": expected " + expected[from + k] + ", got " + actual[actualFrom + k]);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
