package eyegan.metrics;

import eyegan.image.RgbImages;
import java.lang.management.ManagementFactory;

/**
 * Times SWD on procedural 128 px images: the full 2,048 vs 2,048 evaluation and the training-time
 * reference/compare/floor. Not a unit test; run with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) eyegan.metrics.SwdBenchmark [images]}.
 */
public final class SwdBenchmark {
  private SwdBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 128;
    long t0 = System.nanoTime();
    RgbImages a = TextureImages.generate(n, size, 1);
    RgbImages b = TextureImages.generate(n, size, 2);
    System.out.printf("generated 2 x %d images of %dpx in %.1f s%n", n, size, seconds(t0));

    SlicedWasserstein full = new SlicedWasserstein(SwdSettings.STANDARD);
    // Warm the JIT on a small case so the timing below is the steady state a long run sees.
    full.compute(TextureImages.generate(64, size, 3), TextureImages.generate(64, size, 4), 0);
    long t1 = System.nanoTime();
    double c1 = cpuSeconds();
    SwdResult r = full.compute(a, b, 42, (done, total) -> System.out.printf("  level %d/%d at %.1f s%n", done, total, seconds(t1)));
    System.out.printf("STANDARD %d vs %d: %.1f s wall, %.1f s CPU%n%s", n, n, seconds(t1), cpuSeconds() - c1, r.table());

    SlicedWasserstein training = new SlicedWasserstein(SwdSettings.TRAINING);
    long t2 = System.nanoTime();
    SwdReference ref = training.reference(a, 42);
    System.out.printf("TRAINING reference of %d images: %.2f s%n", ref.imageCount(), seconds(t2));
    RgbImages fakes = TextureImages.generate(SwdSettings.TRAINING_IMAGES_PER_SET, size, 5);
    for (int rep = 0; rep < 3; rep++) {
      long t3 = System.nanoTime();
      double c3 = cpuSeconds();
      SwdResult c = ref.compare(fakes);
      System.out.printf(
          "TRAINING compare %d fakes: %.2f s wall, %.2f s CPU (avg %.3f)%n", fakes.count(), seconds(t3), cpuSeconds() - c3, c.average());
    }
    long t4 = System.nanoTime();
    double c4 = cpuSeconds();
    SwdResult floor = training.floor(a, 42);
    System.out.printf("TRAINING floor: %.2f s wall, %.2f s CPU (avg %.3f)%n", seconds(t4), cpuSeconds() - c4, floor.average());
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /** CPU seconds this process has used, all threads: on a shared machine steadier than wall time. */
  private static double cpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }
}
