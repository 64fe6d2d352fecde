package eyegan.model.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reference's own arithmetic on cases small enough to work out by hand. */
class KerasMathTest {
  @Test
  void samePaddingPutsTheSmallerHalfFirst() {
    // in 4, kernel 5, stride 2: 2 outputs need (2 - 1) * 2 + 5 = 7 inputs, 3 missing -> 1 before.
    assertEquals(1, KerasMath.samePadBefore(4, 5, 2));
    // stride 1: 4 outputs need 8 inputs, 4 missing -> 2 before.
    assertEquals(2, KerasMath.samePadBefore(4, 5, 1));
    // in 8, kernel 4, stride 2: 4 outputs need 10, 2 missing -> 1 before.
    assertEquals(1, KerasMath.samePadBefore(8, 4, 2));
  }

  @Test
  void transposedConvolutionScattersThroughTheKernel() {
    // One row [1, 10], a 3x3 kernel 1..9, stride 2: output 2x4, leading padding 0 on both axes.
    // Input (0, 0) lands on rows 0-1, columns 0-2; input (0, 1) on columns 2-3 (its third column
    // falls outside); kernel row 2 falls below the output.
    Nhwc x = new Nhwc(1, 1, 2, 1, new double[] {1, 10});
    float[] kernel = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    Nhwc y = KerasMath.conv2dTransposeSame(x, kernel, 3, 1, 2);
    assertEquals(2, y.h());
    assertEquals(4, y.w());
    assertArrayEquals(new double[] {1, 2, 3 + 10, 20, 4, 5, 6 + 40, 50}, y.v(), 0);
  }

  @Test
  void transposedConvolutionIsTheAdjointOfTheConvolution() {
    // <convT(x), y> == <x, conv(y)> for any x and y: the definition of the transposed convolution.
    Random r = new Random(3);
    int k = 5;
    int in = 3;
    int out = 2;
    Nhwc x = random(r, 2, 4, 4, in);
    Nhwc y = random(r, 2, 8, 8, out);
    float[] kernelT = new float[k * k * out * in]; // [k, k, out, in] for the transposed convolution
    for (int i = 0; i < kernelT.length; i++) {
      kernelT[i] = (float) r.nextGaussian();
    }
    // The same numbers read as a Conv2D kernel [k, k, in', out'] with in' = out, out' = in.
    Nhwc up = KerasMath.conv2dTransposeSame(x, kernelT, k, out, 2);
    Nhwc down = KerasMath.conv2dSame(y, kernelT, k, in, new float[in], 2);
    assertEquals(dot(up, y), dot(x, down), 1e-9 * Math.abs(dot(up, y)) + 1e-9);
  }

  @Test
  void batchNormUsesBiasedStatisticsAndKeepsTheUnbiasedOneApart() {
    // Channel values 1 and 3: mean 2, biased variance 1, unbiased 2.
    Nhwc x = new Nhwc(2, 1, 1, 1, new double[] {1, 3});
    KerasMath.ChannelStats s = KerasMath.channelStats(x);
    assertEquals(2, s.mean()[0], 0);
    assertEquals(1, s.biasedVariance()[0], 0);
    assertEquals(2, s.unbiasedVariance()[0], 0);
    Nhwc y = KerasMath.batchNorm(x, s.mean(), s.biasedVariance(), new float[] {2f}, new float[] {0.5f}, 1e-3);
    double scale = 2 / Math.sqrt(1 + 1e-3);
    assertArrayEquals(new double[] {0.5 - scale, 0.5 + scale}, y.v(), 1e-12);
    assertArrayEquals(new double[] {0.99 * 4 + 0.01 * 2}, KerasMath.movingAverage(new float[] {4f}, new double[] {2}, 0.99), 1e-12);
  }

  @Test
  void leakyReluAndDropout() {
    Nhwc x = new Nhwc(1, 1, 1, 4, new double[] {-2, -0.5, 0, 3});
    assertArrayEquals(new double[] {-0.6, -0.15, 0, 3}, KerasMath.leakyRelu(x, 0.3).v(), 1e-12);
    assertArrayEquals(new double[] {-4, 0, 0, 6},
        KerasMath.dropout(x, new boolean[] {true, false, true, true}, 0.5).v(), 1e-12);
  }

  private static Nhwc random(Random r, int n, int h, int w, int c) {
    Nhwc t = Nhwc.zeros(n, h, w, c);
    for (int i = 0; i < t.v().length; i++) {
      t.v()[i] = r.nextGaussian();
    }
    return t;
  }

  private static double dot(Nhwc a, Nhwc b) {
    double s = 0;
    for (int i = 0; i < a.v().length; i++) {
      s += a.v()[i] * b.v()[i];
    }
    return s;
  }
}
