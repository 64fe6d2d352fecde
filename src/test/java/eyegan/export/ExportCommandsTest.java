package eyegan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.cli.EyeganCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** export -> inspect -> generate through the real command line, in process. */
class ExportCommandsTest {
  @TempDir static Path dir;
  private static TinyRun run;

  @BeforeAll
  static void train() throws Exception {
    run = TinyRun.create(dir.resolve("run"));
  }

  @Test
  void exportInspectGenerate() throws Exception {
    Path base = dir.resolve("models");
    Outcome export = eyegan("export", "--run-dir", run.runDir.toString(), "--out", base.toString());
    assertEquals(0, export.code, export.err);
    assertTrue(export.out.contains(base.resolve("1").toString()), export.out);

    Outcome inspect = eyegan("inspect", "--model", base.toString());
    assertEquals(0, inspect.code, inspect.err);
    for (String expected : List.of("signature_def['serving_default']", "signature_def['generate_png']",
        "inputs['seeds']", "outputs['png_bytes']", "dtype: DT_STRING", "shape: (-1, 100)", "shape: (-1, 32, 32, 3)",
        "preset:", "tiny", "training step:    3", "MetaGraphDef with tag-set: 'serve'")) {
      assertTrue(inspect.out.contains(expected), "missing '" + expected + "' in\n" + inspect.out);
    }

    Path out = dir.resolve("out");
    Outcome gen = eyegan("generate", "--model", base.toString(), "--n", "4", "--seed", "42", "--out", out.toString(), "--grid");
    assertEquals(0, gen.code, gen.err);
    assertEquals(List.of("grid-seed42-45.png", "seed42.png", "seed43.png", "seed44.png", "seed45.png"), names(out));

    Outcome again = eyegan("generate", "--model", base.toString(), "--n", "6", "--seed", "40", "--out", out.toString());
    assertEquals(EyeganCommand.EXIT_USAGE, again.code);
    assertTrue(again.err.contains("seed42.png") && again.err.contains("overwrite"), again.err);
    assertEquals(5, names(out).size(), "a refused run writes nothing");

    Outcome walk = eyegan("generate", "--model", base.toString(), "--n", "2", "--seed", "42", "--interpolate", "3",
        "--truncation", "0.7", "--grid-only", "--out", out.toString());
    assertEquals(0, walk.code, walk.err);
    assertTrue(names(out).contains("interp-grid-seed42-43-3steps-psi0.70.png"), names(out).toString());
  }

  @Test
  void badInputExitsWithUsageCode() {
    Outcome notRun = eyegan("export", "--run-dir", dir.resolve("nothing").toString());
    assertEquals(EyeganCommand.EXIT_USAGE, notRun.code);
    assertTrue(notRun.err.contains("training_options.json"), notRun.err);
    Outcome notModel = eyegan("inspect", "--model", dir.toString());
    assertEquals(EyeganCommand.EXIT_USAGE, notModel.code);
    assertTrue(notModel.err.contains("not a SavedModel"), notModel.err);
  }

  private record Outcome(int code, String out, String err) {}

  private static Outcome eyegan(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = EyeganCommand.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
