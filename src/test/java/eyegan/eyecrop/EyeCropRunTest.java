package eyegan.eyecrop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.UserInputException;
import eyegan.data.DatasetLoader;
import eyegan.data.HostileFiles;
import eyegan.data.LoadOptions;
import eyegan.data.LoadResult;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of photos through {@code prepare --detect-eyes}'s run, with the real networks. */
class EyeCropRunTest {
  private static final EyeCropOptions OPTIONS = new EyeCropOptions(128, 0.75, 10, 1.8, 0.15, 2);

  @TempDir Path tmp;

  private static Map<String, byte[]> contents(Path dir) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  @Test
  void portraitsGiveTheirEyesAndEveryOtherFileOneReason() throws Exception {
    Path photos = tmp.resolve("photos");
    TestPhotos.copy(TestPhotos.ASTRONAUT, photos);
    TestPhotos.copy(TestPhotos.HOPPER, photos.resolve("navy"));
    TestPhotos.copy(TestPhotos.COFFEE, photos);
    List<String> hostile = HostileFiles.writeTo(photos.resolve("hostile"));
    Path out = tmp.resolve("crops");
    Path sheet = tmp.resolve("sheet.png");
    List<String> lines = new ArrayList<>();

    EyeCropRun.Summary s = EyeCropRun.run(photos, out, sheet, OPTIONS, false, lines::add);

    List<String> crops = List.of("astronaut-f0-right.png", "astronaut-f0-left.png",
        "navy/grace_hopper-f0-right.png", "navy/grace_hopper-f0-left.png");
    assertEquals(crops, s.crops());
    assertEquals(3 + hostile.size(), s.photos());
    assertEquals(2, s.faces());
    for (String c : crops) {
      BufferedImage image = ImageIO.read(out.resolve(c).toFile());
      assertEquals(128, image.getWidth(), c);
      assertEquals(128, image.getHeight(), c);
    }
    // Every hostile file and the coffee cup are reported once each, and give no crop.
    assertTrue(lines.contains("skipped coffee.jpg: no face found (none scores --min-score 0.75)"), lines.toString());
    assertTrue(lines.contains("skipped hostile/notes.txt: not a JPEG, PNG, BMP, GIF or TIFF image"), lines.toString());
    for (String h : hostile) {
      assertEquals(1, lines.stream().filter(l -> l.startsWith("skipped hostile/" + h + ": ")).count(), h + " in " + lines);
    }
    int skipped = s.skipped().values().stream().mapToInt(Integer::intValue).sum();
    assertEquals(1 + hostile.size(), skipped, s.skipped().toString());
    assertTrue(s.skipped().get(SkipKind.UNREADABLE) >= 12, s.skipped().toString());
    String summary = lines.stream().filter(l -> l.startsWith("4 crops from 2 faces in")).findFirst().orElseThrow();
    assertTrue(summary.contains("photos/s on 2 threads"), summary);

    // crops.csv: a header and one row per crop, in the same order, each crop 1.8 eye widths wide.
    List<String> csv = Files.readAllLines(out.resolve(EyeCropRun.CSV));
    assertEquals(CropsCsv.header(), csv.get(0));
    assertEquals(1 + crops.size(), csv.size());
    for (int i = 0; i < crops.size(); i++) {
      String[] f = csv.get(i + 1).split(",");
      assertEquals(CropsCsv.COLUMNS.size(), f.length);
      assertEquals(crops.get(i), f[0]);
      double width = Double.parseDouble(f[CropsCsv.COLUMNS.indexOf("eye_width")]);
      double side = Double.parseDouble(f[CropsCsv.COLUMNS.indexOf("crop_side")]);
      assertEquals(1.8, side / width, 0.01, csv.get(i + 1));
    }
    // The contact sheet: 4 tiles of 64 px in one row, 2 px gutters.
    BufferedImage contact = ImageIO.read(sheet.toFile());
    assertEquals(4 * 66 + 2, contact.getWidth());
    assertEquals(66 + 2, contact.getHeight());

    // The training loader takes the folder as it is: the 4 crops, and crops.csv reported as no image.
    LoadResult loaded = DatasetLoader.load(out, LoadOptions.of(64).withCacheDir(tmp.resolve("cache")), l -> { });
    assertEquals(4, loaded.loaded());
    assertEquals(1, loaded.skipped().size());
    assertEquals(EyeCropRun.CSV, loaded.skipped().get(0).file());
  }

  @Test
  void earlierCropsAreKeptUnlessForced() throws Exception {
    Path photos = tmp.resolve("photos");
    TestPhotos.copy(TestPhotos.HOPPER, photos);
    Path out = Files.createDirectories(tmp.resolve("crops"));
    Files.writeString(out.resolve(EyeCropRun.CSV), "an earlier run's list\n");
    Files.writeString(out.resolve("grace_hopper-f0-left.png"), "an earlier crop");
    Map<String, byte[]> before = contents(out);

    UserInputException e = assertThrows(UserInputException.class,
        () -> EyeCropRun.run(photos, out, tmp.resolve("s.png"), OPTIONS, false, l -> { }));
    assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    Map<String, byte[]> after = contents(out);
    assertEquals(before.keySet(), after.keySet());
    before.forEach((k, v) -> assertEquals(new String(v), new String(after.get(k)), k));
    assertTrue(Files.notExists(tmp.resolve("s.png")));

    EyeCropRun.Summary forced = EyeCropRun.run(photos, out, tmp.resolve("s.png"), OPTIONS, true, l -> { });
    assertEquals(List.of("grace_hopper-f0-right.png", "grace_hopper-f0-left.png"), forced.crops());
    assertEquals(128, ImageIO.read(out.resolve("grace_hopper-f0-left.png").toFile()).getWidth());
    assertEquals(3, Files.readAllLines(out.resolve(EyeCropRun.CSV)).size());
    // Nothing half-written is left behind.
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
    }
  }

  @Test
  void theOutputFolderMayNotLieInsideThePhotos() throws Exception {
    Path photos = tmp.resolve("photos");
    TestPhotos.copy(TestPhotos.COFFEE, photos);
    UserInputException e = assertThrows(UserInputException.class,
        () -> EyeCropRun.run(photos, photos.resolve("crops"), tmp.resolve("s.png"), OPTIONS, false, l -> { }));
    assertTrue(e.getMessage().contains("inside the photo folder"), e.getMessage());
    assertTrue(Files.notExists(photos.resolve("crops")));
  }
}
