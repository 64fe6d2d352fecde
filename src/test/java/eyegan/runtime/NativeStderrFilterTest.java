package eyegan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativeStderrFilterTest {
  @Test
  void dropsInfoAndTheCudaBuildsDuplicateRegistrationErrors() {
    // Lines as TensorFlow 2.18's CUDA build writes them at every start on a machine without a GPU.
    assertTrue(NativeStderrFilter.isChatter("2026-11-30 18:58:58.695008: I external/local_xla/xla/tsl/cuda/"
        + "cudart_stub.cc:32] Could not find cuda drivers on your machine, GPU will not be used."));
    assertTrue(NativeStderrFilter.isChatter("2026-11-30 18:58:58.861904: E external/local_xla/xla/stream_executor/"
        + "cuda/cuda_fft.cc:477] Unable to register cuFFT factory: Attempting to register factory for plugin cuFFT"
        + " when one has already been registered"));
    assertTrue(NativeStderrFilter.isChatter("E0000 00:00:1796065138.897319    4289 cuda_dnn.cc:8310] Unable to"
        + " register cuDNN factory: Attempting to register factory for plugin cuDNN when one has already been registered"));
    assertTrue(NativeStderrFilter.isChatter("E0000 00:00:1796065138.907904    4289 cuda_blas.cc:1418] Unable to"
        + " register cuBLAS factory: Attempting to register factory for plugin cuBLAS when one has already been registered"));
  }

  @Test
  void cudaThatCannotStartIsNewsOnlyWhereThereIsADriver() {
    String line = "2026-11-30 19:31:46.426250: E external/local_xla/xla/stream_executor/cuda/cuda_driver.cc:152]"
        + " failed call to cuInit: INTERNAL: CUDA error: Failed call to cuInit: UNKNOWN ERROR (303)";
    assertEquals(!NvidiaDriver.present(), NativeStderrFilter.isChatter(line));
  }

  @Test
  void keepsRealErrors() {
    assertFalse(NativeStderrFilter.isChatter("2026-11-30 18:58:58.861904: E tensorflow/core/common_runtime/"
        + "gpu/gpu_device.cc:2344] Cannot dlopen some GPU libraries."));
    assertFalse(NativeStderrFilter.isChatter("eyegan: --device gpu:7: no such GPU"));
  }

  @Test
  void holdsEveryLineToTheLevelTensorFlowsVariableWouldSet() {
    String info = "I0000 00:00:1796392180.309427   14918 mlir_graph_optimization_pass.cc:401] MLIR V1 optimization"
        + " pass is not enabled";
    String preamble = "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR";
    String warning = "2026-12-04 13:51:26.410282: W tensorflow/core/framework/cpu_allocator_impl.cc:83] Allocation"
        + " of 268435456 exceeds 10% of free system memory.";
    String error = "2026-11-30 18:58:58.861904: E tensorflow/core/common_runtime/gpu/gpu_device.cc:2344] Cannot"
        + " dlopen some GPU libraries.";
    String fatal = "F0000 00:00:1796392180.309427   14918 op_kernel.cc:401] Check failed: ok";
    // {level 0, 1, 2, 3} -> is it dropped?
    assertLevels(info, false, true, true, true);
    assertLevels(preamble, false, false, true, true);
    assertLevels(warning, false, false, true, true);
    assertLevels(error, false, false, false, true);
    assertLevels(fatal, false, false, false, false);
    assertLevels("client: an ordinary line", false, false, false, false);
  }

  private static void assertLevels(String line, boolean... dropped) {
    for (int level = 0; level < dropped.length; level++) {
      assertEquals(dropped[level], NativeStderrFilter.isChatter(line, level), "level " + level + ": " + line);
    }
  }
}
