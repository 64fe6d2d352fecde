package eyegan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading the processor's name and vector extensions from /proc/cpuinfo text. */
class CpuInfoTest {
  private static final String TWO_CORES = String.join("\n",
      "processor\t: 0",
      "vendor_id\t: AuthenticAMD",
      "model name\t: AMD EPYC 7B13",
      "flags\t\t: fpu vme sse2 avx avx2 fma",
      "",
      "processor\t: 1",
      "model name\t: AMD EPYC 7B13",
      "flags\t\t: fpu vme sse2 avx avx2 fma avx512f",
      "");

  @Test
  void firstProcessorsNameAndFlags() {
    CpuInfo c = CpuInfo.parse(TWO_CORES);
    assertEquals("AMD EPYC 7B13", c.model());
    assertTrue(c.avx2());
    assertFalse(c.avx512(), "only the first processor's flags count");
    assertEquals("AMD EPYC 7B13, AVX2", c.describe());
    assertEquals("Xeon, AVX-512", CpuInfo.parse("model name : Xeon\nflags : avx2 avx512f\n").describe());
    assertEquals("unknown, no AVX2", CpuInfo.parse("").describe());
  }
}
