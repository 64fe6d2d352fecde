package eyegan.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.data.DatasetLoader;
import eyegan.data.LoadOptions;
import eyegan.data.LoadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultDataTest {
  private static final int N = 5;
  private static final int SIZE = 32;
  private static final long SEED = 3L;

  @TempDir Path dataDir;
  @TempDir Path cache;

  private Path ensure(List<String> lines) {
    return DefaultData.ensure(dataDir, N, SIZE, SEED, lines::add);
  }

  @Test
  void rendersOnceIntoDataAndThenReusesIt() throws Exception {
    List<String> lines = new ArrayList<>();
    Path folder = ensure(lines);
    assertEquals(dataDir.resolve(DefaultData.FOLDER), folder);
    assertTrue(lines.get(0).startsWith("rendering the built-in synthetic eye set"), lines.toString());
    for (int i = 0; i < N; i++) {
      assertTrue(Files.isRegularFile(folder.resolve(SyntheticEyes.fileName(i))));
    }
    // Nothing but the finished folder is left in the data directory.
    try (Stream<Path> entries = Files.list(dataDir)) {
      assertEquals(List.of(folder), entries.toList());
    }

    Path first = folder.resolve(SyntheticEyes.fileName(0));
    FileTime before = Files.getLastModifiedTime(first);
    lines.clear();
    ensure(lines);
    assertTrue(lines.isEmpty(), "a complete set must not be rendered again: " + lines);
    assertEquals(before, Files.getLastModifiedTime(first));
  }

  @Test
  void incompleteSetIsRenderedAgain() throws Exception {
    Path folder = ensure(new ArrayList<>());
    Files.delete(folder.resolve(SyntheticEyes.fileName(2)));
    List<String> lines = new ArrayList<>();
    ensure(lines);
    assertTrue(Files.isRegularFile(folder.resolve(SyntheticEyes.fileName(2))));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("replaced the incomplete")), lines.toString());
  }

  @Test
  void folderWithoutMarkerIsNotTakenAsComplete() throws Exception {
    // As an interrupted render would leave it, were it rendered in place.
    Path folder = Files.createDirectories(dataDir.resolve(DefaultData.FOLDER));
    Files.writeString(folder.resolve(SyntheticEyes.fileName(0)), "partial");
    ensure(new ArrayList<>());
    assertTrue(DefaultData.isComplete(folder, N, SIZE, SEED));
    assertTrue(Files.size(folder.resolve(SyntheticEyes.fileName(0))) > "partial".length());
  }

  @Test
  void renderedSetLoadsWithoutSkippedFiles() {
    Path folder = ensure(new ArrayList<>());
    LoadResult result = DatasetLoader.load(folder, LoadOptions.of(SIZE).withCacheDir(cache), line -> {});
    assertEquals(N, result.loaded());
    assertTrue(result.skipped().isEmpty(), result.skipped().toString());
  }
}
