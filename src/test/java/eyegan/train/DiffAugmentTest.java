package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.config.AugmentPolicy;
import eyegan.config.Preset;
import eyegan.config.StepOptions;
import eyegan.runtime.SessionConfigs;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Differentiable augmentation: each transform does what DiffAugment's does (checked on images whose
 * answer is known), draws are keyed by (seed, step), gradients flow through it, and policy none is
 * the identity.
 */
class DiffAugmentTest {
  private static final int R = 32;
  private static final int N = 16;

  /** Runs augmentation of {@code x} [N, R, R, 3] under {@code policy} at (seed, step); optionally d(sum y)/dx. */
  private static float[][] augment(AugmentPolicy policy, float[] x, long seed, long step) {
    return augment(policy, x, seed, step, null);
  }

  /** {@link #augment(AugmentPolicy, float[], long, long)} with each augmentation applied with probability p. */
  private static float[][] augment(AugmentPolicy policy, float[] x, long seed, long step, Float p) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, R, R, 3)));
      Placeholder<TInt64> key = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
      Operand<TFloat32> y = new DiffAugment(tf, policy, R).apply(in, key, p == null ? null : tf.constant(p));
      Gradients grad = tf.gradients(tf.reduceSum(y, tf.constant(new int[] {0, 1, 2, 3})), List.of(in));
      try (Session s = new Session(g);
          TFloat32 images = TFloat32.tensorOf(Shape.of(N, R, R, 3), DataBuffers.of(x, true, false));
          TInt64 k = TInt64.vectorOf(seed, step);
          Result r = s.runner().feed(in, images).feed(key, k).fetch(y).fetch(grad.dy(0)).run()) {
        return new float[][] {read((TFloat32) r.get(0)), read((TFloat32) r.get(1))};
      }
    }
  }

  private static float[] read(TFloat32 t) {
    float[] v = new float[(int) t.size()];
    t.copyTo(DataBuffers.of(v, false, false));
    return v;
  }

  /** Distinct values in (0.1, 1): every pixel can be recognised after a move. */
  private static float[] distinctImages() {
    float[] x = new float[N * R * R * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = 0.1f + 0.9f * (i + 1) / (x.length + 1);
    }
    return x;
  }

  private static int idx(int n, int i, int j, int c) {
    return ((n * R + i) * R + j) * 3 + c;
  }

  @Test
  void translationIsAWholePixelShiftOfAtMostAnEighthWithZeroFill() {
    float[] x = distinctImages();
    float[] y = augment(AugmentPolicy.parse("translation"), x, 7, 11)[0];
    int shift = R / 8;
    Set<String> shifts = new HashSet<>();
    for (int n = 0; n < N; n++) {
      int found = 0;
      for (int dy = -shift; dy <= shift; dy++) {
        for (int dx = -shift; dx <= shift; dx++) {
          if (isShift(x, y, n, dy, dx)) {
            found++;
            shifts.add(dy + "," + dx);
          }
        }
      }
      assertEquals(1, found, "image " + n + " must be exactly one shift of its input");
    }
    assertTrue(shifts.size() > 3, "16 images should not all get the same shift: " + shifts);
  }

  @Test
  void translationReflectFillsTheBorderWithTheMirrorImage() {
    float[] x = distinctImages();
    float[][] out = augment(AugmentPolicy.parse("translation-reflect"), x, 7, 11);
    int shift = R / 8;
    Set<String> shifts = new HashSet<>();
    float[] uses = new float[x.length];
    for (int n = 0; n < N; n++) {
      int[] found = null;
      for (int dy = -shift; dy <= shift; dy++) {
        for (int dx = -shift; dx <= shift; dx++) {
          if (isReflectedShift(x, out[0], n, dy, dx)) {
            assertEquals(null, found, "image " + n + " must be exactly one shift of its input");
            found = new int[] {dy, dx};
          }
        }
      }
      assertTrue(found != null, "image " + n + " is a reflected shift of its input");
      shifts.add(found[0] + "," + found[1]);
      // Each output pixel reads one input pixel: the gradient of the sum counts the reads.
      for (int i = 0; i < R; i++) {
        for (int j = 0; j < R; j++) {
          for (int c = 0; c < 3; c++) {
            uses[idx(n, mirror(i + found[0]), mirror(j + found[1]), c)] += 1f;
          }
        }
      }
    }
    assertTrue(shifts.size() > 3, "16 images should not all get the same shift: " + shifts);
    assertArrayEquals(uses, out[1], 0f);
    for (float v : out[0]) {
      assertTrue(v > 0f, "no pixel is filled with zero");
    }
  }

  /** Reflection about the first and last row: -1 -> 1, R -> R - 2. */
  private static int mirror(int i) {
    return i < 0 ? -i : i >= R ? 2 * (R - 1) - i : i;
  }

  private static boolean isReflectedShift(float[] x, float[] y, int n, int dy, int dx) {
    for (int i = 0; i < R; i++) {
      for (int j = 0; j < R; j++) {
        for (int c = 0; c < 3; c++) {
          if (y[idx(n, i, j, c)] != x[idx(n, mirror(i + dy), mirror(j + dx), c)]) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean isShift(float[] x, float[] y, int n, int dy, int dx) {
    for (int i = 0; i < R; i++) {
      for (int j = 0; j < R; j++) {
        for (int c = 0; c < 3; c++) {
          int si = i + dy;
          int sj = j + dx;
          float expected = si >= 0 && si < R && sj >= 0 && sj < R ? x[idx(n, si, sj, c)] : 0f;
          if (y[idx(n, i, j, c)] != expected) {
            return false;
          }
        }
      }
    }
    return true;
  }

  @Test
  void cutoutZeroesOneSquareOfHalfTheSideClippedAtTheBorder() {
    float[] x = distinctImages();
    float[] y = augment(AugmentPolicy.parse("cutout"), x, 7, 11)[0];
    for (int n = 0; n < N; n++) {
      int top = R;
      int left = R;
      int bottom = -1;
      int right = -1;
      int zeros = 0;
      for (int i = 0; i < R; i++) {
        for (int j = 0; j < R; j++) {
          boolean zero = y[idx(n, i, j, 0)] == 0f;
          for (int c = 0; c < 3; c++) {
            float v = y[idx(n, i, j, c)];
            assertTrue(v == 0f || v == x[idx(n, i, j, c)], "a pixel is either kept or zeroed");
            assertEquals(zero, v == 0f, "all channels of a pixel go together");
          }
          if (zero) {
            zeros++;
            top = Math.min(top, i);
            left = Math.min(left, j);
            bottom = Math.max(bottom, i);
            right = Math.max(right, j);
          }
        }
      }
      int h = bottom - top + 1;
      int w = right - left + 1;
      assertEquals(h * w, zeros, "image " + n + ": the zeroed pixels form one rectangle");
      // A square of side 16 centred anywhere in [0, 32]: at least 8 of it lies inside on each axis.
      assertTrue(h >= R / 4 && h <= R / 2 && w >= R / 4 && w <= R / 2, "image " + n + " cut " + h + "x" + w);
      assertTrue(h == R / 2 || top == 0 || bottom == R - 1, "only the border clips the square");
    }
  }

  @Test
  void colorOnAFlatImageOnlyShiftsBrightnessByUpToAHalf() {
    // On a flat grey image saturation and contrast scale distances from means that are all 0, so
    // only the brightness offset in [-0.5, 0.5) remains, the same for every pixel of the image.
    float[] x = new float[N * R * R * 3];
    java.util.Arrays.fill(x, 0.25f);
    float[] y = augment(AugmentPolicy.parse("color"), x, 7, 11)[0];
    Set<Float> offsets = new HashSet<>();
    for (int n = 0; n < N; n++) {
      float offset = y[idx(n, 0, 0, 0)] - 0.25f;
      assertTrue(offset >= -0.5f - 1e-6f && offset < 0.5f + 1e-6f, "offset " + offset);
      for (int p = 0; p < R * R * 3; p++) {
        assertEquals(0.25f + offset, y[n * R * R * 3 + p], 1e-6f);
      }
      offsets.add(offset);
    }
    assertTrue(offsets.size() > N / 2, "each image gets its own brightness");
  }

  @Test
  void gradientIsOneForEveryPixelThatSurvivesAndZeroForTheRest() {
    float[] x = distinctImages();
    float[][] out = augment(AugmentPolicy.parse("translation,cutout"), x, 3, 5);
    Set<Float> survivors = new HashSet<>();
    for (float v : out[0]) {
      if (v != 0f) {
        survivors.add(v);
      }
    }
    float[] expected = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      expected[i] = survivors.contains(x[i]) ? 1f : 0f;
    }
    assertArrayEquals(expected, out[1], 0f);
  }

  @Test
  void sameSeedAndStepGiveTheSameAugmentationAndOtherStepsDiffer() {
    float[] x = distinctImages();
    float[] a = augment(AugmentPolicy.ALL, x, 9, 100)[0];
    float[] b = augment(AugmentPolicy.ALL, x, 9, 100)[0];
    float[] c = augment(AugmentPolicy.ALL, x, 9, 101)[0];
    float[] d = augment(AugmentPolicy.ALL, x, 10, 100)[0];
    assertArrayEquals(a, b, 0f);
    assertFalse(java.util.Arrays.equals(a, c), "another step draws other augmentations");
    assertFalse(java.util.Arrays.equals(a, d), "another run seed draws other augmentations");
  }

  @Test
  void withProbabilityZeroNothingChangesAndWithOneEverythingDoes() {
    float[] x = distinctImages();
    float[] none = augment(AugmentPolicy.ALL, x, 7, 3, 0f)[0];
    assertArrayEquals(x, none, 1e-6f, "p = 0: every augmentation left out");
    float[] always = augment(AugmentPolicy.ALL, x, 7, 3)[0];
    assertArrayEquals(always, augment(AugmentPolicy.ALL, x, 7, 3, 1f)[0], 1e-6f, "p = 1: the always-on augmentation");
  }

  @Test
  void withProbabilityOneHalfEachImageIsEitherShiftedOrLeftAlone() {
    float[] x = distinctImages();
    int per = R * R * 3;
    int shifted = 0;
    int untouched = 0;
    for (long step = 0; step < 4; step++) {
      float[] full = augment(AugmentPolicy.parse("translation"), x, 5, step)[0];
      float[] half = augment(AugmentPolicy.parse("translation"), x, 5, step, 0.5f)[0];
      for (int n = 0; n < N; n++) {
        boolean same = true;
        boolean asFull = true;
        for (int k = n * per; k < (n + 1) * per; k++) {
          same &= half[k] == x[k];
          asFull &= half[k] == full[k];
        }
        assertTrue(same || asFull, "image " + n + " of step " + step + " is either untouched or shifted as with p = 1");
        // An image whose drawn shift is (0, 0) is both; count it as untouched.
        if (same) {
          untouched++;
        } else {
          shifted++;
        }
      }
    }
    // 64 images with p = 0.5: a count outside 16..48 has probability below 1e-4.
    assertTrue(shifted >= 16 && untouched >= 16, shifted + " shifted, " + untouched + " untouched of 64");
  }

  @Test
  void policyNoneIsTheIdentityAndAddsNoOps() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> in = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, R, R, 3)));
      assertSame(in, new DiffAugment(tf, AugmentPolicy.NONE, R).apply(in, tf.constant(new long[] {1, 2})));
    }
    assertEquals(AugmentPolicy.NONE, AugmentPolicy.parse("none"));
    assertEquals("color,translation,cutout", AugmentPolicy.parse("cutout, color,translation").toString());
    assertEquals(AugmentPolicy.NONE, AugmentPolicy.parse(null), "runs recorded before augmentation: none");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> AugmentPolicy.parse("color,flip"));
    assertTrue(e.getMessage().contains("'flip'"), e.getMessage());
    assertEquals("translation-reflect,cutout", AugmentPolicy.parse("cutout,translation-reflect").toString());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> AugmentPolicy.parse("translation,translation-reflect"));
  }

  @Test
  void generatorLearnsThroughTheAugmentation() {
    try (Graph g = new Graph()) {
      TrainingGraph tg = new TrainingGraph(g, Preset.TINY.model(), new Hyperparameters(1e-3f, 0.5f, 0.999f, 1e-7f), 3,
          new StepOptions(AugmentPolicy.ALL, 0, 0));
      assertTrue(g.operation("train_step") != null);
      try (Session s = new Session(g, SessionConfigs.training());
          TFloat32 real = TFloat32.tensorOf(Shape.of(4, R, R, 3), DataBuffers.of(distinctImages(), true, false))) {
        s.initialize();
        List<float[]> before = VariableValues.read(s, tg.generator().trainableVariables());
        try (TInt64 key = TInt64.vectorOf(3, 0);
            Result ignored = s.runner().feed(TrainingGraph.REAL_IMAGES, real).feed(TrainingGraph.STEP_SEED, key)
                .addTarget(TrainingGraph.TRAIN).fetch(TrainingGraph.G_LOSS).run()) {
          // G's gradient passed through D and the augmentation; Adam moved every G variable.
        }
        List<float[]> after = VariableValues.read(s, tg.generator().trainableVariables());
        for (int v = 0; v < before.size(); v++) {
          assertFalse(java.util.Arrays.equals(before.get(v), after.get(v)),
              tg.generator().trainableVariables().get(v).op().name() + " did not move");
        }
      }
    }
  }
}
