package eyegan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eyegan serve} refuses what it cannot serve with exit code 2 and one line, before listening. */
class ServeCommandTest {
  @TempDir Path tmp;

  @Test
  void helpHasAnExample() {
    CliResult h = CommandLineTest.eyegan("serve", "--help");
    assertEquals(0, h.code());
    assertTrue(h.out().contains("Examples:") && h.out().contains("--port"), h.out());
  }

  @Test
  void anAbsentModelFolderIsAUsageError() {
    assertOneLine(CommandLineTest.eyegan("serve", "--model", tmp.resolve("nothing").toString()), "does not exist");
  }

  @Test
  void aFolderWithoutVersionsIsAUsageError() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Files.createDirectories(empty.resolve("v1")); // not an integer: not a version, as TF Serving reads it
    assertOneLine(CommandLineTest.eyegan("serve", "--model", empty.toString()), "holds no version folders");
  }

  @Test
  void aVersionFolderInsteadOfTheBasePathIsAUsageError() throws Exception {
    Path version = Files.createDirectories(tmp.resolve("eyegan/1"));
    Files.write(version.resolve("saved_model.pb"), new byte[0]);
    assertOneLine(CommandLineTest.eyegan("serve", "--model", version.toString()), "is a version folder");
  }

  @Test
  void aSavedModelThatIsNotEyegansIsAUsageError() throws Exception {
    Path version = Files.createDirectories(tmp.resolve("other/1"));
    Files.write(version.resolve("saved_model.pb"), new byte[0]);
    assertOneLine(CommandLineTest.eyegan("serve", "--model", tmp.resolve("other").toString()), "not an eyegan export");
  }

  @Test
  void outOfRangeFlagsAreUsageErrors() {
    String model = tmp.toString();
    assertOneLine(CommandLineTest.eyegan("serve", "--model", model, "--port", "70000"), "port must be 0..65535");
    assertOneLine(CommandLineTest.eyegan("serve", "--model", model, "--max-batch", "0"), "max batch must be >= 1");
    assertOneLine(CommandLineTest.eyegan("serve", "--model", model, "--model-name", "a/b"), "model name");
  }

  private static void assertOneLine(CliResult r, String message) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("eyegan: ") && r.err().contains(message), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
  }
}
