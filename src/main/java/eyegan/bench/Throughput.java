package eyegan.bench;

/**
 * Sustained throughput of a repeated call that produces {@code batch} images: the call is run twice
 * untimed (graph optimisation, allocation), then repeatedly for at least the given time and at
 * least three times.
 *
 * @param batch images per call
 * @param runs timed calls
 * @param seconds wall time of the timed calls
 */
public record Throughput(int batch, int runs, double seconds) {
  private static final int WARMUP_RUNS = 2;
  private static final int MIN_RUNS = 3;

  public double imagesPerSecond() {
    return batch * runs / seconds;
  }

  public double millisPerBatch() {
    return 1000 * seconds / runs;
  }

  /** Times {@code call} as described above. */
  public static Throughput measure(Runnable call, int batch, double seconds) {
    for (int i = 0; i < WARMUP_RUNS; i++) {
      call.run();
    }
    long budget = (long) (seconds * 1e9);
    long start = System.nanoTime();
    int runs = 0;
    long elapsed;
    do {
      call.run();
      runs++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < budget || runs < MIN_RUNS);
    return new Throughput(batch, runs, elapsed / 1e9);
  }
}
