package eyegan.runtime;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.global.tensorflow;

/**
 * Asks the TensorFlow runtime which devices it can place ops on (CPU, GPU), the same answer
 * {@code tf.config.list_physical_devices} gives in Python.
 *
 * <p>TensorFlow Java has no device listing of its own, so this opens a throw-away session through
 * the C API that TensorFlow Java itself is built on.
 */
public final class Devices {
  /** One device: its TensorFlow name (e.g. {@code /job:localhost/replica:0/task:0/device:GPU:0}), type and memory. */
  public record Device(String name, String type, long memoryBytes) {}

  private static List<Device> cached;

  private Devices() {}

  /** Every device TensorFlow sees in this process; computed once. */
  public static synchronized List<Device> list() {
    if (cached != null) {
      return cached;
    }
    List<Device> devices = new ArrayList<>();
    TF_Status status = tensorflow.TF_NewStatus();
    TF_Graph graph = tensorflow.TF_NewGraph();
    TF_SessionOptions options = tensorflow.TF_NewSessionOptions();
    try {
      TF_Session session = tensorflow.TF_NewSession(graph, options, status);
      check(status);
      TF_DeviceList list = tensorflow.TF_SessionListDevices(session, status);
      check(status);
      int count = tensorflow.TF_DeviceListCount(list);
      for (int i = 0; i < count; i++) {
        String name = tensorflow.TF_DeviceListName(list, i, status).getString();
        String type = tensorflow.TF_DeviceListType(list, i, status).getString();
        long memory = tensorflow.TF_DeviceListMemoryBytes(list, i, status);
        devices.add(new Device(name, type, memory));
      }
      tensorflow.TF_DeleteDeviceList(list);
      tensorflow.TF_CloseSession(session, status);
      tensorflow.TF_DeleteSession(session, status);
    } finally {
      tensorflow.TF_DeleteSessionOptions(options);
      tensorflow.TF_DeleteGraph(graph);
      tensorflow.TF_DeleteStatus(status);
    }
    cached = List.copyOf(devices);
    return cached;
  }

  /** True when TensorFlow can run ops on at least one GPU. */
  public static boolean hasGpu() {
    return list().stream().anyMatch(d -> d.type().equalsIgnoreCase("GPU"));
  }

  private static void check(TF_Status status) {
    if (tensorflow.TF_GetCode(status) != tensorflow.TF_OK) {
      throw new IllegalStateException(
          "TensorFlow could not list devices: " + tensorflow.TF_Message(status).getString());
    }
  }
}
