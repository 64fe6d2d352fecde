package eyegan.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eyegan.UserInputException;
import eyegan.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code training_options.json}, the record of a run's effective settings. */
public final class TrainingOptionsFile {
  /** File name inside a run folder. */
  public static final String NAME = "training_options.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TrainingOptionsFile() {}

  /** Writes {@code config} into {@code runDir} atomically. */
  public static void write(Path runDir, TrainConfig config) {
    AtomicFiles.write(runDir.resolve(NAME), out -> out.write(JSON.writeValueAsBytes(config)));
  }

  /** Reads the options of the run in {@code runDir}. */
  public static TrainConfig read(Path runDir) {
    Path file = runDir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      throw new UserInputException(runDir + " is not an eyegan run folder (no " + NAME + ")");
    }
    try {
      return JSON.readValue(file.toFile(), TrainConfig.class);
    } catch (IOException e) {
      throw new UserInputException("cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  /** True when {@code runDir} holds a run's options. */
  public static boolean exists(Path runDir) {
    return Files.isRegularFile(runDir.resolve(NAME));
  }
}
