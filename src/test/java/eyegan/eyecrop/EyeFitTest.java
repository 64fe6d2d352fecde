package eyegan.eyecrop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eyegan.pretrained.EyeLandmarks;
import org.junit.jupiter.api.Test;

/** The eye's corners, opening and iris from landmarks placed by hand. */
class EyeFitTest {
  private static final double EPS = 1e-5;

  /**
   * A level eye: corners (40, 20) (point 0) and (10, 20) (point 8); lower lid 3 px below the corner
   * line, upper lid 6 px above; iris centre (25, 18) with boundary points at radii {@code radii}
   * (right, up, left, down); the 55 rings and brow points far away, where they must not matter.
   */
  private static float[] levelEye(double[] radii) {
    float[] xy = new float[EyeLandmarks.POINTS * 2];
    for (int p = 0; p < EyeLandmarks.POINTS; p++) {
      xy[2 * p] = 25;
      xy[2 * p + 1] = -500;
    }
    set(xy, 0, 40, 20);
    set(xy, 8, 10, 20);
    for (int p = 1; p < 8; p++) {
      set(xy, p, 40 - p * 30 / 8.0, 23);
    }
    for (int p = 9; p < 16; p++) {
      set(xy, p, 40 - (p - 8) * 30 / 8.0, 14);
    }
    int c = EyeLandmarks.IRIS_CENTER;
    set(xy, c, 25, 18);
    set(xy, c + 1, 25 + radii[0], 18);
    set(xy, c + 2, 25, 18 - radii[1]);
    set(xy, c + 3, 25 - radii[2], 18);
    set(xy, c + 4, 25, 18 + radii[3]);
    return xy;
  }

  private static void set(float[] xy, int p, double x, double y) {
    xy[2 * p] = (float) x;
    xy[2 * p + 1] = (float) y;
  }

  @Test
  void levelEye() {
    EyeFit f = EyeFit.of(levelEye(new double[] {5, 5, 5, 5}));
    assertEquals(10, f.leftX(), EPS);
    assertEquals(40, f.rightX(), EPS);
    assertEquals(30, f.width(), EPS);
    assertEquals(0, f.angle(), EPS);
    assertEquals(25, f.centerX(), EPS);
    assertEquals(20, f.centerY(), EPS);
    assertEquals((3 + 6) / 30.0, f.opening(), EPS);
    assertEquals(5, f.irisRadius(), EPS);
    assertEquals(0, f.irisRoundness(), EPS);
  }

  @Test
  void irisRoundnessIsTheSpreadOfItsRadii() {
    // Radii 4, 6, 4, 6: mean 5, standard deviation 1.
    EyeFit f = EyeFit.of(levelEye(new double[] {4, 6, 4, 6}));
    assertEquals(5, f.irisRadius(), EPS);
    assertEquals(0.2, f.irisRoundness(), EPS);
  }

  @Test
  void aTiltedEyeKeepsItsShapeAndReportsItsTilt() {
    float[] xy = levelEye(new double[] {5, 5, 5, 5});
    double a = Math.toRadians(30);
    for (int p = 0; p < EyeLandmarks.POINTS; p++) {
      double x = xy[2 * p] - 25;
      double y = xy[2 * p + 1] - 20;
      set(xy, p, 100 + x * Math.cos(a) - y * Math.sin(a), 50 + x * Math.sin(a) + y * Math.cos(a));
    }
    EyeFit f = EyeFit.of(xy);
    assertEquals(a, f.angle(), 1e-5);
    assertEquals(30, f.width(), 1e-4);
    assertEquals(0.3, f.opening(), 1e-5);
    assertEquals(100, f.centerX(), 1e-4);
    assertEquals(50, f.centerY(), 1e-4);
  }
}
