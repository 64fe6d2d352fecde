package eyegan.inference;

/**
 * Names of an eyegan SavedModel's signatures and of their inputs and outputs, as TF Serving, Python
 * ({@code model.signatures[...]}) and TensorFlow Java see them. Every batch dimension is dynamic
 * (-1). R is the model's resolution, D its noise size (100 for every preset).
 *
 * <ul>
 *   <li>{@value #DEFAULT} (TF Serving's default): {@value #NOISE} float32 [-1, D] of N(0, 1) values
 *       -> {@value #IMAGES} float32 [-1, R, R, 3] in [-1, 1], NHWC, RGB. The Keras model's call.
 *   <li>{@value #GENERATE_PNG}: {@value #SEEDS} int64 [-1] -> {@value #PNG_BYTES} string [-1], each a
 *       complete PNG file (8-bit RGB). The name ends in {@code _bytes}, so TF Serving's REST API sends
 *       each one as {@code {"b64": "..."}}.
 *   <li>{@value #GENERATE_FROM_SEEDS}: {@value #SEEDS} int64 [-1] -> {@value #IMAGES} float32
 *       [-1, R, R, 3] in [-1, 1] and {@value #NOISE} float32 [-1, D], the noise the seeds stand for.
 * </ul>
 *
 * Both seed signatures draw the noise in the graph with {@code eyegan.export.SeedNoise}'s
 * counter-based generator, so a seed gives the same image in every runtime.
 */
public final class ServingSignatures {
  /** Tag of the one meta graph in the export. */
  public static final String TAG = "serve";
  /** Method name TF Serving's Predict API expects. */
  public static final String PREDICT_METHOD = "tensorflow/serving/predict";

  /** Signature key: noise -> float images. */
  public static final String DEFAULT = "serving_default";
  /** Signature key: seeds -> PNG files. */
  public static final String GENERATE_PNG = "generate_png";
  /** Signature key: seeds -> float images and their noise. */
  public static final String GENERATE_FROM_SEEDS = "generate_from_seeds";

  /** Input: float32 [-1, D]. */
  public static final String NOISE = "noise";
  /** Input: int64 [-1]. */
  public static final String SEEDS = "seeds";
  /** Output: float32 [-1, R, R, 3] in [-1, 1]. */
  public static final String IMAGES = "images";
  /** Output: string [-1] of PNG files. */
  public static final String PNG_BYTES = "png_bytes";

  /** Folder inside a version folder for files the graph does not use (TF Serving's convention). */
  public static final String ASSETS_EXTRA = "assets.extra";
  /** eyegan's metadata file inside {@value #ASSETS_EXTRA}. */
  public static final String METADATA_FILE = "eyegan.json";
  /** The graph and signatures file of a SavedModel. */
  public static final String SAVED_MODEL_FILE = "saved_model.pb";

  private ServingSignatures() {}
}
