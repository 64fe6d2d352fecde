package eyegan.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * Describes a SavedModel as text without loading it into TensorFlow: eyegan's metadata (when
 * present) followed by every meta graph's SignatureDefs in the layout of {@code saved_model_cli
 * show --all}. Works for any SavedModel, eyegan's or not.
 */
public final class ModelInspection {
  private ModelInspection() {}

  /**
   * @param path a version folder or a TF Serving base path (its highest version is described)
   * @throws NotAnEyeganModelException when {@code path} holds no SavedModel or it cannot be parsed
   */
  public static String describe(Path path) {
    Path dir = ModelFolder.resolve(path);
    StringBuilder out = new StringBuilder();
    out.append("SavedModel: ").append(dir).append('\n');
    if (!dir.equals(path)) {
      out.append("versions under ").append(path).append(": ")
          .append(String.join(", ", ModelFolder.versions(path).stream().map(String::valueOf).toList())).append('\n');
    }
    out.append('\n');
    metadata(dir, out);
    SavedModel model;
    Path pb = dir.resolve(ServingSignatures.SAVED_MODEL_FILE);
    try {
      model = SavedModel.parseFrom(Files.readAllBytes(pb));
    } catch (IOException e) {
      throw new NotAnEyeganModelException("cannot read " + pb + ": " + e.getMessage(), e);
    }
    for (MetaGraphDef meta : model.getMetaGraphsList()) {
      List<String> tags = meta.getMetaInfoDef().getTagsList();
      out.append("MetaGraphDef with tag-set: '").append(String.join(", ", tags))
          .append("' contains the following SignatureDefs:\n");
      // serving_default first, then the others by name, as a reader looks for the default first
      meta.getSignatureDefMap().entrySet().stream()
          .sorted(Map.Entry.comparingByKey((a, b) -> a.equals(ServingSignatures.DEFAULT) ? -1
              : b.equals(ServingSignatures.DEFAULT) ? 1 : a.compareTo(b)))
          .forEach(e -> signature(e.getKey(), e.getValue(), out));
    }
    return out.toString();
  }

  private static void metadata(Path dir, StringBuilder out) {
    Path file = dir.resolve(ServingSignatures.ASSETS_EXTRA).resolve(ServingSignatures.METADATA_FILE);
    if (!Files.isRegularFile(file)) {
      out.append("no eyegan metadata (").append(ServingSignatures.ASSETS_EXTRA).append('/')
          .append(ServingSignatures.METADATA_FILE).append("): not exported by eyegan\n\n");
      return;
    }
    ModelInfo m;
    try {
      m = ModelInfo.read(file);
    } catch (IOException e) {
      out.append("unreadable eyegan metadata ").append(file).append(": ").append(e.getMessage()).append("\n\n");
      return;
    }
    out.append("eyegan metadata (").append(ServingSignatures.ASSETS_EXTRA).append('/').append(ServingSignatures.METADATA_FILE).append("):\n");
    row(out, "preset", m.preset());
    row(out, "images", m.resolution() + "x" + m.resolution() + " RGB, NHWC float32 in " + m.pixelRange());
    row(out, "noise size", m.noiseDim() + " (N(0, 1) per value)");
    row(out, "generator widths", m.generatorWidths().toString());
    row(out, "training step", m.trainingStep() + " (epoch " + m.epoch() + ", checkpoint " + m.checkpoint() + ")");
    if (m.run() != null && !m.run().isEmpty()) {
      row(out, "run", m.run());
    }
    row(out, "seed noise", m.noiseAlgorithm());
    row(out, "signatures", String.join(", ", m.signatures().keySet()));
    row(out, "eyegan version", m.eyeganVersion());
    row(out, "TensorFlow", m.tensorflowVersion());
    row(out, "exported at", m.exportedAt());
    out.append('\n');
  }

  private static void row(StringBuilder out, String key, String value) {
    out.append(String.format("  %-17s %s%n", key + ":", value));
  }

  private static void signature(String key, SignatureDef def, StringBuilder out) {
    out.append("\nsignature_def['").append(key).append("']:\n");
    out.append("  The given SavedModel SignatureDef contains the following input(s):\n");
    def.getInputsMap().forEach((name, info) -> tensor("inputs", name, info, out));
    out.append("  The given SavedModel SignatureDef contains the following output(s):\n");
    def.getOutputsMap().forEach((name, info) -> tensor("outputs", name, info, out));
    out.append("  Method name is: ").append(def.getMethodName()).append('\n');
  }

  private static void tensor(String kind, String name, TensorInfo info, StringBuilder out) {
    out.append("    ").append(kind).append("['").append(name).append("'] tensor_info:\n");
    out.append("        dtype: ").append(info.getDtype().name()).append('\n');
    out.append("        shape: ").append(TensorText.shape(info.getTensorShape())).append('\n');
    out.append("        name: ").append(info.getName()).append('\n');
  }
}
