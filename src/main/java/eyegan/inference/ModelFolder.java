package eyegan.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * TF Serving's model layout: a base path holding integer version folders ({@code 1}, {@code 2},
 * ...), each a complete SavedModel. Names that are not plain integers ({@code v1}, {@code .tmp-*})
 * are not versions, exactly as TF Serving reads it.
 */
public final class ModelFolder {
  private static final Pattern VERSION = Pattern.compile("[0-9]{1,18}");

  private ModelFolder() {}

  /** True when {@code dir} holds a {@code saved_model.pb}. */
  public static boolean isSavedModel(Path dir) {
    return Files.isRegularFile(dir.resolve(ServingSignatures.SAVED_MODEL_FILE));
  }

  /** Version numbers under {@code base} whose folders hold a SavedModel, ascending; empty if none. */
  public static List<Long> versions(Path base) {
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(base)) {
      return entries
          .filter(p -> VERSION.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p))
          .filter(ModelFolder::isSavedModel)
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list model versions in " + base + ": " + e.getMessage(), e);
    }
  }

  /**
   * The version folder {@code path} names: {@code path} itself when it holds a SavedModel,
   * otherwise its highest-numbered version.
   *
   * @throws NotAnEyeganModelException when it is neither
   */
  public static Path resolve(Path path) {
    if (!Files.exists(path)) {
      throw new NotAnEyeganModelException(path + " does not exist");
    }
    if (isSavedModel(path)) {
      return path;
    }
    if (!Files.isDirectory(path)) {
      throw new NotAnEyeganModelException(path + " is not a folder; give a SavedModel version folder or its base path");
    }
    List<Long> versions = versions(path);
    if (versions.isEmpty()) {
      throw new NotAnEyeganModelException(path + " is not a SavedModel: it has no " + ServingSignatures.SAVED_MODEL_FILE
          + " and no numbered version folders (1, 2, ...) holding one");
    }
    return path.resolve(Long.toString(versions.get(versions.size() - 1)));
  }
}
