package eyegan.pretrained;

import eyegan.image.RgbImages;
import eyegan.synth.EyeTruth;
import eyegan.synth.SyntheticEyes;
import java.util.Arrays;
import java.util.Locale;

/**
 * How well the iris model finds what the renderer drew: iris centre and radius estimated on built-in
 * synthetic eyes (the {@link EyeCrop#CLOSE_UP} window, the image and its mirror averaged, as the
 * realism measures read them) against {@link EyeTruth}. Not a test; run it to reproduce the figures
 * in docs/measures.md:
 *
 * <pre>java -cp target/classes:target/test-classes:CLASSPATH eyegan.pretrained.IrisTruthBenchmark [N] [SIZE] [SEED]</pre>
 */
public final class IrisTruthBenchmark {
  private IrisTruthBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 99;
    RgbImages eyes = SyntheticEyes.render(n, seed, size);
    double[] centre = new double[n];
    double[] centrePx = new double[n];
    double[] radius = new double[n];
    double[] radiusBias = new double[n];
    try (IrisLandmarks iris = IrisLandmarks.open()) {
      EyeLandmarks[] plain = iris.locate(eyes, EyeCrop.CLOSE_UP, false);
      EyeLandmarks[] mirrored = iris.locate(eyes, EyeCrop.CLOSE_UP, true);
      for (int i = 0; i < n; i++) {
        EyeTruth t = EyeTruth.of(seed, i);
        int c = EyeLandmarks.IRIS_CENTER;
        double cx = (plain[i].x(c) + mirrored[i].x(c)) / 2;
        double cy = (plain[i].y(c) + mirrored[i].y(c)) / 2;
        double d = Math.hypot(cx - t.irisX(), cy - t.irisY());
        centre[i] = d / t.eyeWidth();
        centrePx[i] = d * size;
        double r = (radius(plain[i]) + radius(mirrored[i])) / 2;
        radius[i] = Math.abs(r / t.irisRadius() - 1);
        radiusBias[i] = r / t.irisRadius() - 1;
      }
    }
    System.out.printf(Locale.ROOT, "%d synthetic eyes at %d px (seed %d), window %s, image and mirror averaged%n", n, size, seed, EyeCrop.CLOSE_UP);
    System.out.printf(Locale.ROOT, "iris centre error: mean %.3f, median %.3f, 90th percentile %.3f of the eye width (mean %.2f px)%n",
        mean(centre), pct(centre, 0.5), pct(centre, 0.9), mean(centrePx));
    System.out.printf(Locale.ROOT, "iris radius error: mean |error| %.3f, median %.3f, 90th percentile %.3f; mean bias %+.3f%n",
        mean(radius), pct(radius, 0.5), pct(radius, 0.9), mean(radiusBias));
  }

  private static double radius(EyeLandmarks l) {
    double s = 0;
    for (int k = 1; k <= 4; k++) {
      s += Math.hypot(l.x(EyeLandmarks.IRIS_CENTER + k) - l.x(EyeLandmarks.IRIS_CENTER),
          l.y(EyeLandmarks.IRIS_CENTER + k) - l.y(EyeLandmarks.IRIS_CENTER));
    }
    return s / 4;
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElse(Double.NaN);
  }

  private static double pct(double[] v, double q) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[(int) Math.min(s.length - 1, Math.round(q * (s.length - 1)))];
  }
}
