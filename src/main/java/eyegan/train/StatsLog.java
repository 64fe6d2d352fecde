package eyegan.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends to {@code stats.jsonl}: one JSON object per line (formats: {@link
 * eyegan.report.StatsFile#tickLine} and {@link eyegan.report.StatsFile#swdLine}, which also reads
 * them back), flushed as written so a killed run keeps its history.
 */
public final class StatsLog implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BufferedWriter out;

  /**
   * Opens {@code file} for appending. Lines after {@code keepUpToStep} (written after the checkpoint
   * a run resumes from, and about to be recomputed) are dropped first; a truncated last line left by
   * a kill is dropped too.
   */
  public StatsLog(Path file, long keepUpToStep) {
    try {
      if (Files.exists(file)) {
        truncateAfter(file, keepUpToStep);
      }
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  /** Appends a line that is already one JSON object. */
  public synchronized void appendJson(String jsonObject) {
    try {
      out.write(jsonObject.strip());
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write stats: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void truncateAfter(Path file, long keepUpToStep) throws IOException {
    List<String> kept = new ArrayList<>();
    for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      try {
        JsonNode n = JSON.readTree(l);
        if (n != null && n.has("step") && n.get("step").asLong() <= keepUpToStep) {
          kept.add(l);
        }
      } catch (IOException malformed) {
        // a line cut short by a kill: drop it
      }
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, kept, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
