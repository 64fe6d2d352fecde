package eyegan.pretrained;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.proto.GraphDef;

/**
 * The pretrained networks eyegan ships inside its jar, converted from TensorFlow.js graph models
 * published on npm (see {@code docs/measures.md} and {@code src/main/scripts/pretrained/regenerate.sh}).
 * Each is a frozen GraphDef resource {@code /eyegan/pretrained/<id>.pb} beside {@code
 * <id>.provenance.json} and the licence texts it names; nothing is downloaded at run time.
 */
public enum PretrainedNetwork {
  /**
   * MediaPipe Iris (Google, Apache-2.0) as packaged by {@code @vladmandic/human}: input {@code
   * input_1} float32 [n, 64, 64, 3] RGB in [0, 1], an eye crop; output {@code Identity} float32
   * [n, 1, 1, 228] = 76 points x (x, y, z) in pixels of the 64 px crop: 71 eye-contour and brow
   * points, then 5 iris points (centre, then four on the iris boundary).
   */
  IRIS("iris-landmarks", "@vladmandic/human", "3.3.6", "package/models/iris.json",
      "MediaPipe Iris landmark model (Google, Apache-2.0), as converted to TensorFlow.js by @vladmandic/human (MIT)",
      List.of(Licence.MIT_HUMAN, Licence.APACHE_2)),
  /**
   * MediaPipe BlazeFace, back-camera variant (Google, Apache-2.0) as packaged by {@code
   * @vladmandic/human}: input {@code input} float32 [1, 256, 256, 3] RGB in [-1, 1]; outputs
   * {@code Identity} [1, 512, 1] and {@code Identity_1} [1, 384, 1] (face logits of the 16 px and
   * 32 px anchor grids), {@code Identity_2} [1, 512, 16] and {@code Identity_3} [1, 384, 16] (box
   * centre offset, size and 6 keypoint offsets, in input pixels).
   */
  BLAZEFACE("blazeface", "@vladmandic/human", "3.3.6", "package/models/blazeface.json",
      "MediaPipe BlazeFace back-camera face detector (Google, Apache-2.0), as converted to TensorFlow.js by"
          + " @vladmandic/human (MIT)",
      List.of(Licence.MIT_HUMAN, Licence.APACHE_2)),
  /**
   * MobileNetV2 with depth multiplier 1.4 (TF-Hub's ImageNet feature vector, Apache-2.0), fine-tuned
   * by nsfwjs (MIT) on five image classes, 8-bit weights: input {@code input} float32 [n, 224, 224,
   * 3] RGB in [0, 1]; outputs the pooled 1792-d feature {@link MobileNetFeatures#FEATURE_NODE}
   * and nsfwjs's 5 class probabilities {@code Identity}.
   */
  MOBILENET_V2_140("mobilenet-v2-140", "nsfwjs", "4.4.0", "package/dist/models/mobilenet_v2_mid/model.min.js",
      "TF-Hub imagenet/mobilenet_v2_140_224 feature vector (Google, Apache-2.0), fine-tuned and quantised to"
          + " 8 bits by nsfwjs (MIT)",
      List.of(Licence.MIT_NSFWJS, Licence.APACHE_2));

  /** The licence texts shipped beside the graphs, under {@code /eyegan/pretrained/licences/}. */
  public enum Licence {
    MIT_HUMAN("MIT-vladmandic-human.txt"),
    MIT_NSFWJS("MIT-nsfwjs.txt"),
    APACHE_2("Apache-2.0.txt");

    private final String file;

    Licence(String file) {
      this.file = file;
    }

    public String file() {
      return file;
    }
  }

  private static final String FOLDER = "/eyegan/pretrained/";

  private final String id;
  private final String npmPackage;
  private final String version;
  private final String modelPath;
  private final String origin;
  private final List<Licence> licences;

  PretrainedNetwork(String id, String npmPackage, String version, String modelPath, String origin, List<Licence> licences) {
    this.id = id;
    this.npmPackage = npmPackage;
    this.version = version;
    this.modelPath = modelPath;
    this.origin = origin;
    this.licences = licences;
  }

  /** Who made the model and under which licence, and who packaged it. */
  public String origin() {
    return origin;
  }

  /** Short name: the resource's base name. */
  public String id() {
    return id;
  }

  /** The npm package the model comes from. */
  public String npmPackage() {
    return npmPackage;
  }

  /** Its exact version. */
  public String version() {
    return version;
  }

  /** The model file inside the package's tarball. */
  public String modelPath() {
    return modelPath;
  }

  public List<Licence> licences() {
    return licences;
  }

  /** The tarball {@code npm pack} writes for the package: {@code @a/b@1.0} becomes {@code a-b-1.0.tgz}. */
  public String tarballName() {
    return npmPackage.replace("@", "").replace('/', '-') + "-" + version + ".tgz";
  }

  /** Resource path of the converted graph. */
  public String resource() {
    return FOLDER + id + ".pb";
  }

  /** Resource path of the provenance file. */
  public String provenanceResource() {
    return FOLDER + id + ".provenance.json";
  }

  /** The converted graph, read from the jar. */
  public GraphDef graphDef() {
    try (InputStream in = PretrainedNetwork.class.getResourceAsStream(resource())) {
      if (in == null) {
        throw new IllegalStateException("the pretrained graph " + resource() + " is missing from the build");
      }
      return GraphDef.parseFrom(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource() + ": " + e.getMessage(), e);
    }
  }

  /** A new graph holding the network; the caller closes it. */
  public Graph newGraph() {
    Graph g = new Graph();
    try {
      g.importGraphDef(graphDef());
      return g;
    } catch (RuntimeException e) {
      g.close();
      throw e;
    }
  }
}
