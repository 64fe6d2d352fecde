package eyegan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.EyeganException;
import eyegan.UserInputException;
import eyegan.config.TrainingOptionsFile;
import eyegan.image.RgbImages;
import eyegan.inference.EyeGenerator;
import eyegan.inference.ModelInfo;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;

class GeneratorExporterTest {
  private static final int ROWS = 7;
  private static final long FIRST_SEED = 42;
  private static final int SEED_COUNT = 5;
  /** Same ops, same inputs, same CPU kernels: the serving graph reproduces training's inference output. */
  private static final float SAME_GRAPH_TOLERANCE = 1e-5f;

  @TempDir static Path shared;
  private static TinyRun run;
  private static GeneratorExporter.Exported first;

  @BeforeAll
  static void trainAndExport() throws IOException {
    run = TinyRun.create(shared.resolve("run"));
    first = new GeneratorExporter(w -> {}).exportRun(run.runDir, shared.resolve("models"), null);
  }

  @Test
  void exportLandsInVersionOneWithServingLayoutAndMetadata() throws IOException {
    Path v = first.versionDir();
    assertEquals(shared.resolve("models").resolve("1"), v);
    assertTrue(Files.isRegularFile(v.resolve("saved_model.pb")));
    assertTrue(Files.isRegularFile(v.resolve("variables/variables.index")));
    ModelInfo info = ModelInfo.read(v.resolve("assets.extra/eyegan.json"));
    assertEquals("tiny", info.preset());
    assertEquals(run.config.model().resolution(), info.resolution());
    assertEquals(100, info.noiseDim());
    assertEquals(TinyRun.STEPS, info.trainingStep());
    assertEquals("ckpt-000000003", info.checkpoint());
    assertEquals(List.of("serving_default", "generate_png", "generate_from_seeds"), List.copyOf(info.signatures().keySet()));
    MetaGraphDef meta = savedModel(v).getMetaGraphs(0);
    assertEquals(List.of("serve"), meta.getMetaInfoDef().getTagsList());
    // a server running as another user must be able to read it: same permissions as any new folder
    Path plain = Files.createDirectory(shared.resolve("plain-folder"));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(v));
  }

  @Test
  void exportHoldsOnlyTheGeneratorsVariables() throws IOException {
    List<String> variables = new ArrayList<>();
    for (NodeDef node : savedModel(first.versionDir()).getMetaGraphs(0).getGraphDef().getNodeList()) {
      if (node.getOp().startsWith("Variable")) {
        variables.add(node.getName());
      }
    }
    // tiny G: dense kernel + its BN (4), four transposed-conv kernels, three conv BNs (4 each)
    assertEquals(1 + 4 + 4 + 3 * 4, variables.size(), variables.toString());
    assertTrue(variables.stream().allMatch(n -> n.startsWith("gen_")), variables.toString());
  }

  @Test
  void pngLoopIsMarkedForParallelIterations() throws IOException {
    NodeDef loop = savedModel(first.versionDir()).getMetaGraphs(0).getGraphDef().getNodeList().stream()
        .filter(n -> n.getOp().equals("StatelessWhile")).findFirst().orElseThrow();
    assertTrue(loop.getAttrOrThrow(PngBatchEncoder.LOWER_USING_SWITCH_MERGE).getB());
    assertEquals(PngBatchEncoder.PARALLEL_ITERATIONS, loop.getAttrOrThrow("parallel_iterations").getI());
  }

  @Test
  @Tag("slow") // a second JVM
  void freshJvmWithPlainTensorFlowReproducesTrainingGraphAndJavaApi() throws Exception {
    int d = run.config.model().noiseDim();
    int r = run.config.model().resolution();
    int size = r * r * 3;
    float[] noise = TinyRun.gaussian(ROWS, d, 7);
    Path noiseFile = shared.resolve("noise.bin");
    try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(noiseFile))) {
      o.writeInt(ROWS);
      o.writeInt(d);
      for (float v : noise) {
        o.writeFloat(v);
      }
    }
    Path out = shared.resolve("client-out");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        PlainSavedModelClient.class.getName(), first.versionDir().toString(), noiseFile.toString(), out.toString()));
    for (int i = 0; i < SEED_COUNT; i++) {
      cmd.add(Long.toString(FIRST_SEED + i));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    Process p = pb.start();
    String log;
    try (InputStream in = p.getInputStream()) {
      log = new String(in.readAllBytes());
    }
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "client did not finish");
    assertEquals(0, p.exitValue(), log);

    List<String> signatures = Files.readAllLines(out.resolve("signatures.txt"));
    assertTrue(signatures.contains("serving_default [noise] -> [images]"), signatures.toString());
    assertTrue(signatures.contains("generate_png [seeds] -> [png_bytes]"), signatures.toString());

    float[] reference = run.trainingGraphImages(noise, ROWS);
    float[] batch = readFloats(out.resolve("images-batch.bin"));
    assertEquals(ROWS * size, batch.length);
    assertClose(reference, 0, batch, 0, ROWS * size, SAME_GRAPH_TOLERANCE);
    float[] single = readFloats(out.resolve("images-single.bin"));
    assertEquals(size, single.length);
    assertClose(reference, 0, single, 0, size, SAME_GRAPH_TOLERANCE);

    float[] seedNoise = readFloats(out.resolve("seed-noise.bin"));
    for (int i = 0; i < SEED_COUNT; i++) {
      float[] expected = SeedNoiseReference.noise(FIRST_SEED + i, d);
      assertClose(expected, 0, seedNoise, i * d, d, 1e-6f);
    }

    try (EyeGenerator g = EyeGenerator.load(shared.resolve("models"))) {
      RgbImages api = g.generate(SEED_COUNT, FIRST_SEED);
      for (int i = 0; i < SEED_COUNT; i++) {
        BufferedImage png = ImageIO.read(out.resolve("png-" + i + ".png").toFile());
        assertEquals(r, png.getWidth());
        for (int y = 0; y < r; y++) {
          for (int x = 0; x < r; x++) {
            int rgb = png.getRGB(x, y);
            assertEquals(api.get(i, y, x, 0), rgb >> 16 & 0xFF, "seed " + (FIRST_SEED + i) + " R at " + x + "," + y);
            assertEquals(api.get(i, y, x, 1), rgb >> 8 & 0xFF);
            assertEquals(api.get(i, y, x, 2), rgb & 0xFF);
          }
        }
      }
      float[] apiFloats = g.generateFloats(SEED_COUNT, FIRST_SEED);
      assertClose(apiFloats, 0, readFloats(out.resolve("seed-images.bin")), 0, apiFloats.length, SAME_GRAPH_TOLERANCE);
    }
  }

  @Test
  void secondExportIsVersionTwo() {
    Path base = shared.resolve("versions");
    GeneratorExporter exporter = new GeneratorExporter(w -> {});
    assertEquals(1, exporter.exportRun(run.runDir, base, null).version());
    GeneratorExporter.Exported second = exporter.exportRun(run.runDir, base, "ckpt-000000003");
    assertEquals(2, second.version());
    assertEquals(base.resolve("2"), second.versionDir());
    try (EyeGenerator g = EyeGenerator.load(base)) {
      assertEquals(base.resolve("2"), g.path());
    }
  }

  @Test
  void failedExportLeavesNoVersionFolder() throws IOException {
    Path base = shared.resolve("failing");
    GeneratorExporter exporter = new GeneratorExporter(w -> {}).beforePublish(folder -> {
      assertTrue(Files.isRegularFile(folder.resolve("saved_model.pb")), "fails after the model was written");
      throw new IOException("simulated disk failure");
    });
    EyeganException e = assertThrows(EyeganException.class, () -> exporter.exportRun(run.runDir, base, null));
    assertTrue(e.getMessage().contains("simulated disk failure"), e.getMessage());
    try (Stream<Path> left = Files.list(base)) {
      assertEquals(List.of(), left.toList(), "nothing may be left in " + base);
    }
  }

  @Test
  void folderThatIsNotARunIsAClearError() throws IOException {
    Path empty = Files.createDirectories(shared.resolve("not-a-run"));
    UserInputException e = assertThrows(UserInputException.class,
        () -> new GeneratorExporter(w -> {}).exportRun(empty, shared.resolve("unused"), null));
    assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("training_options.json"), e.getMessage());
    assertFalse(Files.exists(shared.resolve("unused")));
  }

  @Test
  void runWithoutCheckpointIsAClearError() throws IOException {
    Path fresh = Files.createDirectories(shared.resolve("untrained-run"));
    TrainingOptionsFile.write(fresh, run.config);
    UserInputException e = assertThrows(UserInputException.class,
        () -> new GeneratorExporter(w -> {}).exportRun(fresh, shared.resolve("unused"), null));
    assertTrue(e.getMessage().contains("no checkpoint"), e.getMessage());
  }

  @Test
  void unknownCheckpointNameListsTheAvailableOnes() {
    UserInputException e = assertThrows(UserInputException.class,
        () -> new GeneratorExporter(w -> {}).exportRun(run.runDir, shared.resolve("unused"), "ckpt-000000099"));
    assertTrue(e.getMessage().contains("ckpt-000000003"), e.getMessage());
  }

  static void assertClose(float[] expected, int expectedFrom, float[] actual, int actualFrom, int count, float tolerance) {
    float worst = 0;
    int at = -1;
    for (int k = 0; k < count; k++) {
      float diff = Math.abs(expected[expectedFrom + k] - actual[actualFrom + k]);
      if (!(diff <= worst)) {
        worst = diff;
        at = k;
      }
    }
    assertTrue(worst <= tolerance, "largest difference " + worst + " at element " + at);
  }

  private static SavedModel savedModel(Path versionDir) throws IOException {
    return SavedModel.parseFrom(Files.readAllBytes(versionDir.resolve("saved_model.pb")));
  }

  private static float[] readFloats(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      float[] v = new float[in.readInt()];
      for (int k = 0; k < v.length; k++) {
        v[k] = in.readFloat();
      }
      return v;
    }
  }
}
