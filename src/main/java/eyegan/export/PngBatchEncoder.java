package eyegan.export;

import java.util.List;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Operands;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.StatelessWhile;
import org.tensorflow.op.image.EncodePng;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;

/**
 * PNG-encodes a batch of images inside the graph, one string per image.
 *
 * <p>TensorFlow's {@code EncodePng} takes a single [H, W, C] image, so the batch goes through a
 * functional {@code While} loop (what {@code tf.map_fn} builds in Python): loop variables are
 * (i, n, images, pngs); the body encodes {@code images[i]} and writes it into row i of
 * {@code pngs}, which starts as n empty strings. Cond and body are graph functions stored in the
 * exported graph's function library, so TF Serving and any other TensorFlow runtime run the loop
 * as part of the SavedModel. The loop op is built by hand rather than with {@code Ops.whileOp} to
 * carry {@value #LOWER_USING_SWITCH_MERGE}, so iterations overlap ({@value #PARALLEL_ITERATIONS} at
 * a time) and the encodings of a batch spread over the cores; only the cheap row update is ordered.
 *
 * <p>Everything here is pinned to the host ({@code /device:CPU:0}), the loop and its functions
 * included: PNG encoding is zlib compression, which TensorFlow runs only on the CPU, and string
 * tensors never live in GPU memory (TensorFlow has no GPU kernel for EncodePng, for gathering uint8
 * images, or for filling, reshaping and scattering strings). Pinning says so in the graph instead
 * of leaving the placer to move these ops off the GPU one by one. The cost on a GPU is one copy of
 * the quantised uint8 batch to the host: 48 KiB per 128 px image (3 MiB for 64), about 0.2 ms over
 * PCIe, against about 1 ms per image for the encoding itself on 2 cores (354 images/s from seeds to
 * PNG against 567 from noise to float images, in {@code eyegan bench}).
 */
final class PngBatchEncoder {
  /**
   * zlib level of the PNGs. PNG is lossless at every level; on 128 px generator output level 3 was
   * 4x faster than zlib's default (6) for files about 10% larger, and encoding at the default cost
   * more than the generator itself.
   */
  static final long ZLIB_LEVEL = 3;

  /** Encodings that may run at the same time. */
  static final long PARALLEL_ITERATIONS = 16;

  /**
   * TensorFlow's own marker (set by Python's while_v2) that lets a session rewrite the loop into
   * dataflow (Switch/Merge/NextIteration) before running it. Without it the loop op runs its body
   * function one iteration after another; with it, {@value #PARALLEL_ITERATIONS} encodings overlap.
   */
  static final String LOWER_USING_SWITCH_MERGE = "_lower_using_switch_merge";

  /** Where the encoding runs, on every machine. */
  static final DeviceSpec HOST_DEVICE =
      DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.CPU).deviceIndex(0).build();

  private static final String I = "i";
  private static final String N = "n";
  private static final String IMAGES = "images";
  private static final String PNGS = "pngs";

  private final Ops tf;

  PngBatchEncoder(Ops tf) {
    this.tf = tf.withDevice(HOST_DEVICE);
  }

  /**
   * @param pixels uint8 [N, H, W, 3]
   * @return string [N], row i the PNG file bytes of image i
   */
  Operand<TString> apply(Operand<TUint8> pixels) {
    long[] dims = pixels.shape().asArray();
    Shape imagesShape = Shape.of(-1, dims[1], dims[2], dims[3]);
    Operand<TInt32> count =
        tf.reshape(tf.slice(tf.shape(pixels), tf.constant(new int[] {0}), tf.constant(new int[] {1})), tf.constant(new int[0]));
    Operand<TString> empty = tf.fill(tf.reshape(count, tf.constant(new int[] {1})), tf.constant(""));
    // The graph keeps its own copy of both functions once the loop op is built.
    try (ConcreteFunction cond = ConcreteFunction.create(f -> condition(f, imagesShape));
        ConcreteFunction body = ConcreteFunction.create(f -> body(f, imagesShape))) {
      List<Operand<?>> inputs = List.of(tf.constant(0), count, pixels, empty);
      StatelessWhile loop =
          new StatelessWhile(
              tf.scope()
                  .opBuilder(StatelessWhile.OP_NAME, "png_loop")
                  .addInputList(Operands.asOutputs(inputs))
                  .setAttr("cond", cond)
                  .setAttr("body", body)
                  .setAttr("parallel_iterations", PARALLEL_ITERATIONS)
                  .setAttr(LOWER_USING_SWITCH_MERGE, true)
                  .build());
      @SuppressWarnings("unchecked")
      Operand<TString> pngs = (Operand<TString>) loop.output().get(3);
      return pngs;
    }
  }

  private static Signature condition(Ops function, Shape imagesShape) {
    Ops f = function.withDevice(HOST_DEVICE);
    LoopVars v = LoopVars.placeholders(f, imagesShape);
    return v.signature("png_loop_cond").output("more", f.math.less(v.i, v.n)).build();
  }

  private static Signature body(Ops function, Shape imagesShape) {
    Ops f = function.withDevice(HOST_DEVICE);
    LoopVars v = LoopVars.placeholders(f, imagesShape);
    Operand<TString> png =
        f.image.encodePng(f.gather(v.images, v.i, f.constant(0)), EncodePng.compression(ZLIB_LEVEL));
    Operand<TString> updated =
        f.tensorScatterNdUpdate(v.pngs, f.reshape(v.i, f.constant(new int[] {1, 1})), f.reshape(png, f.constant(new int[] {1})));
    return v.signature("png_loop_body")
        .output(I, f.math.add(v.i, f.constant(1)))
        .output(N, f.identity(v.n))
        .output(IMAGES, f.identity(v.images))
        .output(PNGS, updated)
        .build();
  }

  /** The loop variables as the placeholders of a cond or body function, in loop order. */
  private record LoopVars(Operand<TInt32> i, Operand<TInt32> n, Operand<TUint8> images, Operand<TString> pngs) {
    static LoopVars placeholders(Ops f, Shape imagesShape) {
      return new LoopVars(
          f.placeholder(TInt32.class, Placeholder.shape(Shape.scalar())),
          f.placeholder(TInt32.class, Placeholder.shape(Shape.scalar())),
          f.placeholder(TUint8.class, Placeholder.shape(imagesShape)),
          f.placeholder(TString.class, Placeholder.shape(Shape.of(-1))));
    }

    Signature.Builder signature(String key) {
      return Signature.builder().key(key).input(I, i).input(N, n).input(IMAGES, images).input(PNGS, pngs);
    }
  }
}
