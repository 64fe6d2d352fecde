package eyegan.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unusable files are skipped with a reason each, and never stop the load of the good ones. */
class SkippingTest {
  @TempDir Path data;
  @TempDir Path cache;

  private static String reason(byte[] file) {
    UnusableFileException e = assertThrows(UnusableFileException.class, () -> new ImageDecoder().decode(file));
    return e.getMessage();
  }

  private static byte[] goodPng() throws Exception {
    return Fixtures.write(Fixtures.bands(BufferedImage.TYPE_3BYTE_BGR), "png");
  }

  private static byte[] goodJpeg() throws Exception {
    return Fixtures.writeJpeg(Fixtures.bands(BufferedImage.TYPE_3BYTE_BGR), 0.9f);
  }

  @Test
  void emptyFile() {
    assertEquals("empty file (0 bytes)", reason(new byte[0]));
  }

  @Test
  void textFileIsNotAnImage() {
    assertTrue(reason("hello, not an eye\n".getBytes(StandardCharsets.UTF_8)).startsWith("not a JPEG, PNG"));
  }

  @Test
  void truncatedJpegPngGifBmpTiff() throws Exception {
    byte[][] files = {
        goodJpeg(), goodPng(), Fixtures.write(Fixtures.palette(false), "gif"),
        Fixtures.write(Fixtures.bands(BufferedImage.TYPE_3BYTE_BGR), "bmp"),
        Fixtures.write(Fixtures.bands(BufferedImage.TYPE_INT_RGB), "tiff")};
    for (byte[] file : files) {
      String reason = reason(Arrays.copyOf(file, file.length * 2 / 3));
      assertTrue(reason.startsWith("truncated") || reason.startsWith("corrupt"), reason);
    }
    // A JPEG cut inside its scan decodes to grey without an exception; it must still be refused.
    byte[] jpeg = goodJpeg();
    assertTrue(reason(Arrays.copyOf(jpeg, jpeg.length - 40)).startsWith("truncated"));
  }

  @Test
  void corruptCompressedDataInAnIntactFile() throws Exception {
    // Keep every chunk's length, type and CRC position; garble the compressed pixels inside IDAT.
    byte[] png = goodPng();
    int idat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII));
    int length = java.nio.ByteBuffer.wrap(png, idat - 4, 4).getInt();
    for (int i = idat + 4 + 2; i < idat + 4 + length; i++) {
      png[i] = (byte) (png[i] * 31 + 7);
    }
    String reason = reason(png);
    assertTrue(reason.startsWith("corrupt"), reason);
  }

  private static int indexOf(byte[] data, byte[] needle) {
    for (int i = 0; i + needle.length <= data.length; i++) {
      if (Arrays.equals(Arrays.copyOfRange(data, i, i + needle.length), needle)) {
        return i;
      }
    }
    throw new IllegalArgumentException("not found");
  }

  @Test
  void decompressionBombsAreRefusedFromTheHeader() throws Exception {
    // 100000 x 100000 RGB would need 30 GB; the IHDR alone must be enough to refuse it.
    String png = reason(Fixtures.pngHeaderOnly(100_000, 100_000));
    assertTrue(png.startsWith("too large: header claims 100000x100000"), png);
    // JPEG and GIF store 16-bit sizes: 65000 x 65000 is 4.2 gigapixels.
    String jpeg = reason(Fixtures.withJpegSize(goodJpeg(), 65_000, 65_000));
    assertTrue(jpeg.startsWith("too large: header claims 65000x65000"), jpeg);
    String gif = reason(Fixtures.withGifSize(Fixtures.write(Fixtures.palette(false), "gif"), 65_000, 65_000));
    assertTrue(gif.startsWith("too large: header claims 65000x65000"), gif);
    // A long thin strip under the pixel limit but over the side limit.
    String strip = reason(Fixtures.pngHeaderOnly(ImageDecoder.MAX_SIDE + 1, 1));
    assertTrue(strip.startsWith("too large"), strip);
  }

  /** Bytes the current thread allocates while running {@code action}. */
  private static long allocatedBy(Runnable action) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    action.run();
    return threads.getThreadAllocatedBytes(id) - before;
  }

  @Test
  void bombHeaderIsRefusedWithoutAllocatingPixelMemory() {
    byte[] bomb = Fixtures.pngHeaderOnly(100_000, 100_000);
    long allocated = allocatedBy(() -> reason(bomb));
    // 100000 x 100000 x 3 bytes would be 30 GB; refusing it must cost next to nothing.
    assertTrue(allocated < 20L << 20, "allocated " + allocated + " bytes");
  }

  @Test
  void compressedTextChunkIsNotInflated() throws Exception {
    // A 256 MB text bomb inside an otherwise valid 64x32 PNG: the image decodes, the text is skipped.
    byte[] png = Fixtures.withTextBomb(goodPng(), 256 << 20);
    assertTrue(png.length < 2 << 20, "fixture should be small on disk: " + png.length);
    long allocated = allocatedBy(() -> {
      try {
        new ImagePreparer(new ImageDecoder(), 8, SquareFit.CROP, LoadOptions.BACKGROUND_RGB).prepare(png);
      } catch (UnusableFileException e) {
        throw new AssertionError("a valid PNG was refused: " + e.getMessage(), e);
      }
    });
    assertTrue(allocated < 50L << 20, "allocated " + allocated + " bytes");
  }

  @Test
  void loaderSkipsBadFilesWithOneLineEachAndKeepsTheGoodOnes() throws Exception {
    Files.write(data.resolve("a-good.png"), goodPng());
    Files.createDirectories(data.resolve("sub"));
    Files.write(data.resolve("sub/b-good.jpg"), goodJpeg());
    Files.write(data.resolve("empty.jpg"), new byte[0]);
    Files.writeString(data.resolve("notes.txt"), "not an image");
    byte[] png = goodPng();
    Files.write(data.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
    Files.write(data.resolve("bomb.png"), Fixtures.pngHeaderOnly(100_000, 100_000));
    Files.writeString(data.resolve(".DS_Store"), "hidden files are not looked at");

    List<String> lines = new ArrayList<>();
    LoadResult result = DatasetLoader.load(data, LoadOptions.of(8).withCacheDir(cache), lines::add);

    assertEquals(2, result.loaded());
    assertEquals(List.of("a-good.png", "sub/b-good.jpg"), result.files());
    Map<String, String> reasons = new TreeMap<>();
    result.skipped().forEach(s -> reasons.put(s.file(), s.reason()));
    assertEquals(List.of("bomb.png", "cut.png", "empty.jpg", "notes.txt"), List.copyOf(reasons.keySet()));
    assertTrue(reasons.get("bomb.png").startsWith("too large"));
    assertTrue(reasons.get("cut.png").startsWith("corrupt") || reasons.get("cut.png").startsWith("truncated"));
    assertTrue(reasons.get("empty.jpg").startsWith("empty"));
    assertTrue(reasons.get("notes.txt").startsWith("not a JPEG"));
    for (Skipped s : result.skipped()) {
      assertEquals(1, lines.stream().filter(l -> l.equals("skipped " + s.file() + ": " + s.reason())).count());
    }
    assertTrue(lines.get(lines.size() - 1).startsWith("loaded 2 images, skipped 4 files"), lines.toString());
  }
}
