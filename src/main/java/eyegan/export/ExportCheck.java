package eyegan.export;

import eyegan.inference.ServingSignatures;
import java.io.IOException;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * Loads a just-written SavedModel the way a server would (its own graph and session, tag
 * {@code serve}) and runs each signature once, before the version is published: a model that
 * TensorFlow cannot load or run never becomes a version folder.
 */
final class ExportCheck {
  private static final long CHECK_SEED = 0;

  private ExportCheck() {}

  static void verify(String dir, int resolution, int noiseDim) throws IOException {
    try (SavedModelBundle bundle = SavedModelBundle.load(dir, ServingSignatures.TAG)) {
      try (TFloat32 noise = TFloat32.tensorOf(Shape.of(1, noiseDim));
          Result r = bundle.function(ServingSignatures.DEFAULT).call(Map.of(ServingSignatures.NOISE, noise))) {
        expectShape(r, ServingSignatures.IMAGES, Shape.of(1, resolution, resolution, 3));
      }
      try (TInt64 seeds = TInt64.vectorOf(CHECK_SEED, CHECK_SEED + 1)) {
        try (Result r = bundle.function(ServingSignatures.GENERATE_FROM_SEEDS).call(Map.of(ServingSignatures.SEEDS, seeds))) {
          expectShape(r, ServingSignatures.IMAGES, Shape.of(2, resolution, resolution, 3));
          expectShape(r, ServingSignatures.NOISE, Shape.of(2, noiseDim));
        }
        try (Result r = bundle.function(ServingSignatures.GENERATE_PNG).call(Map.of(ServingSignatures.SEEDS, seeds))) {
          Tensor t = expectShape(r, ServingSignatures.PNG_BYTES, Shape.of(2));
          byte[] png = ((TString) t).asBytes().getObject(1);
          if (png.length < 8 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new IOException("the exported model's " + ServingSignatures.PNG_BYTES + " is not a PNG file");
          }
        }
      }
    } catch (RuntimeException e) {
      throw new IOException("TensorFlow cannot load or run the exported model: " + e.getMessage(), e);
    }
  }

  private static Tensor expectShape(Result r, String name, Shape expected) throws IOException {
    Tensor t = r.get(name).orElseThrow(() -> new IOException("the exported model does not output " + name));
    if (!t.shape().equals(expected)) {
      throw new IOException("the exported model's " + name + " has shape " + t.shape() + ", expected " + expected);
    }
    return t;
  }
}
