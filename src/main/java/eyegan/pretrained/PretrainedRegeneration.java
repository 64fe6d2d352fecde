package eyegan.pretrained;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Converts every {@link PretrainedNetwork} from the npm tarballs that {@code regenerate.sh} fetched:
 * {@code java eyegan.pretrained.PretrainedRegeneration WORK OUT} reads {@code WORK/<tarball>} (for
 * its SHA-256) and the tarball unpacked into {@code WORK/<tarball without .tgz>/}, and writes
 * {@code OUT/<id>.pb} and {@code OUT/<id>.provenance.json}. Both are deterministic (no dates, no
 * paths of this machine), so the script can compare them with the shipped files byte for byte.
 */
public final class PretrainedRegeneration {
  /** What {@code <id>.provenance.json} records. */
  record Provenance(
      String network,
      String origin,
      @JsonProperty("npm_package") String npmPackage,
      String version,
      String tarball,
      @JsonProperty("tarball_sha256") String tarballSha256,
      @JsonProperty("model_file") String modelFile,
      @JsonProperty("source_files") List<TfjsArtifacts.SourceFile> sourceFiles,
      @JsonProperty("converted_file") String convertedFile,
      @JsonProperty("converted_sha256") String convertedSha256,
      @JsonProperty("converted_bytes") long convertedBytes,
      List<String> licences,
      String converter) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private PretrainedRegeneration() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PretrainedRegeneration WORK_DIR OUT_DIR");
      System.exit(2);
    }
    Path work = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    for (PretrainedNetwork n : PretrainedNetwork.values()) {
      Provenance p = convert(n, work, out);
      System.out.printf("%-18s %9d bytes  sha256 %s%n", p.convertedFile(), p.convertedBytes(), p.convertedSha256());
    }
  }

  /** Converts one network and writes its graph and provenance into {@code out}. */
  static Provenance convert(PretrainedNetwork n, Path work, Path out) throws IOException {
    Path tarball = work.resolve(n.tarballName());
    String unpacked = n.tarballName().substring(0, n.tarballName().length() - ".tgz".length());
    Path model = work.resolve(unpacked).resolve(n.modelPath());
    TfjsArtifacts artifacts = TfjsArtifacts.read(model);
    byte[] graph = TfjsConverter.convertToBytes(artifacts);
    String file = n.id() + ".pb";
    Files.write(out.resolve(file), graph);
    Provenance p = new Provenance(
        n.id(), n.origin(), n.npmPackage(), n.version(), n.tarballName(), sha256(tarball), n.modelPath(), artifacts.sources(),
        file, Sha256.hex(graph), graph.length,
        n.licences().stream().map(l -> "licences/" + l.file()).toList(),
        "eyegan.pretrained.TfjsConverter: weights as constants (uint8/uint16 kept quantised with an in-graph"
            + " float64 dequantisation), _FusedConv2D / FusedDepthwiseConv2dNative / _FusedMatMul split into core"
            + " ops, Prelu(x) = Relu(x) - alpha * Relu(-x)");
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    String json = JSON.writer(pretty).writeValueAsString(p) + "\n";
    Files.writeString(out.resolve(n.id() + ".provenance.json"), json, StandardCharsets.UTF_8);
    return p;
  }

  private static String sha256(Path file) {
    try {
      return Sha256.hex(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (fetch it with npm pack): " + e.getMessage(), e);
    }
  }
}
