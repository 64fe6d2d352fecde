package eyegan.train;

/**
 * The training data as the trainer consumes it: epochs of shuffled batches, deterministic in
 * (seed, epoch) so a resumed run sees exactly the batches an uninterrupted one would.
 */
public interface BatchSource {
  /** Images per epoch (the flip-doubled set). */
  int size();

  /** Batches per epoch; the last one may be partial. */
  int batchesPerEpoch();

  /**
   * Writes batch {@code batch} of epoch {@code epoch} into {@code out} as float [n, R, R, 3] NHWC in
   * [-1, 1] and returns n (the batch size, or fewer for the last batch).
   */
  int fill(int epoch, int batch, float[] out);
}
