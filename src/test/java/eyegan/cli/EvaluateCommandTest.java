package eyegan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.image.PngFiles;
import eyegan.image.RgbImages;
import eyegan.metrics.SwdEvaluation;
import eyegan.synth.SyntheticEyes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eyegan evaluate} on folders: the tables, the JSON file, the copy check and the usage errors. */
class EvaluateCommandTest {
  @TempDir Path tmp;

  private Path folder(String name, RgbImages images) {
    Path dir = tmp.resolve(name);
    for (int i = 0; i < images.count(); i++) {
      PngFiles.write(images.toBufferedImage(i), dir.resolve(name + i + ".png"));
    }
    return dir;
  }

  /** The same images with the blue channel zeroed: a colour cast SWD must see. */
  private static RgbImages withoutBlue(RgbImages x) {
    byte[] p = x.pixels().clone();
    for (int k = 2; k < p.length; k += 3) {
      p[k] = 0;
    }
    return new RgbImages(x.count(), x.height(), x.width(), p);
  }

  @Test
  void comparesFoldersAndWritesJson() throws Exception {
    Path real = folder("real", SyntheticEyes.render(40, 1, 32));
    Path same = folder("same", SyntheticEyes.render(20, 2, 32)); // other eyes from the same renderer
    Path cast = folder("cast", withoutBlue(SyntheticEyes.render(20, 2, 32)));
    Path jsonSame = tmp.resolve("same.json");
    Path jsonCast = tmp.resolve("cast.json");
    var r1 = CommandLineTest.eyegan("evaluate", "--real", real.toString(), "--fake", same.toString(),
        "--resolution", "32", "--n", "20", "--json", jsonSame.toString());
    assertEquals(0, r1.code(), r1.err());
    assertTrue(r1.out().contains("real floor") && r1.out().contains("KID") && r1.out().contains("plausible eyes"), r1.out());
    var r2 = CommandLineTest.eyegan("evaluate", "--real", real.toString(), "--fake", cast.toString(),
        "--resolution", "32", "--n", "20", "--json", jsonCast.toString());
    assertEquals(0, r2.code(), r2.err());
    SwdEvaluation a = SwdEvaluation.readJson(jsonSame);
    SwdEvaluation b = SwdEvaluation.readJson(jsonCast);
    assertTrue(b.fakes().average() > 3 * a.fakes().average(),
        "a blue-less copy is much further from the reals: " + a.fakes().average() + " vs " + b.fakes().average());
  }

  @Test
  void calibratePrintsTheRulerOfChangedReals() throws Exception {
    Path real = folder("real", SyntheticEyes.render(40, 1, 32));
    var r = CommandLineTest.eyegan("evaluate", "--real", real.toString(), "--calibrate", "--resolution", "32", "--n", "20");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("none (the floor)") && r.out().contains("Gaussian blur, sigma 1 px"), r.out());
    assertTrue(r.out().contains("1.00x"), "the floor row reads 1.00x: " + r.out());
    assertTrue(r.out().contains("pure noise") && r.out().contains("first epoch") && r.out().contains("KID x1e3"), r.out());
    var withModel = CommandLineTest.eyegan("evaluate", "--real", real.toString(), "--calibrate", "--model", real.toString());
    assertEquals(2, withModel.code(), "--calibrate replaces the generated images: " + withModel.err());
  }

  @Test
  void needsExactlyOneSourceOfFakes() {
    var both = CommandLineTest.eyegan("evaluate", "--real", ".", "--fake", ".", "--model", ".");
    assertEquals(2, both.code(), both.err());
    var none = CommandLineTest.eyegan("evaluate", "--real", ".");
    assertEquals(2, none.code(), none.err());
    var missing = CommandLineTest.eyegan("evaluate", "--real", tmp.resolve("nope").toString(), "--fake", tmp.toString());
    assertEquals(2, missing.code(), missing.err());
    assertTrue(Files.notExists(Path.of("evaluate-" + tmp.getFileName() + ".json")), "nothing written on errors");
    Path few = folder("few", SyntheticEyes.render(10, 1, 32));
    var tooFew = CommandLineTest.eyegan("evaluate", "--real", few.toString(), "--fake", few.toString(), "--resolution", "32");
    assertEquals(2, tooFew.code(), tooFew.err());
    assertTrue(tooFew.err().contains("at least 16"), tooFew.err());
  }

  @Test
  void trainChecksForCopiesAndDrawsTheClosestPairs() throws Exception {
    RgbImages eyes = SyntheticEyes.render(40, 3, 32);
    Path training = folder("training", eyes);
    // Generated images that are copies of training images: the check must see them.
    Path copies = folder("copies", new RgbImages(16, 32, 32, java.util.Arrays.copyOf(eyes.pixels(), 16 * eyes.imageBytes())));
    Path heldOut = folder("held", SyntheticEyes.render(40, 4, 32));
    Path json = tmp.resolve("copies.json");
    var r = CommandLineTest.eyegan("evaluate", "--real", heldOut.toString(), "--fake", copies.toString(),
        "--train", training.toString(), "--resolution", "32", "--n", "16", "--json", json.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("memorisation"), r.out());
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
    assertTrue(tree.get("memorisation").get("ratio").asDouble() < 0.05, tree.get("memorisation").toString());
    assertTrue(Files.isRegularFile(tmp.resolve("copies-closest-pairs.png")), "the closest pairs are drawn");
    var noneHeldOut = CommandLineTest.eyegan("evaluate", "--real", training.toString(), "--fake", copies.toString(),
        "--train", training.toString(), "--resolution", "32", "--n", "16", "--json", tmp.resolve("x.json").toString());
    assertEquals(2, noneHeldOut.code(), "every real image is a training image: " + noneHeldOut.err());
  }
}
