package eyegan.data;

import java.util.Objects;

/**
 * Cuts each epoch of a {@link TrainingSet} into batches: the set is shuffled per epoch
 * ({@link EpochShuffle}, deterministic in seed and epoch) and taken in consecutive runs of
 * {@code batchSize} images.
 *
 * <p>The last batch of an epoch is kept even when it is smaller, as {@code tf.data}'s
 * {@code .batch(batch_size)} does by default ({@code drop_remainder=False}), which the reference
 * tutorial uses: with 2,000 training images and batch 64 an epoch is 31 batches of 64 and one of 16,
 * and every image is seen once per epoch. A caller with a fixed-size graph must handle the smaller
 * count that {@link #fill} returns.
 *
 * <p>Filling a batch allocates nothing; the permutation is computed once per epoch. Safe to call
 * from one thread at a time per instance (e.g. a prefetching thread), not concurrently.
 */
public final class EpochBatches {
  private final TrainingSet set;
  private final int batchSize;
  private final long seed;
  private final int[] order;
  private int orderEpoch;
  private boolean orderValid;

  /**
   * @param batchSize images per batch, at least 1
   * @param seed shuffling seed; the same seed gives the same order for every epoch
   */
  public EpochBatches(TrainingSet set, int batchSize, long seed) {
    this.set = Objects.requireNonNull(set, "set");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    this.batchSize = batchSize;
    this.seed = seed;
    this.order = new int[set.size()];
  }

  public TrainingSet set() {
    return set;
  }

  public int batchSize() {
    return batchSize;
  }

  /** Batches per epoch: {@code ceil(set.size() / batchSize)}, the last one possibly partial. */
  public int batchesPerEpoch() {
    return (set.size() + batchSize - 1) / batchSize;
  }

  /** Images in batch {@code batchIndex} (equal to the batch size except perhaps for the last). */
  public int imagesIn(int batchIndex) {
    Objects.checkIndex(batchIndex, batchesPerEpoch());
    return Math.min(batchSize, set.size() - batchIndex * batchSize);
  }

  /** Floats a full batch needs: batchSize * height * width * 3. */
  public int floatsPerBatch() {
    return batchSize * set.floatsPerImage();
  }

  /** A copy of epoch {@code epoch}'s order: training-set indices in the order they are batched. */
  public int[] order(int epoch) {
    return orderFor(epoch).clone();
  }

  /**
   * Writes batch {@code batchIndex} of epoch {@code epoch} into {@code out} as NHWC floats in
   * [-1, 1], images one after another from offset 0.
   *
   * @param out at least {@link #floatsPerBatch()} floats; entries past the returned count are left as they were
   * @return the number of images written (the batch size, or fewer for the last batch)
   */
  public int fill(int epoch, int batchIndex, float[] out) {
    int count = imagesIn(batchIndex);
    int per = set.floatsPerImage();
    if (out.length < count * per) {
      throw new IllegalArgumentException(
          "buffer has " + out.length + " floats, batch needs " + count * per + " (" + count + " images)");
    }
    int[] current = orderFor(epoch);
    int first = batchIndex * batchSize;
    for (int k = 0; k < count; k++) {
      set.writeUnitRange(current[first + k], out, k * per);
    }
    return count;
  }

  private int[] orderFor(int epoch) {
    if (!orderValid || orderEpoch != epoch) {
      EpochShuffle.permutation(seed, epoch, order);
      orderEpoch = epoch;
      orderValid = true;
    }
    return order;
  }
}
