package eyegan.serve;

import eyegan.export.GeneratorExporter;
import eyegan.export.TinyRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * An exported model and the reference answers of its signatures, computed with TensorFlow Java's
 * plain SavedModelBundle functions: what TF Serving itself would compute, without eyegan's server
 * or inference API in between. {@link #create} makes a real tiny-preset model (a few training
 * steps) as version 1 of a new base path; {@link #open} takes an existing base path.
 */
final class ReferenceModel implements AutoCloseable {
  static final int R = 32;
  static final int D = 100;

  final Path base;
  private final SavedModelBundle bundle;

  private ReferenceModel(Path base, SavedModelBundle bundle) {
    this.base = base;
    this.bundle = bundle;
  }

  private static ReferenceModel shared;

  /**
   * One tiny model for every test class of this JVM that only reads it (making one takes seconds);
   * its folder is deleted when the JVM exits. Do not close it.
   */
  static synchronized ReferenceModel shared() throws IOException {
    if (shared == null) {
      Path dir = java.nio.file.Files.createTempDirectory("eyegan-serve-test-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> eyegan.io.FileTrees.deleteQuietly(dir)));
      shared = create(dir);
    }
    return shared;
  }

  /** Trains and exports into {@code dir}/models/1. */
  static ReferenceModel create(Path dir) throws IOException {
    TinyRun run = TinyRun.create(dir.resolve("run"));
    Path base = dir.resolve("models");
    new GeneratorExporter(w -> {}).exportRun(run.runDir, base, null);
    return new ReferenceModel(base, SavedModelBundle.load(base.resolve("1").toString(), "serve"));
  }

  /** serving_default on [n, D] noise: images [n, R, R, 3], flattened. */
  float[] images(float[][] noise) {
    float[] flat = new float[noise.length * D];
    for (int i = 0; i < noise.length; i++) {
      System.arraycopy(noise[i], 0, flat, i * D, D);
    }
    try (TFloat32 z = TFloat32.tensorOf(Shape.of(noise.length, D), DataBuffers.of(flat, true, false));
        Result r = bundle.function("serving_default").call(Map.of("noise", z))) {
      return floats((TFloat32) r.get("images").orElseThrow());
    }
  }

  /** generate_from_seeds: {images [n, R, R, 3], noise [n, D]}, each flattened. */
  float[][] fromSeeds(long... seeds) {
    try (TInt64 s = TInt64.vectorOf(seeds);
        Result r = bundle.function("generate_from_seeds").call(Map.of("seeds", s))) {
      return new float[][] {floats((TFloat32) r.get("images").orElseThrow()), floats((TFloat32) r.get("noise").orElseThrow())};
    }
  }

  /** generate_png: one PNG file per seed. */
  byte[][] pngs(long... seeds) {
    try (TInt64 s = TInt64.vectorOf(seeds);
        Result r = bundle.function("generate_png").call(Map.of("seeds", s))) {
      TString t = (TString) r.get("png_bytes").orElseThrow();
      byte[][] out = new byte[seeds.length][];
      for (int i = 0; i < seeds.length; i++) {
        out[i] = t.asBytes().getObject(i);
      }
      return out;
    }
  }

  /** The highest version under an existing base path. */
  static ReferenceModel open(Path base) {
    Path dir = eyegan.inference.ModelFolder.resolve(base);
    return new ReferenceModel(base, SavedModelBundle.load(dir.toString(), "serve"));
  }

  private static float[] floats(TFloat32 t) {
    float[] v = new float[(int) t.shape().size()];
    t.copyTo(DataBuffers.of(v, false, false));
    return v;
  }

  @Override
  public void close() {
    if (this == shared) {
      return; // lives as long as the JVM
    }
    bundle.close();
  }
}
