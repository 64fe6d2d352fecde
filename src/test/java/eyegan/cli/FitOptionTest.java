package eyegan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eyegan.config.Preset;
import eyegan.config.TrainConfig;
import eyegan.config.TrainingOptionsFile;
import eyegan.data.SquareFit;
import eyegan.image.PngFiles;
import eyegan.image.RgbImages;
import eyegan.synth.SyntheticEyes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --fit crop|pad|stretch}: recorded with the run, kept on resume, never silently changed. */
class FitOptionTest {
  @TempDir Path tmp;

  @Test
  void stretchIsRecordedAndKeptWhenTheRunResumes() throws Exception {
    Path data = tmp.resolve("eyes");
    RgbImages eyes = SyntheticEyes.render(4, 3, 32);
    for (int i = 0; i < eyes.count(); i++) {
      PngFiles.write(eyes.toBufferedImage(i), data.resolve("eye" + i + ".png"));
    }
    Path run = tmp.resolve("run");
    CliResult first = CommandLineTest.eyegan("train", "--preset", "tiny", "--data", data.toString(),
        "--run-dir", run.toString(), "--fit", "stretch", "--epochs", "1", "--no-export", "--swd-every", "0");
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().contains("stretched to square"), first.out());
    assertEquals(SquareFit.STRETCH, SquareFit.parse(TrainingOptionsFile.read(run).fit()));

    // Resumed without --fit: the recorded fit, not the default crop.
    CliResult again = CommandLineTest.eyegan("train", "--run-dir", run.toString(), "--epochs", "2");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("stretched to square"), again.out());

    CliResult other = CommandLineTest.eyegan("train", "--run-dir", run.toString(), "--epochs", "3", "--pad");
    assertEquals(2, other.code(), other.err());
    assertTrue(other.err().contains("--fit pad differs from the run's stretch"), other.err());
  }

  @Test
  void runsRecordedBeforeTheOptionExistedWereCropped() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("old"));
    TrainingOptionsFile.write(run, TrainConfig.fromPreset(Preset.TINY));
    ObjectMapper json = new ObjectMapper();
    ObjectNode options = (ObjectNode) json.readTree(run.resolve(TrainingOptionsFile.NAME).toFile());
    options.remove("fit");
    json.writeValue(run.resolve(TrainingOptionsFile.NAME).toFile(), options);
    assertEquals(SquareFit.CROP, SquareFit.parse(TrainingOptionsFile.read(run).fit()));
  }
}
