package eyegan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.report.FakeRun;
import eyegan.report.TrainingReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

  @Test
  void writesTheReportAndNamesTheFiles(@TempDir Path dir) {
    FakeRun.write(dir, 2, 2, 16);
    StringWriter out = new StringWriter();
    int code = run(out, new StringWriter(), "report", "--run-dir", dir.toString());
    assertEquals(0, code, out.toString());
    for (String name : new String[] {TrainingReport.GIF, TrainingReport.CURVES, TrainingReport.INDEX}) {
      assertTrue(out.toString().contains("wrote " + name), out.toString());
      assertTrue(Files.isRegularFile(dir.resolve(name)), name);
    }
  }

  @Test
  void missingFolderIsAUsageErrorNamingIt(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    int code = run(new StringWriter(), err, "report", "--run-dir", dir.resolve("runs/00042").toString());
    assertEquals(EyeganCommand.EXIT_USAGE, code);
    assertTrue(err.toString().contains("00042") && err.toString().contains("does not exist"), err.toString());
  }

  @Test
  void helpHasAnExample() {
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, new StringWriter(), "report", "--help"));
    assertTrue(out.toString().contains("eyegan report --run-dir runs/"), out.toString());
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cmd = EyeganCommand.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }
}
