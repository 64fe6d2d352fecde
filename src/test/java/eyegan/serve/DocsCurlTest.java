package eyegan.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eyegan.cli.EyeganCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every {@code curl} command on the front page and the serving page ({@link #PAGES}), run as
 * written (only the port changed) against {@code eyegan serve} started as users start it, in a
 * process of its own, on a real exported model. Where a page shows the answer, the answer's top-level key must be the one shown;
 * elsewhere the answer must not be an error. The {@code python3} lines that prepare or consume
 * those requests run too.
 */
class DocsCurlTest {
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");
  /** The pages whose shell commands are run: the README's "Serve it" and docs/serving.md. */
  static final List<Path> PAGES = List.of(Path.of("README.md"), Path.of("docs", "serving.md"));
  /** The pages' curl commands when this test was written: fewer found means the parsing broke. */
  private static final int CURL_COMMANDS = 10;

  @TempDir static Path tmp;
  private static ReferenceModel model;
  private static Process server;
  private static Path serverLog;
  private static int port;

  /** One shell command of a page and the top-level keys of the answer shown under it, if any. */
  record Command(String where, String text, List<String> shownKeys) {}

  @BeforeAll
  static void startServe() throws Exception {
    assumeTrue(Tools.available("curl", "python3"), "curl and python3 are needed");
    model = ReferenceModel.shared();
    serverLog = tmp.resolve("serve.log");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), EyeganCommand.class.getName(),
        "serve", "--model", model.base.toString(), "--port", "0")
        .redirectErrorStream(true).redirectOutput(serverLog.toFile());
    server = pb.start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (System.nanoTime() < deadline && server.isAlive()) {
      Matcher m = LISTENING.matcher(Files.readString(serverLog));
      if (m.find()) {
        port = Integer.parseInt(m.group(1));
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("eyegan serve did not start: " + Files.readString(serverLog));
  }

  @AfterAll
  static void stopServe() throws Exception {
    if (server != null) {
      server.destroy(); // SIGTERM, as Ctrl-C or kill: the shutdown hook stops the server
      assertTrue(server.waitFor(30, TimeUnit.SECONDS), "eyegan serve stops on a termination signal");
      String log = Files.readString(serverLog);
      assertFalse(log.contains("Exception") || log.contains("internal error"), log);
    }
    if (model != null) {
      model.close();
    }
  }

  @Test
  void everyCurlCommandInTheDocsWorksAgainstEyeganServe() throws Exception {
    List<Command> commands = new ArrayList<>();
    for (Path page : PAGES) {
      commands.addAll(commands(page.toString(), Files.readAllLines(page, StandardCharsets.UTF_8)));
    }
    long curls = commands.stream().filter(c -> c.text().startsWith("curl")).count();
    assertTrue(curls >= CURL_COMMANDS, "found " + curls + " curl commands: " + commands);
    Path work = Files.createDirectories(tmp.resolve("work"));
    for (Command c : commands) {
      String text = c.text().replace("localhost:8501", "localhost:" + port);
      Path stderr = tmp.resolve("stderr.txt"); // curl without -s writes its progress meter there
      Process p = new ProcessBuilder("bash", "-o", "pipefail", "-c", text).directory(work.toFile())
          .redirectError(stderr.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      String where = c.where() + ": " + c.text() + "\n-> " + abbreviate(out)
          + "\nstderr: " + abbreviate(Files.readString(stderr));
      assertEquals(0, p.exitValue(), where);
      if (!c.text().startsWith("curl") || out.isEmpty()) {
        continue; // a python3 step, or a curl whose answer goes into a file
      }
      JsonNode answer = Http.JSON.readTree(out);
      if (c.shownKeys() != null) {
        assertEquals(c.shownKeys(), fieldNames(answer), where);
      } else {
        assertFalse(answer.has("error"), where);
      }
    }
    // the serving page's "save the first one" wrote seed 42's PNG, byte for byte what the model encodes
    assertArrayEquals(model.pngs(42)[0], Files.readAllBytes(work.resolve("seed42.png")));
    assertTrue(Files.size(work.resolve("noise.json")) > 0);
  }

  @Test
  void aPortInUseIsAUsageError() {
    CommandLine cmd = EyeganCommand.commandLine();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute("serve", "--model", model.base.toString(), "--port", Integer.toString(port));
    assertEquals(2, code, err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(err.toString().contains("cannot listen on 127.0.0.1:" + port), err.toString());
  }

  /**
   * A page's shell commands: in indented code blocks, lines starting {@code curl} or
   * {@code python3} (with their {@code \} continuations); in running text, {@code `curl ...`}.
   */
  static List<Command> commands(String page, List<String> readme) {
    List<Command> out = new ArrayList<>();
    boolean fenced = false;
    for (int i = 0; i < readme.size(); i++) {
      String line = readme.get(i);
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      String code = line.startsWith("    ") && !fenced ? line.substring(4) : null;
      if (code != null && (code.startsWith("curl ") || code.startsWith("python3 "))) {
        StringBuilder text = new StringBuilder();
        int first = i;
        while (code.endsWith("\\")) {
          text.append(code, 0, code.length() - 1).append(' ');
          code = readme.get(++i).strip();
        }
        text.append(code);
        out.add(new Command(page + ":" + (first + 1), text.toString().replaceAll("\\s+", " ").strip(),
            shownKeys(readme, i + 1)));
      } else if (code == null && !fenced) {
        Matcher inline = Pattern.compile("`(curl [^`]+)`").matcher(line);
        while (inline.find()) {
          out.add(new Command(page + ":" + (i + 1), inline.group(1), null));
        }
      }
    }
    return out;
  }

  /** The top-level keys of the example answer in the same block, below the command, if there is one. */
  private static List<String> shownKeys(List<String> readme, int from) {
    for (int i = from; i < readme.size(); i++) {
      String line = readme.get(i);
      if (line.isBlank()) {
        continue;
      }
      if (!line.startsWith("    ")) {
        return null; // the block ended
      }
      String code = line.substring(4);
      if (code.startsWith("curl ") || code.startsWith("python3 ")) {
        return null; // the next command: this one shows no answer
      }
      if (code.startsWith("{")) {
        return topLevelKeys(code);
      }
    }
    return null;
  }

  /** Keys of the outermost object of a JSON-like line that may hold "..." where values were cut. */
  static List<String> topLevelKeys(String example) {
    List<String> keys = new ArrayList<>();
    int depth = 0;
    for (int i = 0; i < example.length(); i++) {
      char ch = example.charAt(i);
      if (ch == '"') {
        int end = example.indexOf('"', i + 1);
        String word = example.substring(i + 1, end);
        if (depth == 1 && example.substring(end + 1).stripLeading().startsWith(":")) {
          keys.add(word);
        }
        i = end;
      } else if (ch == '{' || ch == '[') {
        depth++;
      } else if (ch == '}' || ch == ']') {
        depth--;
      }
    }
    return keys;
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }
}
