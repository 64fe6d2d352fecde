package eyegan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TInt64;

/** No two purposes of random draws can share a key, however long a run is. */
class RandomKeysTest {
  @Test
  void purposesOwnDisjointRangesOfTheSecondKeyWord() {
    Set<Long> tags = new HashSet<>();
    for (RandomKeys k : RandomKeys.values()) {
      long lowest = k.word(0);
      long highest = k.word(RandomKeys.COUNTER_LIMIT - 1);
      // Every word of a purpose has the same top 16 bits, and no two purposes have the same ones.
      assertEquals(lowest >>> 48, highest >>> 48);
      assertEquals(true, tags.add(lowest >>> 48), k + " shares its tag");
      assertNotEquals(0L, lowest >>> 48, "tag 0 would collide with plain (seed, n) keys");
    }
    assertThrows(IllegalArgumentException.class, () -> RandomKeys.NOISE.word(RandomKeys.COUNTER_LIMIT));
    assertThrows(IllegalArgumentException.class, () -> RandomKeys.DROPOUT.word(-1));
  }

  @Test
  void stepKeysInTheGraphMatchTheScheme() {
    long seed = 77;
    long step = 123_456_789L;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TInt64> stepSeed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
      var noise = RandomKeys.NOISE.stepKey(tf, stepSeed, 0);
      var dropout2 = RandomKeys.DROPOUT.stepKey(tf, stepSeed, 2);
      var augment7 = RandomKeys.AUGMENT.stepKey(tf, stepSeed, 7);
      try (Session s = new Session(g);
          TInt64 fed = TInt64.vectorOf(seed, step);
          Result r = s.runner().feed(stepSeed, fed).fetch(noise).fetch(dropout2).fetch(augment7).run()) {
        // By hand: [seed, tag << 48 | counter] with noise counter = step, others = step * 8 + slot.
        assertArrayEquals(new long[] {seed, (3L << 48) | step}, read((TInt64) r.get(0)));
        assertArrayEquals(new long[] {seed, (4L << 48) | (step * 8 + 2)}, read((TInt64) r.get(1)));
        assertArrayEquals(new long[] {seed, (5L << 48) | (step * 8 + 7)}, read((TInt64) r.get(2)));
      }
    }
    assertThrows(IllegalArgumentException.class, () -> {
      try (Graph g = new Graph()) {
        Ops tf = Ops.create(g);
        RandomKeys.AUGMENT.stepKey(tf, tf.constant(new long[] {1, 2}), 8);
      }
    });
  }

  private static long[] read(TInt64 t) {
    return new long[] {t.getLong(0), t.getLong(1)};
  }
}
