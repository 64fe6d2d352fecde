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
}
