package eyegan.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of one TensorFlow.js graph model, read into memory: the model description (the
 * {@code model.json} object: {@code format}, {@code modelTopology} = a GraphDef as protobuf JSON,
 * {@code weightsManifest}) and the bytes of every weight shard it names.
 *
 * <p>Two packagings are read:
 * <ul>
 *   <li>the converter's own: {@code model.json} beside binary shards ({@code iris.bin});
 *   <li>nsfwjs's: {@code model.min.js}, a JavaScript module whose export is the same object as a
 *       literal, beside {@code <shard>.min.js} modules that each export one base64 string.
 * </ul>
 *
 * @param model the model description
 * @param shards bytes of each shard, keyed by the path the manifest gives
 * @param sources every file read, in reading order, for provenance
 */
record TfjsArtifacts(JsonNode model, Map<String, byte[]> shards, List<SourceFile> sources) {
  /** A file read and its SHA-256, its name relative to the model's folder. */
  record SourceFile(String name, String sha256, long bytes) {}

  private static final String JS_SUFFIX = ".min.js";
  private static final String EXPORT = "exports=";

  /**
   * Reads {@code modelFile} ({@code *.json} or {@code *.js}) and the shards its manifest names,
   * which must lie in the same folder.
   */
  static TfjsArtifacts read(Path modelFile) {
    String name = modelFile.getFileName().toString();
    boolean js = name.endsWith(".js");
    List<SourceFile> sources = new ArrayList<>();
    String text = new String(readAll(modelFile, sources), StandardCharsets.UTF_8);
    JsonNode model = js ? exportedLiteral(text, modelFile) : JsLiteral.parse(text, 0);
    if (!model.has("modelTopology") || !model.has("weightsManifest")) {
      throw new IllegalArgumentException(modelFile + " is not a TensorFlow.js graph model: no modelTopology/weightsManifest");
    }
    if (model.has("format") && !"graph-model".equals(model.get("format").asText())) {
      throw new IllegalArgumentException(modelFile + " is a TensorFlow.js '" + model.get("format").asText()
          + "', not a graph-model");
    }
    Map<String, byte[]> shards = new LinkedHashMap<>();
    for (JsonNode group : model.get("weightsManifest")) {
      for (JsonNode p : group.get("paths")) {
        String path = p.asText();
        Path file = modelFile.resolveSibling(js ? path + JS_SUFFIX : path);
        byte[] bytes = readAll(file, sources);
        shards.put(path, js ? base64Export(new String(bytes, StandardCharsets.US_ASCII), file) : bytes);
      }
    }
    return new TfjsArtifacts(model, shards, sources);
  }

  /** The object a bundled module assigns to {@code module.exports} (the first assignment). */
  private static JsonNode exportedLiteral(String text, Path file) {
    int at = text.indexOf(EXPORT);
    while (at >= 0) {
      int start = at + EXPORT.length();
      char c = text.charAt(start);
      if (c == '{') {
        return JsLiteral.parse(text, start);
      }
      at = text.indexOf(EXPORT, start);
    }
    throw new IllegalArgumentException(file + " exports no object literal");
  }

  /** The base64 string a bundled weight shard exports, decoded. */
  private static byte[] base64Export(String text, Path file) {
    int at = text.indexOf(EXPORT + "\"");
    if (at < 0) {
      throw new IllegalArgumentException(file + " exports no string");
    }
    int start = at + EXPORT.length() + 1;
    int end = text.indexOf('"', start);
    if (end < 0) {
      throw new IllegalArgumentException(file + ": unterminated string");
    }
    return Base64.getDecoder().decode(text.substring(start, end));
  }

  private static byte[] readAll(Path file, List<SourceFile> sources) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      sources.add(new SourceFile(file.getFileName().toString(), Sha256.hex(bytes), bytes.length));
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
