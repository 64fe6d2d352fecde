package eyegan.inference;

import eyegan.image.ImageGrid;
import eyegan.image.PngFiles;
import eyegan.image.RgbImages;
import eyegan.runtime.NativeLogging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * Invents eye images with a generator that eyegan exported as a TensorFlow SavedModel. This class
 * (with {@link RgbImages} for results) is all a Java application needs; it does not depend on
 * eyegan's training code.
 *
 * <pre>{@code
 * try (EyeGenerator eyes = EyeGenerator.load(Path.of("savedmodel/eyegan"))) { // highest version
 *   RgbImages batch = eyes.generate(16, 42);              // seeds 42..57, 8-bit RGB [16, R, R, 3]
 *   EyeGenerator.writeGrid(batch, Path.of("eyes.png"));  // a 4x4 grid
 *   RgbImages calmer = eyes.generate(16, 42, 0.7);        // truncation psi 0.7
 *   RgbImages walk = eyes.interpolate(42, 43, 8);         // 8 steps from seed 42 to seed 43
 *   float[] raw = eyes.generateFloats(new float[][] {myNoise}); // [1, R, R, 3] in [-1, 1]
 * }
 * }</pre>
 *
 * <p><b>Seeds.</b> A seed names one image: {@code generate(n, seed)} uses seeds {@code seed,
 * seed+1, ..., seed+n-1} (wrapping at {@code Long.MAX_VALUE}) and draws their noise inside the
 * model's graph, so the same seed gives the same pixels here, in the model's {@code generate_png}
 * signature under TF Serving, and in Python.
 *
 * <p><b>Images.</b> Float results are NHWC float32 [n, R, R, 3], RGB, in [-1, 1] (tanh); {@link
 * RgbImages} results are the same mapped to 0..255 by {@link RgbImages#toByte(float)}.
 *
 * <p><b>Console.</b> Nothing is written to stdout or stderr, TensorFlow's native start-up logging
 * included; {@code -Deyegan.tf.verbose=true} shows TensorFlow's lines, and a {@code
 * TF_CPP_MIN_LOG_LEVEL} set in the environment is respected ({@link NativeLogging}).
 *
 * <p><b>Threads.</b> One instance may be used by many threads at once; each call runs its own
 * TensorFlow step on the shared session. {@link #close()} waits for calls in progress; calls after
 * it fail with {@link IllegalStateException}. Large requests run in chunks of {@value #MAX_BATCH}.
 */
public final class EyeGenerator implements AutoCloseable {
  /** Rows per TensorFlow run; larger requests are split so memory stays bounded. */
  public static final int MAX_BATCH = 64;

  private final Path dir;
  private final ModelInfo info;
  private final SavedModelBundle bundle;
  private final Session session;
  private final SignatureCheck.Tensors names;
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private EyeGenerator(Path dir, ModelInfo info, SavedModelBundle bundle, SignatureCheck.Tensors names) {
    this.dir = dir;
    this.info = info;
    this.bundle = bundle;
    this.session = bundle.session();
    this.names = names;
  }

  /**
   * Loads an eyegan SavedModel.
   *
   * @param path a version folder ({@code savedmodel/eyegan/3}) or a TF Serving base path
   *     ({@code savedmodel/eyegan}), which loads its highest version
   * @throws NotAnEyeganModelException if {@code path} holds no SavedModel, one without eyegan's
   *     metadata, or one whose signatures are not eyegan's
   */
  public static EyeGenerator load(Path path) {
    Path dir = ModelFolder.resolve(path);
    Path metaFile = dir.resolve(ServingSignatures.ASSETS_EXTRA).resolve(ServingSignatures.METADATA_FILE);
    if (!Files.isRegularFile(metaFile)) {
      throw new NotAnEyeganModelException(dir + " is a SavedModel but not an eyegan export: it has no "
          + ServingSignatures.ASSETS_EXTRA + "/" + ServingSignatures.METADATA_FILE);
    }
    ModelInfo info;
    try {
      info = ModelInfo.read(metaFile);
    } catch (IOException e) {
      throw new NotAnEyeganModelException("cannot read " + metaFile + ": " + firstLine(e), e);
    }
    SavedModelBundle bundle;
    try {
      // TensorFlow starts here (its natives load on first use) and logs while it loads a model.
      bundle = NativeLogging.quietly(() -> SavedModelBundle.load(dir.toString(), ServingSignatures.TAG));
    } catch (RuntimeException e) {
      throw new NotAnEyeganModelException("TensorFlow cannot load the SavedModel in " + dir + ": " + firstLine(e), e);
    }
    try {
      SignatureCheck.Tensors names = SignatureCheck.check(dir, bundle.metaGraphDef(), info.resolution(), info.noiseDim());
      return new EyeGenerator(dir, info, bundle, names);
    } catch (RuntimeException e) {
      bundle.close();
      throw e;
    }
  }

  /** The version folder that was loaded. */
  public Path path() {
    return dir;
  }

  /** The export's metadata (preset, resolution, noise size, training step, ...). */
  public ModelInfo info() {
    return info;
  }

  /** Side R of the square images. */
  public int resolution() {
    return info.resolution();
  }

  /** Length D of one noise row. */
  public int noiseDim() {
    return info.noiseDim();
  }

  /** Images of seeds {@code seed .. seed+n-1}, 8-bit: [n, R, R, 3]. */
  public RgbImages generate(int n, long seed) {
    return toRgb(generateFloats(n, seed), n);
  }

  /**
   * Images of seeds {@code seed .. seed+n-1} with the truncation trick: each seed's noise scaled
   * toward the mean by {@code psi} ({@link Latents#truncate}); psi = 1 is no truncation.
   */
  public RgbImages generate(int n, long seed, double psi) {
    Latents.requirePsi(psi);
    if (psi == 1) {
      return generate(n, seed); // no truncation: the seed path itself, identical to generate_png
    }
    return generate(Latents.truncate(noise(n, seed), psi));
  }

  /** Images of the given noise rows, 8-bit: [noise.length, R, R, 3]. */
  public RgbImages generate(float[][] noise) {
    return toRgb(generateFloats(noise), noise.length);
  }

  /** Images of seeds {@code seed .. seed+n-1}: float32 NHWC [n, R, R, 3] in [-1, 1], flattened. */
  public float[] generateFloats(int n, long seed) {
    requireCount(n);
    return generateFloats(consecutive(n, seed));
  }

  /**
   * Images of any seeds, in order (a seed may repeat): float32 NHWC [seeds.length, R, R, 3] in
   * [-1, 1], flattened; row i is the image of {@code seeds[i]}.
   */
  public float[] generateFloats(long[] seeds) {
    int n = seeds.length;
    requireCount(n);
    int size = imageFloats();
    float[] out = new float[n * size];
    runLocked(() -> {
      for (int first = 0; first < n; first += MAX_BATCH) {
        int rows = Math.min(MAX_BATCH, n - first);
        try (TInt64 in = seedTensor(seeds, first, rows);
            Result r = session.runner().feed(names.seedsIn(), in).fetch(names.seedImagesOut()).run()) {
          ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false).slice((long) first * size, (long) rows * size));
        }
      }
    });
    return out;
  }

  /**
   * Images of the given noise rows: float32 NHWC [noise.length, R, R, 3] in [-1, 1], flattened.
   *
   * @param noise [n][D] with D = {@link #noiseDim()}, n >= 1
   * @throws IllegalArgumentException for an empty batch or a row whose length is not D
   */
  public float[] generateFloats(float[][] noise) {
    int n = noise.length;
    requireCount(n);
    int d = noiseDim();
    float[] flat = new float[n * d];
    for (int i = 0; i < n; i++) {
      if (noise[i] == null || noise[i].length != d) {
        throw new IllegalArgumentException("noise row " + i + " has " + (noise[i] == null ? "no" : noise[i].length)
            + " values; this model takes " + d + " per row (" + dir + ")");
      }
      System.arraycopy(noise[i], 0, flat, i * d, d);
    }
    int size = imageFloats();
    float[] out = new float[n * size];
    runLocked(() -> {
      for (int first = 0; first < n; first += MAX_BATCH) {
        int rows = Math.min(MAX_BATCH, n - first);
        try (TFloat32 in = TFloat32.tensorOf(Shape.of(rows, d), DataBuffers.of(flat, true, false).slice((long) first * d, (long) rows * d));
            Result r = session.runner().feed(names.noiseIn(), in).fetch(names.imagesOut()).run()) {
          ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false).slice((long) first * size, (long) rows * size));
        }
      }
    });
    return out;
  }

  /** The noise that seeds {@code seed .. seed+n-1} stand for: [n][D], drawn by the model's graph. */
  public float[][] noise(int n, long seed) {
    requireCount(n);
    return noise(consecutive(n, seed));
  }

  /** The noise that each of {@code seeds} stands for: [seeds.length][D], drawn by the model's graph. */
  public float[][] noise(long[] seeds) {
    int n = seeds.length;
    requireCount(n);
    int d = noiseDim();
    float[][] out = new float[n][d];
    runLocked(() -> {
      for (int first = 0; first < n; first += MAX_BATCH) {
        int rows = Math.min(MAX_BATCH, n - first);
        try (TInt64 in = seedTensor(seeds, first, rows);
            Result r = session.runner().feed(names.seedsIn(), in).fetch(names.seedNoiseOut()).run()) {
          TFloat32 t = (TFloat32) r.get(0);
          for (int i = 0; i < rows; i++) {
            t.get(i).copyTo(DataBuffers.of(out[first + i], false, false));
          }
        }
      }
    });
    return out;
  }

  /**
   * PNG files of seeds {@code seed .. seed+n-1}, encoded by the model's {@code generate_png}
   * signature (what TF Serving returns); decoded, their pixels equal {@link #generate(int, long)}.
   */
  public byte[][] generatePng(int n, long seed) {
    requireCount(n);
    return generatePng(consecutive(n, seed));
  }

  /** PNG files of any seeds, in order, as {@link #generatePng(int, long)} encodes them. */
  public byte[][] generatePng(long[] seeds) {
    int n = seeds.length;
    requireCount(n);
    byte[][] out = new byte[n][];
    runLocked(() -> {
      for (int first = 0; first < n; first += MAX_BATCH) {
        int rows = Math.min(MAX_BATCH, n - first);
        try (TInt64 in = seedTensor(seeds, first, rows);
            Result r = session.runner().feed(names.seedsIn(), in).fetch(names.pngOut()).run()) {
          TString t = (TString) r.get(0);
          for (int i = 0; i < rows; i++) {
            out[first + i] = t.asBytes().getObject(i);
          }
        }
      }
    });
    return out;
  }

  /**
   * A latent walk from seed {@code from} to seed {@code to}: {@code steps} images, both ends
   * included, on the spherical path between their noise vectors ({@link Latents#slerp}).
   */
  public RgbImages interpolate(long from, long to, int steps) {
    if (steps < 2) {
      throw new IllegalArgumentException("an interpolation needs at least 2 steps, got " + steps);
    }
    return generate(Latents.slerp(noise(1, from)[0], noise(1, to)[0], steps));
  }

  /**
   * Writes {@code images} as one PNG grid (row-major, about square, thin dark gutters), atomically,
   * replacing {@code file} if it exists.
   */
  public static void writeGrid(RgbImages images, Path file) {
    PngFiles.write(ImageGrid.compose(images), file);
  }

  /** Releases the TensorFlow graph and session once calls in progress have finished. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        bundle.close();
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  private void runLocked(Runnable work) {
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("this EyeGenerator (" + dir + ") is closed");
      }
      work.run();
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Seeds {@code seed .. seed+n-1}, wrapping at {@code Long.MAX_VALUE}. */
  private static long[] consecutive(int n, long seed) {
    long[] seeds = new long[n];
    for (int i = 0; i < n; i++) {
      seeds[i] = seed + i;
    }
    return seeds;
  }

  private static TInt64 seedTensor(long[] seeds, int first, int rows) {
    return TInt64.vectorOf(java.util.Arrays.copyOfRange(seeds, first, first + rows));
  }

  private int imageFloats() {
    return resolution() * resolution() * RgbImages.CHANNELS;
  }

  private RgbImages toRgb(float[] nhwc, int n) {
    return RgbImages.fromUnitRange(nhwc, n, resolution(), resolution());
  }

  private static void requireCount(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("need at least 1 image, got " + n);
    }
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
  }
}
