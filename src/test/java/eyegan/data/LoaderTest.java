package eyegan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.UserInputException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder loading: order, errors, the cache and its invalidation, and that the source is untouched. */
class LoaderTest {
  private static final int SIZE = 4;

  @TempDir Path data;
  @TempDir Path cache;

  private static void solidPng(Path file, Color colour) throws Exception {
    BufferedImage image = new BufferedImage(6, 6, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 6; x++) {
        image.setRGB(x, y, colour.getRGB());
      }
    }
    Files.createDirectories(file.getParent());
    Files.write(file, Fixtures.write(image, "png"));
  }

  private LoadResult load() {
    return DatasetLoader.load(data, LoadOptions.of(SIZE).withCacheDir(cache), line -> {});
  }

  @Test
  void missingFolderIsAUserError() {
    Path missing = data.resolve("no-such-folder");
    UserInputException e = assertThrows(UserInputException.class,
        () -> DatasetLoader.load(missing, LoadOptions.of(SIZE).withCacheDir(cache), line -> {}));
    assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void fileInsteadOfFolderIsAUserError() throws Exception {
    Path file = Files.writeString(data.resolve("x.txt"), "x");
    UserInputException e = assertThrows(UserInputException.class,
        () -> DatasetLoader.load(file, LoadOptions.of(SIZE).withCacheDir(cache), line -> {}));
    assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
  }

  @Test
  void emptyFolderIsAUserError() {
    UserInputException e = assertThrows(UserInputException.class, this::load);
    assertTrue(e.getMessage().contains("holds no files"), e.getMessage());
  }

  @Test
  void folderWithoutUsableImagesIsAUserError() throws Exception {
    Files.writeString(data.resolve("readme.txt"), "no photos here");
    Files.write(data.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
    UserInputException e = assertThrows(UserInputException.class, this::load);
    assertTrue(e.getMessage().contains("no usable image"), e.getMessage());
  }

  @Test
  void imagesComeInSortedPathOrderWithTheirPixels() throws Exception {
    solidPng(data.resolve("b/2.png"), Color.GREEN);
    solidPng(data.resolve("a.png"), Color.RED);
    solidPng(data.resolve("b/1.png"), Color.BLUE);
    LoadResult result = load();
    assertEquals(List.of("a.png", "b/1.png", "b/2.png"), result.files());
    assertEquals(3, result.images().count());
    assertEquals(SIZE, result.images().height());
    assertEquals(255, result.images().get(0, 0, 0, 0)); // red
    assertEquals(255, result.images().get(1, 3, 3, 2)); // blue
    assertEquals(255, result.images().get(2, 2, 1, 1)); // green
  }

  @Test
  void oneThreadAndTwoThreadsGiveIdenticalResults() throws Exception {
    for (int i = 0; i < 12; i++) {
      solidPng(data.resolve(String.format("img%02d.png", i)), new Color(i * 20, 255 - i * 20, i * 7));
    }
    LoadOptions options = LoadOptions.of(SIZE).withCache(false);
    LoadResult one = DatasetLoader.load(data, options.withThreads(1), line -> {});
    LoadResult two = DatasetLoader.load(data, options.withThreads(2), line -> {});
    assertEquals(one.files(), two.files());
    assertArrayEquals(one.images().pixels(), two.images().pixels());
  }

  @Test
  void secondLoadComesFromTheCacheWithTheSamePixels() throws Exception {
    solidPng(data.resolve("a.png"), Color.RED);
    solidPng(data.resolve("b.png"), Color.BLUE);
    Files.writeString(data.resolve("c.txt"), "skipped both times");
    LoadResult first = load();
    assertFalse(first.fromCache());
    assertTrue(first.cacheFile().startsWith(cache), "cache must live in the cache directory");
    LoadResult second = load();
    assertTrue(second.fromCache());
    assertArrayEquals(first.images().pixels(), second.images().pixels());
    assertEquals(first.files(), second.files());
    assertEquals(first.skipped(), second.skipped());
  }

  @Test
  void cacheIsInvalidatedWhenAFileChangesOrIsAdded() throws Exception {
    Path a = data.resolve("a.png");
    solidPng(a, Color.RED);
    solidPng(data.resolve("b.png"), Color.BLUE);
    load();
    assertTrue(load().fromCache());

    solidPng(a, Color.YELLOW);
    Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 5_000));
    LoadResult changed = load();
    assertFalse(changed.fromCache());
    assertEquals(255, changed.images().get(0, 0, 0, 1)); // yellow now: green channel full
    assertTrue(load().fromCache());

    solidPng(data.resolve("c.png"), Color.GREEN);
    LoadResult added = load();
    assertFalse(added.fromCache());
    assertEquals(3, added.loaded());
  }

  @Test
  void differentResolutionOrFitUsesADifferentCacheEntry() throws Exception {
    solidPng(data.resolve("a.png"), Color.RED);
    load();
    LoadResult bigger = DatasetLoader.load(data, LoadOptions.of(SIZE * 2).withCacheDir(cache), line -> {});
    assertFalse(bigger.fromCache());
    assertEquals(SIZE * 2, bigger.images().height());
    LoadResult padded = DatasetLoader.load(data, LoadOptions.of(SIZE).withCacheDir(cache).withFit(SquareFit.PAD), line -> {});
    assertFalse(padded.fromCache());
  }

  @Test
  void damagedCacheFileIsTreatedAsAMiss() throws Exception {
    solidPng(data.resolve("a.png"), Color.RED);
    LoadResult first = load();
    byte[] bytes = Files.readAllBytes(first.cacheFile());
    bytes[bytes.length - 1] ^= 0x55; // flip bits in the pixels: the CRC no longer matches
    Files.write(first.cacheFile(), bytes);
    LoadResult again = load();
    assertFalse(again.fromCache());
    assertArrayEquals(first.images().pixels(), again.images().pixels());
  }

  @Test
  void theSourceFolderIsNeverModified() throws Exception {
    solidPng(data.resolve("a.png"), Color.RED);
    solidPng(data.resolve("sub/b.png"), Color.BLUE);
    Files.writeString(data.resolve("junk.bin"), "junk");
    Map<String, Long> before = listing(data);
    load();
    load();
    assertEquals(before, listing(data));
  }

  @Test
  void progressGoesToTheConsumer() throws Exception {
    solidPng(data.resolve("a.png"), Color.RED);
    List<String> lines = new ArrayList<>();
    DatasetLoader.load(data, LoadOptions.of(SIZE).withCacheDir(cache), lines::add);
    assertTrue(lines.get(0).startsWith("decoding 1 files"), lines.toString());
    lines.clear();
    DatasetLoader.load(data, LoadOptions.of(SIZE).withCacheDir(cache), lines::add);
    assertTrue(lines.get(0).startsWith("loaded 1 images (4px, centre crop) from cache"), lines.toString());
  }

  private static Map<String, Long> listing(Path root) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        out.put(root.relativize(p) + (Files.isDirectory(p) ? "/" : ""),
            Files.isDirectory(p) ? -1L : Files.size(p) * 31 + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return out;
  }
}
