package eyegan.train;

import eyegan.data.EpochBatches;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Prepares the next batch's feed tensor on a background thread while the current step runs, so a
 * fast accelerator never waits for batch assembly (about 8 ms for 64 images at 128 px; next to a
 * ~25 ms GPU step that would be a third of the time).
 *
 * <p>Two sets of tensors alternate: the one being fed to the running step is never written. Tensors
 * are allocated once per batch size (the last batch of an epoch may be smaller) and closed by
 * {@link #close()}.
 */
final class BatchPrefetcher implements AutoCloseable {
  /** A filled feed tensor and how many images it holds. */
  record Batch(TFloat32 tensor, int images) {}

  private final EpochBatches data;
  private final int imageFloats;
  private final long[] imageShape;
  private final float[][] buffers;
  private final Map<Integer, TFloat32>[] tensors;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "eyegan-prefetch");
    t.setDaemon(true);
    return t;
  });
  private Future<Batch> pending;
  private int pendingEpoch = -1;
  private int pendingBatch = -1;
  private int slot;

  @SuppressWarnings("unchecked")
  BatchPrefetcher(EpochBatches data, int resolution) {
    this.data = data;
    this.imageFloats = resolution * resolution * 3;
    this.imageShape = new long[] {resolution, resolution, 3};
    this.buffers = new float[][] {new float[data.floatsPerBatch()], new float[data.floatsPerBatch()]};
    this.tensors = new Map[] {new HashMap<Integer, TFloat32>(), new HashMap<Integer, TFloat32>()};
  }

  /**
   * Returns batch ({@code epoch}, {@code batch}) and starts preparing ({@code nextEpoch},
   * {@code nextBatch}); pass -1 as the next epoch when there is none.
   */
  Batch take(int epoch, int batch, int nextEpoch, int nextBatch) {
    Batch ready;
    if (pending != null && pendingEpoch == epoch && pendingBatch == batch) {
      ready = await(pending);
    } else {
      if (pending != null) {
        await(pending); // a stale prefetch (e.g. after a resume) must finish before its slot is reused
      }
      ready = fill(slot, epoch, batch);
    }
    slot = 1 - slot;
    pending = null;
    if (nextEpoch >= 0) {
      int s = slot;
      pendingEpoch = nextEpoch;
      pendingBatch = nextBatch;
      pending = worker.submit(() -> fill(s, nextEpoch, nextBatch));
    }
    return ready;
  }

  private Batch fill(int s, int epoch, int batch) {
    int n = data.fill(epoch, batch, buffers[s]);
    TFloat32 t = tensors[s].computeIfAbsent(n, k -> TFloat32.tensorOf(Shape.of(k, imageShape[0], imageShape[1], imageShape[2])));
    t.copyFrom(DataBuffers.of(buffers[s], true, false).narrow((long) n * imageFloats));
    return new Batch(t, n);
  }

  private static Batch await(Future<Batch> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing a batch", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("preparing a batch failed: " + cause, cause);
    }
  }

  @Override
  public void close() {
    if (pending != null) {
      try {
        await(pending);
      } catch (RuntimeException ignored) {
        // closing anyway
      }
    }
    worker.shutdownNow();
    for (Map<Integer, TFloat32> m : tensors) {
      m.values().forEach(TFloat32::close);
    }
  }
}
