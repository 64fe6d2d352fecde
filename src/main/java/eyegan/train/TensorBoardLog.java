package eyegan.train;

import eyegan.image.RgbImages;
import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.summary.WriteImageSummary;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;

/**
 * Writes TensorBoard event files with TensorFlow's own summary ops (the same writer Python's
 * {@code tf.summary} uses), in a small graph of its own so the training graph stays untouched.
 * Scalars (losses, D outputs, SWD) and images (the fixed-seed grid) go to {@code run/tensorboard/}.
 */
public final class TensorBoardLog implements AutoCloseable {
  private static final int MAX_QUEUE = 16;
  private static final int FLUSH_MILLIS = 10_000;

  private final Graph graph = new Graph();
  private final Session session;
  private final Operand<TInt64> step;
  private final Operand<TString> tag;
  private final Operand<TFloat32> value;
  private final Operand<TUint8> image;
  private final Op writeScalar;
  private final Op writeImage;
  private final Op flush;
  private final Op close;

  public TensorBoardLog(Path logDir) {
    Ops tf = Ops.create(graph);
    Operand<?> writer = tf.summary.summaryWriter();
    step = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
    tag = tf.placeholder(TString.class, Placeholder.shape(Shape.scalar()));
    value = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    image = tf.placeholder(TUint8.class, Placeholder.shape(Shape.of(1, -1, -1, 3)));
    Op create = tf.summary.createSummaryFileWriter(writer, tf.constant(logDir.toAbsolutePath().toString()),
        tf.constant(MAX_QUEUE), tf.constant(FLUSH_MILLIS), tf.constant(".eyegan.v2"));
    writeScalar = tf.summary.writeScalarSummary(writer, step, tag, value);
    writeImage = tf.summary.writeImageSummary(writer, step, tag, image,
        tf.dtypes.cast(tf.constant(new int[] {255, 0, 0}), TUint8.class), WriteImageSummary.maxImages(1L));
    flush = tf.summary.flushSummaryWriter(writer);
    close = tf.summary.closeSummaryWriter(writer);
    session = new Session(graph);
    session.run(create);
  }

  /** Appends one scalar point of the curve {@code name}. */
  public synchronized void scalar(String name, long atStep, double v) {
    try (TInt64 s = TInt64.scalarOf(atStep); TString t = TString.scalarOf(name); TFloat32 x = TFloat32.scalarOf((float) v)) {
      session.runner().feed(step, s).feed(tag, t).feed(value, x).addTarget(writeScalar).run();
    }
  }

  /** Appends image {@code index} of {@code images} under {@code name}. */
  public synchronized void image(String name, long atStep, RgbImages images, int index) {
    int bytes = images.imageBytes();
    byte[] one = new byte[bytes];
    System.arraycopy(images.pixels(), index * bytes, one, 0, bytes);
    try (TInt64 s = TInt64.scalarOf(atStep); TString t = TString.scalarOf(name);
        TUint8 img = TUint8.tensorOf(Shape.of(1, images.height(), images.width(), 3), DataBuffers.of(one, true, false))) {
      session.runner().feed(step, s).feed(tag, t).feed(image, img).addTarget(writeImage).run();
    }
  }

  public synchronized void flush() {
    session.run(flush);
  }

  @Override
  public synchronized void close() {
    try {
      session.run(close);
    } finally {
      session.close();
      graph.close();
    }
  }
}
