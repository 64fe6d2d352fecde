package eyegan.pretrained;

import static eyegan.pretrained.TinyGraphs.floats;
import static eyegan.pretrained.TinyGraphs.fused;
import static eyegan.pretrained.TinyGraphs.ints;
import static eyegan.pretrained.TinyGraphs.placeholder;
import static eyegan.pretrained.TinyGraphs.ramp;
import static eyegan.pretrained.TinyGraphs.string;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * Each TF.js op rewrite on a tiny graph, run by TensorFlow, against the op's definition computed
 * here by hand: convolutions as explicit sums over the kernel window with SAME padding, matrix
 * products as row-times-column sums, activations from their formulas, and TF.js's Prelu as
 * {@code x < 0 ? alpha * x : x} (its CPU kernel).
 */
class FusedOpsTest {
  private static final double TOL = 1e-5;

  // ---- the definitions ----

  /** NHWC convolution, SAME padding (TensorFlow's: the extra pad goes after), stride s, filter HWIO. */
  private static double[] conv2d(float[] x, int h, int w, int cin, float[] f, int k, int cout, int s) {
    int oh = (h + s - 1) / s;
    int ow = (w + s - 1) / s;
    int padTop = Math.max((oh - 1) * s + k - h, 0) / 2;
    int padLeft = Math.max((ow - 1) * s + k - w, 0) / 2;
    double[] y = new double[oh * ow * cout];
    for (int oy = 0; oy < oh; oy++) {
      for (int ox = 0; ox < ow; ox++) {
        for (int o = 0; o < cout; o++) {
          double sum = 0;
          for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
              int iy = oy * s + ky - padTop;
              int ix = ox * s + kx - padLeft;
              if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                continue;
              }
              for (int c = 0; c < cin; c++) {
                sum += x[(iy * w + ix) * cin + c] * f[((ky * k + kx) * cin + c) * cout + o];
              }
            }
          }
          y[(oy * ow + ox) * cout + o] = sum;
        }
      }
    }
    return y;
  }

  /** Depthwise NHWC convolution, multiplier 1, SAME, stride 1, filter [k, k, c, 1]. */
  private static double[] depthwise(float[] x, int h, int w, int c, float[] f, int k) {
    double[] y = new double[h * w * c];
    int pad = (k - 1) / 2;
    for (int oy = 0; oy < h; oy++) {
      for (int ox = 0; ox < w; ox++) {
        for (int ch = 0; ch < c; ch++) {
          double sum = 0;
          for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
              int iy = oy + ky - pad;
              int ix = ox + kx - pad;
              if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                sum += x[(iy * w + ix) * c + ch] * f[(ky * k + kx) * c + ch];
              }
            }
          }
          y[(oy * w + ox) * c + ch] = sum;
        }
      }
    }
    return y;
  }

  private static double[] addBias(double[] y, float[] bias) {
    double[] out = y.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += bias[i % bias.length];
    }
    return out;
  }

  private static double[] map(double[] y, DoubleUnaryOperator f) {
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = f.applyAsDouble(y[i]);
    }
    return out;
  }

  private static double[] prelu(double[] y, float[] alpha) {
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = y[i] < 0 ? alpha[i % alpha.length] * y[i] : y[i];
    }
    return out;
  }

  private static void assertClose(double[] want, float[] got) {
    assertEquals(want.length, got.length);
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], TOL * (1 + Math.abs(want[i])), "element " + i);
    }
  }

  private static NodeDef.Builder convAttrs(NodeDef.Builder b, int stride) {
    return b.putAttr("strides", ints(1, stride, stride, 1)).putAttr("padding", string("SAME"))
        .putAttr("data_format", string("NHWC")).putAttr("dilations", ints(1, 1, 1, 1));
  }

  // ---- the tests ----

  @Test
  void preluIsXBelowZeroTimesAlphaElseX() {
    float[] alpha = {0.25f, 0.0f, 1.7f};
    float[] x = {-2f, -0.5f, -3f, 0f, 1.5f, 4f, -1e-3f, 2f, -7f};
    NodeDef prelu = NodeDef.newBuilder().setName("y").setOp("Prelu").addInput("x").addInput("alpha").build();
    float[] y = TinyGraphs.run(List.of(placeholder("x"), floats("alpha", new long[] {3}, alpha), prelu),
        new long[] {3, 3}, x, "y");
    for (int i = 0; i < x.length; i++) {
      float want = x[i] < 0 ? alpha[i % 3] * x[i] : x[i];
      assertEquals(want, y[i], 0f, "exact: Relu(x) - alpha * Relu(-x) at " + x[i]); // no rounding differs
    }
  }

  @Test
  void fusedConvWithBiasAndRelu6IsConvPlusBiasClippedToZeroSix() {
    int h = 5;
    int w = 6;
    int cin = 2;
    int cout = 3;
    float[] x = ramp(h * w * cin, 1f);
    float[] f = ramp(3 * 3 * cin * cout, 0.8f);
    float[] bias = {0.5f, -1f, 2f};
    for (int stride : new int[] {1, 2}) {
      NodeDef conv = convAttrs(fused("_FusedConv2D", "y", List.of("x", "f", "b"), "BiasAdd", "Relu6"), stride)
          .putAttr("use_cudnn_on_gpu", AttrValue.newBuilder().setB(true).build()).build();
      float[] y = TinyGraphs.run(List.of(placeholder("x"), floats("f", new long[] {3, 3, cin, cout}, f),
          floats("b", new long[] {cout}, bias), conv), new long[] {1, h, w, cin}, x, "y");
      double[] want = map(addBias(conv2d(x, h, w, cin, f, 3, cout, stride), bias), v -> Math.min(6, Math.max(0, v)));
      assertClose(want, y);
      assertTrue(java.util.Arrays.stream(want).anyMatch(v -> v == 6) && java.util.Arrays.stream(want).anyMatch(v -> v == 0),
          "the data reach both clips");
    }
  }

  @Test
  void fusedConvWithBiasAndPreluTakesBiasThenAlpha() {
    int h = 4;
    int w = 4;
    int cin = 3;
    int cout = 2;
    float[] x = ramp(h * w * cin, 0.6f);
    float[] f = ramp(3 * 3 * cin * cout, 0.5f);
    float[] bias = {-0.3f, 0.2f};
    float[] alpha = {0.1f, 0.7f};
    NodeDef conv = convAttrs(fused("_FusedConv2D", "y", List.of("x", "f", "b", "a"), "BiasAdd", "Prelu"), 1).build();
    float[] y = TinyGraphs.run(List.of(placeholder("x"), floats("f", new long[] {3, 3, cin, cout}, f),
        floats("b", new long[] {cout}, bias), floats("a", new long[] {cout}, alpha), conv), new long[] {1, h, w, cin}, x, "y");
    assertClose(prelu(addBias(conv2d(x, h, w, cin, f, 3, cout, 1), bias), alpha), y);
  }

  @Test
  void fusedConvWithBiasOnlyAndNoFusedOps() {
    int h = 3;
    int w = 3;
    float[] x = ramp(h * w * 2, 1f);
    float[] f = ramp(2 * 2, 1f); // 1x1 kernel, 2 -> 2 channels
    float[] bias = {1f, -1f};
    NodeDef biasOnly = convAttrs(fused("_FusedConv2D", "y", List.of("x", "f", "b"), "BiasAdd"), 1).build();
    float[] y = TinyGraphs.run(List.of(placeholder("x"), floats("f", new long[] {1, 1, 2, 2}, f),
        floats("b", new long[] {2}, bias), biasOnly), new long[] {1, h, w, 2}, x, "y");
    assertClose(addBias(conv2d(x, h, w, 2, f, 1, 2, 1), bias), y);
  }

  @Test
  void fusedDepthwiseWithBiasAndReluIsPerChannelConvolution() {
    int h = 5;
    int w = 4;
    int c = 3;
    float[] x = ramp(h * w * c, 1f);
    float[] f = ramp(3 * 3 * c, 0.9f);
    float[] bias = {0.1f, -0.4f, 0.3f};
    NodeDef dw = convAttrs(fused("FusedDepthwiseConv2dNative", "y", List.of("x", "f", "b"), "BiasAdd", "Relu"), 1).build();
    float[] y = TinyGraphs.run(List.of(placeholder("x"), floats("f", new long[] {3, 3, c, 1}, f),
        floats("b", new long[] {c}, bias), dw), new long[] {1, h, w, c}, x, "y");
    assertClose(map(addBias(depthwise(x, h, w, c, f, 3), bias), v -> Math.max(0, v)), y);
  }

  @Test
  void fusedMatMulWithBiasAndEachActivation() {
    int n = 3;
    int k = 4;
    int m = 5;
    float[] a = ramp(n * k, 0.7f);
    float[] b = ramp(k * m, 0.6f);
    float[] bias = ramp(m, 0.5f);
    double[] product = new double[n * m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        for (int t = 0; t < k; t++) {
          product[i * m + j] += a[i * k + t] * b[t * m + j];
        }
      }
    }
    double[] biased = addBias(product, bias);
    record Case(String op, DoubleUnaryOperator f) {}
    List<Case> cases = List.of(
        new Case("Relu", v -> Math.max(0, v)),
        new Case("Relu6", v -> Math.min(6, Math.max(0, v))),
        new Case("Elu", v -> v > 0 ? v : Math.exp(v) - 1),
        new Case("Sigmoid", v -> 1 / (1 + Math.exp(-v))),
        new Case("LeakyRelu", v -> v < 0 ? 0.15 * v : v));
    for (Case c : cases) {
      NodeDef mm = fused("_FusedMatMul", "y", List.of("x", "w", "b"), "BiasAdd", c.op())
          .putAttr("transpose_a", AttrValue.newBuilder().setB(false).build())
          .putAttr("transpose_b", AttrValue.newBuilder().setB(false).build())
          .putAttr("leakyrelu_alpha", AttrValue.newBuilder().setF(0.15f).build())
          .build();
      float[] y = TinyGraphs.run(List.of(placeholder("x"), floats("w", new long[] {k, m}, b),
          floats("b", new long[] {m}, bias), mm), new long[] {n, k}, a, "y");
      assertClose(map(biased, c.f()), y);
    }
    NodeDef plain = fused("_FusedMatMul", "y", List.of("x", "w", "b"), "BiasAdd").build();
    assertClose(biased, TinyGraphs.run(List.of(placeholder("x"), floats("w", new long[] {k, m}, b),
        floats("b", new long[] {m}, bias), plain), new long[] {n, k}, a, "y"));
  }

  @Test
  void consumersStillFindTheRewrittenNodeByItsName() {
    List<NodeDef> nodes = FusedOps.rewrite(convAttrs(fused("_FusedConv2D", "conv", List.of("x", "f", "b", "a"), "BiasAdd", "Prelu"), 1).build());
    assertEquals("conv", nodes.get(nodes.size() - 1).getName(), "the last node carries the original name");
    assertTrue(nodes.stream().noneMatch(n -> n.getOp().startsWith("_Fused") || n.getOp().equals("Prelu")));
  }

  @Test
  void unsupportedFusionsAreRefusedByName() {
    NodeDef bn = convAttrs(fused("_FusedConv2D", "y", List.of("x", "f", "s", "o"), "FusedBatchNorm"), 1).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FusedOps.rewrite(bn));
    assertTrue(e.getMessage().contains("FusedBatchNorm"), e.getMessage());
    NodeDef wrongArgs = convAttrs(fused("_FusedConv2D", "y", List.of("x", "f", "b"), "BiasAdd", "Prelu"), 1).build();
    e = assertThrows(IllegalArgumentException.class, () -> FusedOps.rewrite(wrongArgs));
    assertTrue(e.getMessage().contains("num_args"), e.getMessage());
  }

  @Test
  void otherNodesPassThroughWithoutTheirDevice() {
    NodeDef pinned = NodeDef.newBuilder().setName("p").setOp("MaxPool").addInput("x").setDevice("/device:CPU:0").build();
    List<NodeDef> out = FusedOps.rewrite(pinned);
    assertEquals(1, out.size());
    assertEquals("", out.get(0).getDevice());
    assertArrayEquals(pinned.getInputList().toArray(), out.get(0).getInputList().toArray());
  }
}
