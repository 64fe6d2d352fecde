package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The progress line's fields, written out by hand. */
class ProgressLineTest {
  @Test
  void aPlainRunShowsLossesOutputsAndTimes() {
    assertEquals("epoch     3/12    step      412  img/s    58.1  d_loss  1.2841  g_loss  0.8123"
        + "  D(x) 0.563  D(G(z)) 0.402  elapsed 00:07:12  eta 01:21:40",
        ProgressLine.format(3, 12, 412, 58.1, 1.2841, 0.8123, 0.563, 0.402, Double.NaN, Double.NaN, 432, 4900));
  }

  @Test
  void anAdaptiveRunAlsoShowsPAndR() {
    String line = ProgressLine.format(3, 12, 412, 58.1, 1.2841, 0.8123, 0.563, 0.402, 0.125, -0.0625, 432, 4900);
    assertEquals("epoch     3/12    step      412  img/s    58.1  d_loss  1.2841  g_loss  0.8123"
        + "  D(x) 0.563  D(G(z)) 0.402  p 0.125  r -0.06  elapsed 00:07:12  eta 01:21:40", line);
  }

  @Test
  void unknownTimesShowDashes() {
    assertEquals("--:--:--", ProgressLine.clock(Double.NaN));
    assertEquals("--:--:--", ProgressLine.clock(Double.POSITIVE_INFINITY));
    assertEquals("100:00:01", ProgressLine.clock(360001));
  }
}
