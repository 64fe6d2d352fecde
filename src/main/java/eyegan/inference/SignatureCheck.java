package eyegan.inference;

import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Checks that a loaded SavedModel has eyegan's three signatures with the expected inputs, outputs,
 * dtypes and shapes, and returns the graph tensor names to feed and fetch.
 */
final class SignatureCheck {
  /** Graph tensor names ({@code op:index}) behind the signatures. */
  record Tensors(String noiseIn, String imagesOut, String seedsIn, String seedImagesOut, String seedNoiseOut, String pngOut) {}

  private SignatureCheck() {}

  static Tensors check(Path dir, MetaGraphDef meta, int resolution, int noiseDim) {
    Map<String, SignatureDef> sigs = meta.getSignatureDefMap();
    long[] noiseShape = {-1, noiseDim};
    long[] imageShape = {-1, resolution, resolution, 3};
    long[] seedShape = {-1};
    SignatureDef def = signature(dir, sigs, ServingSignatures.DEFAULT);
    SignatureDef fromSeeds = signature(dir, sigs, ServingSignatures.GENERATE_FROM_SEEDS);
    SignatureDef png = signature(dir, sigs, ServingSignatures.GENERATE_PNG);
    return new Tensors(
        tensor(dir, ServingSignatures.DEFAULT, def.getInputsMap(), ServingSignatures.NOISE, DataType.DT_FLOAT, noiseShape),
        tensor(dir, ServingSignatures.DEFAULT, def.getOutputsMap(), ServingSignatures.IMAGES, DataType.DT_FLOAT, imageShape),
        tensor(dir, ServingSignatures.GENERATE_FROM_SEEDS, fromSeeds.getInputsMap(), ServingSignatures.SEEDS, DataType.DT_INT64, seedShape),
        tensor(dir, ServingSignatures.GENERATE_FROM_SEEDS, fromSeeds.getOutputsMap(), ServingSignatures.IMAGES, DataType.DT_FLOAT, imageShape),
        tensor(dir, ServingSignatures.GENERATE_FROM_SEEDS, fromSeeds.getOutputsMap(), ServingSignatures.NOISE, DataType.DT_FLOAT, noiseShape),
        tensor(dir, ServingSignatures.GENERATE_PNG, png.getOutputsMap(), ServingSignatures.PNG_BYTES, DataType.DT_STRING, seedShape));
  }

  private static SignatureDef signature(Path dir, Map<String, SignatureDef> sigs, String key) {
    SignatureDef s = sigs.get(key);
    if (s == null) {
      throw new NotAnEyeganModelException(dir + " is not an eyegan SavedModel: it has no signature '" + key
          + "' (it has " + String.join(", ", sigs.keySet()) + ")");
    }
    return s;
  }

  private static String tensor(Path dir, String key, Map<String, TensorInfo> map, String name, DataType dtype, long[] shape) {
    TensorInfo info = map.get(name);
    if (info == null) {
      throw new NotAnEyeganModelException(dir + ": signature '" + key + "' has no tensor '" + name + "'");
    }
    if (info.getDtype() != dtype || !sameShape(info.getTensorShape(), shape)) {
      throw new NotAnEyeganModelException(dir + ": signature '" + key + "' tensor '" + name + "' is "
          + TensorText.dtype(info.getDtype()) + TensorText.shape(info.getTensorShape()) + ", expected "
          + TensorText.dtype(dtype) + java.util.Arrays.toString(shape) + " (see assets.extra/eyegan.json)");
    }
    return info.getName();
  }

  private static boolean sameShape(TensorShapeProto proto, long[] expected) {
    if (proto.getUnknownRank() || proto.getDimCount() != expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (proto.getDim(i).getSize() != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
