package eyegan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.image.RgbImages;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Flip doubling, [-1, 1] scaling, deterministic per-epoch shuffling and the partial last batch. */
class AugmentationTest {
  /** n images of 2x3 (height x width) where byte (i, y, x, c) = 10 * i + 3 * x + c (distinct, known). */
  private static RgbImages numbered(int n) {
    int h = 2;
    int w = 3;
    byte[] px = new byte[n * h * w * 3];
    for (int i = 0; i < n; i++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          for (int c = 0; c < 3; c++) {
            px[((i * h + y) * w + x) * 3 + c] = (byte) (10 * i + 3 * x + c);
          }
        }
      }
    }
    return new RgbImages(n, h, w, px);
  }

  private static float unit(int p) {
    return (p - 127.5f) / 127.5f;
  }

  @Test
  void flipsDoubleTheSetAndMirrorEachRow() {
    TrainingSet set = TrainingSet.withFlips(numbered(2));
    assertEquals(4, set.size());
    assertFalse(set.isFlipped(1));
    assertTrue(set.isFlipped(2));
    float[] out = new float[set.floatsPerImage()];
    set.writeUnitRange(3, out, 0); // flipped copy of image 1
    // Column x of the flip is column (2 - x) of image 1: value 10 + 3 * (2 - x) + c.
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 3; x++) {
        for (int c = 0; c < 3; c++) {
          assertEquals(unit(10 + 3 * (2 - x) + c), out[(y * 3 + x) * 3 + c], 0f);
        }
      }
    }
    set.writeUnitRange(1, out, 0); // original image 1, unflipped
    assertEquals(unit(10), out[0], 0f);
  }

  @Test
  void materialisedFlipsMatchTheOnTheFlyOnes() {
    TrainingSet set = TrainingSet.withFlips(numbered(3));
    RgbImages all = set.toRgbImages(); // grids and metrics see these
    assertEquals(6, all.count());
    float[] onTheFly = new float[set.floatsPerImage()]; // batches are filled with these
    for (int i = 0; i < set.size(); i++) {
      set.writeUnitRange(i, onTheFly, 0);
      for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 3; x++) {
          for (int c = 0; c < 3; c++) {
            String at = "image " + i + " (" + y + ", " + x + ", " + c + ")";
            assertEquals(unit(all.get(i, y, x, c)), onTheFly[(y * 3 + x) * 3 + c], 0f, at);
            // And both are the mirror image of the original where they should be.
            int source = i < 3 ? all.get(i, y, x, c) : all.get(i - 3, y, 2 - x, c);
            assertEquals(source, all.get(i, y, x, c), at);
          }
        }
      }
    }
  }

  @Test
  void valuesSpanMinusOneToOne() {
    byte[] px = new byte[] {0, (byte) 255, (byte) 128};
    TrainingSet set = TrainingSet.withoutFlips(new RgbImages(1, 1, 1, px));
    float[] out = new float[3];
    set.writeUnitRange(0, out, 0);
    assertEquals(-1f, out[0], 0f);
    assertEquals(1f, out[1], 0f);
    assertEquals(0.5f / 127.5f, out[2], 1e-7f);
  }

  @Test
  void shuffleIsAPermutationDeterministicInSeedAndEpoch() {
    EpochBatches batches = new EpochBatches(TrainingSet.withFlips(numbered(50)), 8, 42L);
    int[] epoch0 = batches.order(0);
    int[] sorted = epoch0.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      assertEquals(i, sorted[i]);
    }
    assertArrayEquals(epoch0, new EpochBatches(TrainingSet.withFlips(numbered(50)), 8, 42L).order(0));
    assertFalse(Arrays.equals(epoch0, batches.order(1)), "different epochs should differ");
    assertFalse(Arrays.equals(epoch0, new EpochBatches(TrainingSet.withFlips(numbered(50)), 8, 43L).order(0)),
        "different seeds should differ");
    // A resumed run computes epoch 7 directly and gets what a run that went through 0..6 gets.
    for (int e = 0; e < 7; e++) {
      batches.order(e);
    }
    assertArrayEquals(batches.order(7), new EpochBatches(TrainingSet.withFlips(numbered(50)), 8, 42L).order(7));
  }

  @Test
  void shuffleMixesOriginalsAndFlips() {
    int[] order = new EpochBatches(TrainingSet.withFlips(numbered(100)), 10, 1L).order(0);
    int flipsInFirstHalf = 0;
    for (int i = 0; i < 100; i++) {
      flipsInFirstHalf += order[i] >= 100 ? 1 : 0;
    }
    assertTrue(flipsInFirstHalf > 30 && flipsInFirstHalf < 70, "flips in first half: " + flipsInFirstHalf);
  }

  @Test
  void lastPartialBatchIsKeptAndEveryImageIsSeenOncePerEpoch() {
    TrainingSet set = TrainingSet.withFlips(numbered(5)); // 10 images
    EpochBatches batches = new EpochBatches(set, 4, 7L);
    assertEquals(3, batches.batchesPerEpoch()); // 4 + 4 + 2
    float[] buffer = new float[batches.floatsPerBatch()];
    int per = set.floatsPerImage();
    int[] order = batches.order(3);
    int seen = 0;
    for (int b = 0; b < batches.batchesPerEpoch(); b++) {
      int n = batches.fill(3, b, buffer);
      assertEquals(b < 2 ? 4 : 2, n);
      for (int k = 0; k < n; k++) {
        float[] expected = new float[per];
        set.writeUnitRange(order[seen + k], expected, 0);
        assertArrayEquals(expected, Arrays.copyOfRange(buffer, k * per, (k + 1) * per));
      }
      seen += n;
    }
    assertEquals(10, seen);
  }

  @Test
  void tooSmallBufferAndBadBatchSizeAreRejected() {
    EpochBatches batches = new EpochBatches(TrainingSet.withFlips(numbered(3)), 2, 0L);
    assertThrows(IllegalArgumentException.class, () -> batches.fill(0, 0, new float[5]));
    assertThrows(IndexOutOfBoundsException.class, () -> batches.fill(0, 3, new float[batches.floatsPerBatch()]));
    assertThrows(IllegalArgumentException.class, () -> new EpochBatches(TrainingSet.withFlips(numbered(3)), 0, 0L));
  }
}
