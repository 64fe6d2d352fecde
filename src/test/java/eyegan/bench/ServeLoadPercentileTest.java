package eyegan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServeLoadPercentileTest {
  @Test
  void percentilesAreNearestRank() {
    long[] sorted = new long[100];
    for (int i = 0; i < 100; i++) {
      sorted[i] = i + 1; // 1..100
    }
    // nearest rank: p50 of 1..100 is the 50th value, p99 the 99th, p100 the last
    assertEquals(50, ServeLoad.percentile(sorted, 0.50));
    assertEquals(99, ServeLoad.percentile(sorted, 0.99));
    assertEquals(100, ServeLoad.percentile(sorted, 1.0));
    assertEquals(7, ServeLoad.percentile(new long[] {7}, 0.99));
  }
}
