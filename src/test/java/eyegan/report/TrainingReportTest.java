package eyegan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.UserInputException;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class TrainingReportTest {
  private static final String GIF_FORMAT = "javax_imageio_gif_image_1.0";

  @Test
  void fullRunGetsGifCurvesAndPage(@TempDir Path dir) throws IOException {
    FakeRun.write(dir, 6, 5, 16);
    ReportFiles files = TrainingReport.write(dir);

    assertEquals(dir.resolve(TrainingReport.GIF), files.gif().orElseThrow());
    assertEquals(7, files.gifFrames(), "fakes_init.png plus 6 epochs");
    assertEquals(7, gifFrameCount(files.gif().get()));
    assertTrue(loopsForever(files.gif().get()), "NETSCAPE2.0 loop count 0 on the first frame");
    assertEquals(ProgressGif.LAST_FRAME_DELAY_CS, frameDelay(files.gif().get(), 6), "the last grid is held");
    assertEquals(ProgressGif.frameDelay(7), frameDelay(files.gif().get(), 0));

    BufferedImage curves = ImageIO.read(files.curves().orElseThrow().toFile());
    assertEquals(TrainingCurves.WIDTH, curves.getWidth());
    assertEquals(TrainingCurves.HEIGHT, curves.getHeight());

    String html = Files.readString(files.index());
    List<String> links = sources(html);
    assertTrue(links.containsAll(List.of("progress.gif", "curves.png", "reals.png", "fakes000006.png")), links.toString());
    for (String link : links) {
      assertTrue(Files.isRegularFile(dir.resolve(link)), "index.html links to missing " + link);
    }
    assertTrue(html.contains("<td>preset</td><td class=\"v\">cpu</td>"), "options table");
    assertTrue(html.contains("0.0001"), "decimals shown as written");
    assertTrue(files.problems().isEmpty(), files.problems().toString());
  }

  @Test
  void truncatedLastStatsLineIsSkippedAndNoted(@TempDir Path dir) throws IOException {
    FakeRun.write(dir, 2, 3, 16);
    Path stats = dir.resolve(StatsFile.FILE_NAME);
    Files.writeString(stats, Files.readString(stats) + "{\"step\":7,\"epoch\":3,\"d_lo", StandardCharsets.UTF_8);
    ReportFiles files = TrainingReport.write(dir);
    assertTrue(files.curves().isPresent());
    assertEquals(1, files.problems().size(), files.problems().toString());
    assertTrue(files.problems().get(0).contains("truncated last line 8"), files.problems().get(0));
    assertTrue(Files.readString(files.index()).contains("truncated"), "the page says what was skipped");
  }

  @Test
  void missingFilesMeanMissingPanels(@TempDir Path dir) throws IOException {
    FakeRun.write(dir, 2, 3, 16);
    Files.delete(dir.resolve(StatsFile.FILE_NAME));
    Files.delete(dir.resolve("reals.png"));
    Files.delete(dir.resolve(RunFolder.OPTIONS));
    ReportFiles files = TrainingReport.write(dir);
    assertTrue(files.gif().isPresent());
    assertFalse(files.curves().isPresent());
    String html = Files.readString(files.index());
    assertFalse(html.contains("reals.png"));
    assertFalse(html.contains("Training options"));
    assertTrue(html.contains("No curves"));
  }

  @Test
  void onlyStatsStillGivesCurvesAndPage(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(StatsFile.FILE_NAME), "{\"step\":1,\"epoch\":1,\"d_loss\":1.3,\"g_loss\":0.7,\"d_real\":0.5,\"d_fake\":0.5,\"img_per_s\":10,\"elapsed_s\":6}\n");
    ReportFiles files = TrainingReport.write(dir);
    assertFalse(files.gif().isPresent());
    assertTrue(files.curves().isPresent());
    assertTrue(Files.readString(files.index()).contains("No sample grids"));
  }

  @Test
  void unreadableGridIsLeftOutOfTheGif(@TempDir Path dir) throws IOException {
    FakeRun.write(dir, 3, 2, 16);
    Files.writeString(dir.resolve("fakes000002.png"), "not a png");
    ReportFiles files = TrainingReport.write(dir);
    assertEquals(3, files.gifFrames());
    assertEquals(3, gifFrameCount(files.gif().get()));
    assertTrue(files.problems().stream().anyMatch(p -> p.contains("fakes000002.png")), files.problems().toString());
  }

  @Test
  void brokenOptionsFileIsNotedNotFatal(@TempDir Path dir) throws IOException {
    FakeRun.write(dir, 1, 2, 16);
    Files.writeString(dir.resolve(RunFolder.OPTIONS), "{\"preset\": ");
    ReportFiles files = TrainingReport.write(dir);
    assertTrue(files.problems().stream().anyMatch(p -> p.contains(RunFolder.OPTIONS)), files.problems().toString());
  }

  @Test
  void missingOrEmptyRunFolderIsTheUsersMistake(@TempDir Path dir) throws IOException {
    UserInputException missing = assertThrows(UserInputException.class, () -> TrainingReport.write(dir.resolve("nope")));
    assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
    Files.writeString(dir.resolve("notes.txt"), "hello");
    UserInputException empty = assertThrows(UserInputException.class, () -> TrainingReport.write(dir));
    assertTrue(empty.getMessage().contains("no training outputs"), empty.getMessage());
    assertThrows(UserInputException.class, () -> TrainingReport.write(dir.resolve("notes.txt")));
  }

  @Test
  void longRunsAreThinnedEvenlyKeepingBothEnds() {
    List<GridFrame> frames = new ArrayList<>();
    frames.add(new GridFrame(Path.of("fakes_init.png"), GridFrame.INIT));
    for (int e = 1; e <= 1600; e++) {
      frames.add(new GridFrame(Path.of(String.format("fakes%06d.png", e)), e));
    }
    List<GridFrame> thin = ProgressGif.thin(frames, ProgressGif.MAX_FRAMES);
    assertEquals(ProgressGif.MAX_FRAMES, thin.size());
    assertEquals(GridFrame.INIT, thin.get(0).epoch());
    assertEquals(1600, thin.get(thin.size() - 1).epoch());
    for (int i = 1; i < thin.size(); i++) {
      int gap = thin.get(i).epoch() - thin.get(i - 1).epoch();
      assertTrue(gap == 8 || gap == 9, "even spacing, got a gap of " + gap);
    }
    assertEquals(frames.subList(0, 5), ProgressGif.thin(frames.subList(0, 5), ProgressGif.MAX_FRAMES));
  }

  @Test
  void gridsAreOrderedByEpochWithTheInitialGridFirst(@TempDir Path dir) throws IOException {
    for (String name : List.of("fakes000010.png", "fakes_init.png", "fakes000002.png", "fakes.png", "fakes12.png")) {
      Files.writeString(dir.resolve(name), "");
    }
    List<Integer> epochs = RunFolder.open(dir).grids().stream().map(GridFrame::epoch).toList();
    assertEquals(List.of(GridFrame.INIT, 2, 10), epochs);
  }

  static int gifFrameCount(Path gif) throws IOException {
    ImageReader reader = gifReader(gif);
    try {
      return reader.getNumImages(true);
    } finally {
      reader.dispose();
    }
  }

  private static boolean loopsForever(Path gif) throws IOException {
    ImageReader reader = gifReader(gif);
    try {
      IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(GIF_FORMAT);
      var apps = root.getElementsByTagName("ApplicationExtension");
      for (int i = 0; i < apps.getLength(); i++) {
        IIOMetadataNode app = (IIOMetadataNode) apps.item(i);
        byte[] data = (byte[]) app.getUserObject();
        if ("NETSCAPE".equals(app.getAttribute("applicationID"))
            && "2.0".equals(app.getAttribute("authenticationCode"))
            && data.length == 3 && data[0] == 1 && data[1] == 0 && data[2] == 0) {
          return true;
        }
      }
      return false;
    } finally {
      reader.dispose();
    }
  }

  private static int frameDelay(Path gif, int frame) throws IOException {
    ImageReader reader = gifReader(gif);
    try {
      IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(frame).getAsTree(GIF_FORMAT);
      Element control = (Element) root.getElementsByTagName("GraphicControlExtension").item(0);
      return Integer.parseInt(control.getAttribute("delayTime"));
    } finally {
      reader.dispose();
    }
  }

  private static ImageReader gifReader(Path gif) throws IOException {
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    ImageInputStream in = ImageIO.createImageInputStream(new File(gif.toString()));
    reader.setInput(in);
    return reader;
  }

  private static List<String> sources(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
