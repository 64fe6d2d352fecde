package eyegan.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatentsTest {
  @Test
  void slerpOfOrthogonalUnitVectorsFollowsTheArc() {
    float[] a = {1, 0, 0};
    float[] b = {0, 1, 0};
    float[][] path = Latents.slerp(a, b, 3);
    assertArrayEquals(a, path[0]);
    assertArrayEquals(b, path[2], 1e-7f);
    // halfway along a quarter circle: (cos 45°, sin 45°, 0); a straight line would give (0.5, 0.5, 0)
    float h = (float) Math.sqrt(0.5);
    assertArrayEquals(new float[] {h, h, 0}, path[1], 1e-7f);
  }

  @Test
  void slerpOfParallelVectorsIsLinear() {
    float[][] path = Latents.slerp(new float[] {1, 2}, new float[] {2, 4}, 3);
    assertArrayEquals(new float[] {1.5f, 3f}, path[1], 1e-6f);
  }

  @Test
  void truncationScalesEveryValue() {
    float[][] z = {{2f, -1f}, {0.5f, 4f}};
    float[][] t = Latents.truncate(z, 0.7);
    assertArrayEquals(new float[] {1.4f, -0.7f}, t[0], 1e-6f);
    assertArrayEquals(new float[] {0.35f, 2.8f}, t[1], 1e-6f);
    assertEquals(2f, z[0][0]);
    assertThrows(IllegalArgumentException.class, () -> Latents.truncate(z, -0.1));
  }

  @Test
  void mismatchedLengthsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Latents.slerp(new float[2], new float[3], 4));
  }
}
