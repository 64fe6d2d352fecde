package eyegan.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.cli.EyeganCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front page and the pages under docs/ point only at what exists: files, headings, eyegan
 * commands and their flags (rules in {@link DocsChecker}); and the checker itself catches each
 * kind of mistake, shown on small pages.
 */
class DocsTest {
  /** Pages other documents link to by name; they must stay where they are. */
  private static final List<String> PAGES = List.of("README.md", "model.md", "data.md", "training.md",
      "realism.md", "quality.md", "serving.md", "library.md", "performance.md");
  private static final String COMMANDS_HEADING = "## Commands";
  private static final Pattern TABLE_COMMAND = Pattern.compile("^\\| `([a-z-]+)` \\|");

  private final DocsChecker checker = new DocsChecker(EyeganCommand.commandLine());

  @TempDir Path tmp;

  static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("data", "README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  @Test
  void everyLinkCommandAndFlagInTheDocsExists() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path page : pages()) {
      problems.addAll(checker.check(page));
    }
    assertEquals(List.of(), problems, String.join("\n", problems));
    for (String name : PAGES) {
      assertTrue(Files.isRegularFile(Path.of("docs", name)), "docs/" + name);
    }
  }

  @Test
  void theFrontPagesTableListsEveryCommandOnce() throws IOException {
    List<String> listed = new ArrayList<>();
    boolean inCommands = false;
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      if (line.startsWith("#")) {
        inCommands = line.equals(COMMANDS_HEADING);
      }
      Matcher m = TABLE_COMMAND.matcher(line);
      if (inCommands && m.find()) {
        listed.add(m.group(1));
      }
    }
    Set<String> commands = new TreeSet<>(checker.commands());
    commands.remove("help"); // picocli's own
    assertEquals(commands, new TreeSet<>(listed));
    assertEquals(commands.size(), listed.size(), "each once: " + listed);
  }

  @Test
  void aMissingFileOrHeadingIsCaught() throws IOException {
    Files.writeString(tmp.resolve("other.md"), "# Other page\n\n## Serve it yourself: eyegan serve\n");
    Files.createDirectories(tmp.resolve("pics"));
    Files.writeString(tmp.resolve("pics/grid.png"), "png");
    String good = "See [that](other.md), [its section](other.md#serve-it-yourself-eyegan-serve),"
        + " [here](#top-heading), ![a grid](pics/grid.png), [web](https://example.org/x.md) and [a folder](pics/).\n";
    assertEquals(List.of(), check("# Top heading\n\n" + good));
    assertEquals(1, check("# Top\n\nSee [gone](gone.md).\n").size());
    assertEquals(1, check("# Top\n\n![gone](pics/gone.png)\n").size());
    assertEquals(1, check("# Top\n\nSee [wrong](other.md#serve-it).\n").size());
    assertEquals(1, check("# Top\n\nSee [wrong](#no-such-heading).\n").size());
    assertEquals(List.of(), check("# Top\n\n    echo [not a link](gone.md)\n"), "code is not a link");
  }

  @Test
  void aMadeUpCommandOrFlagIsCaught() throws IOException {
    assertEquals(List.of(), check("Run `eyegan train --epochs 68 --seed 1` or `train --minutes 40`.\n\n"
        + "    java -jar target/eyegan.jar export --run-dir runs/X --no-ema   # a comment --not-a-flag\n"
        + "    mvn -q compile exec:java -Dexec.args=\"train --preset tiny\"\n"
        + "    eyegan serve: listening on http://127.0.0.1:8501/ (eyegan version 1)\n"
        + "    tensorboard --logdir runs/ && eyegan report --run-dir runs/X\n\n"
        + "The flag `--fit pad`, plain --verbose and TF Serving's `--enable_batching`; `curl -s -X POST --data x`.\n"));
    assertEquals(1, check("Run `eyegan train --epoch 68`.\n").size(), "a flag of no such name");
    assertEquals(1, check("Run `eyegan serve --run-dir x`.\n").size(), "another command's flag");
    assertEquals(1, check("Run `eyegan trian`.\n").size(), "no such command");
    assertEquals(1, check("    java -jar target/eyegan.jar generate --n 4 \\\n      --sedd 42\n").size());
    assertEquals(1, check("    mvn -q compile exec:java -Dexec.args=\"train --presets tiny\"\n").size());
    assertEquals(1, check("Turn it off with --no-exports.\n").size(), "a flag in running text");
    assertEquals(1, check("Turn it off with `--no-exports`.\n").size(), "a flag alone in a code span");
    assertEquals(1, check("    tensorboard --logdir runs/ && eyegan report --run-dirs x\n").size());
    assertEquals(1, check("Measured with `eyegan evaluate --real data\n--modle x`.\n").size(), "a span over two lines");
  }

  private List<String> check(String page) throws IOException {
    return checker.check(tmp.resolve("page.md"), page);
  }
}
