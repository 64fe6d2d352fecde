package eyegan.export;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * A consumer of an exported model that knows nothing of eyegan: it uses only TensorFlow Java's
 * SavedModelBundle and the documented signature names, and runs in a JVM of its own.
 *
 * <p>Usage: {@code PlainSavedModelClient VERSION_DIR NOISE_FILE OUT_DIR SEED...}. NOISE_FILE holds
 * int n, int d, then n*d floats (big-endian). Writes into OUT_DIR: {@code signatures.txt},
 * {@code images-batch.bin} (serving_default on all rows), {@code images-single.bin} (on row 0 alone),
 * {@code seed-images.bin} and {@code seed-noise.bin} (generate_from_seeds), {@code png-K.png}
 * (generate_png); each .bin holds int count, then floats.
 */
public final class PlainSavedModelClient {
  private PlainSavedModelClient() {}

  public static void main(String[] args) throws IOException {
    Path model = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[2]));
    float[][] noise = readNoise(Path.of(args[1]));
    long[] seeds = new long[args.length - 3];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = Long.parseLong(args[3 + i]);
    }
    try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), "serve")) {
      List<String> lines = new ArrayList<>();
      for (Signature s : bundle.signatures()) {
        lines.add(s.key() + " " + s.inputNames() + " -> " + s.outputNames());
      }
      Files.write(out.resolve("signatures.txt"), lines);
      writeFloats(out.resolve("images-batch.bin"), runNoise(bundle, noise));
      writeFloats(out.resolve("images-single.bin"), runNoise(bundle, new float[][] {noise[0]}));
      try (TInt64 s = TInt64.vectorOf(seeds);
          Result r = bundle.function("generate_from_seeds").call(Map.of("seeds", s))) {
        writeFloats(out.resolve("seed-images.bin"), floats((TFloat32) r.get("images").orElseThrow()));
        writeFloats(out.resolve("seed-noise.bin"), floats((TFloat32) r.get("noise").orElseThrow()));
      }
      try (TInt64 s = TInt64.vectorOf(seeds);
          Result r = bundle.function("generate_png").call(Map.of("seeds", s))) {
        TString pngs = (TString) r.get("png_bytes").orElseThrow();
        for (int i = 0; i < seeds.length; i++) {
          Files.write(out.resolve("png-" + i + ".png"), pngs.asBytes().getObject(i));
        }
      }
    }
  }

  private static float[] runNoise(SavedModelBundle bundle, float[][] rows) {
    int d = rows[0].length;
    float[] flat = new float[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    try (TFloat32 z = TFloat32.tensorOf(Shape.of(rows.length, d), DataBuffers.of(flat, true, false));
        Result r = bundle.function("serving_default").call(Map.of("noise", z))) {
      return floats((TFloat32) r.get("images").orElseThrow());
    }
  }

  private static float[] floats(TFloat32 t) {
    float[] v = new float[(int) t.shape().size()];
    t.copyTo(DataBuffers.of(v, false, false));
    return v;
  }

  private static float[][] readNoise(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      float[][] rows = new float[in.readInt()][in.readInt()];
      for (float[] row : rows) {
        for (int k = 0; k < row.length; k++) {
          row[k] = in.readFloat();
        }
      }
      return rows;
    }
  }

  private static void writeFloats(Path file, float[] values) throws IOException {
    try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      o.writeInt(values.length);
      for (float v : values) {
        o.writeFloat(v);
      }
    }
  }
}
