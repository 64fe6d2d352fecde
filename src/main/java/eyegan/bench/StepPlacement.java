package eyegan.bench;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.RunMetadata;

/**
 * Where TensorFlow actually placed the ops of one run, read from the partition graphs it returns
 * when asked ({@code RunOptions.output_partition_graphs}): nodes per device, the op types that ran
 * on the CPU, and how many tensors crossed between devices ({@code _Send} nodes). On a GPU this is
 * the run-time counterpart of the kernel check: a step placed whole on the GPU shows no host ops
 * besides int32 shape arithmetic and the feeds.
 *
 * @param nodesPerDevice eyegan's and TensorFlow's own nodes per device ({@code GPU:0}, {@code CPU:0})
 * @param hostOps the op types placed on a CPU
 * @param transfers tensors sent from one device to another in one run
 */
public record StepPlacement(Map<String, Integer> nodesPerDevice, Set<String> hostOps, int transfers) {
  /** Reads the partition graphs of a run made with {@code output_partition_graphs}. */
  public static StepPlacement of(RunMetadata metadata) {
    Map<String, Integer> perDevice = new TreeMap<>();
    Set<String> host = new TreeSet<>();
    int sends = 0;
    for (GraphDef partition : metadata.getPartitionGraphsList()) {
      for (NodeDef n : partition.getNodeList()) {
        if (n.getOp().equals("_Send") || n.getOp().equals("_HostSend")) {
          sends++;
        }
        if (n.getOp().startsWith("_")) {
          continue; // TensorFlow's plumbing: sends, receives, feed arguments and fetch results
        }
        String device = shortName(n.getDevice());
        perDevice.merge(device, 1, Integer::sum);
        if (device.startsWith("CPU")) {
          host.add(n.getOp());
        }
      }
    }
    return new StepPlacement(perDevice, host, sends);
  }

  /** e.g. {@code 820 nodes on GPU:0, 18 on CPU:0 (Const, Shape); 3 transfers between devices}. */
  public String summary(boolean stepOnGpu) {
    String nodes = nodesPerDevice.entrySet().stream()
        .map(e -> e.getValue() + " nodes on " + e.getKey())
        .collect(Collectors.joining(", "));
    String host = stepOnGpu && !hostOps.isEmpty() ? " (on the host: " + String.join(", ", hostOps) + ")" : "";
    return String.format(Locale.ROOT, "%s%s; %d tensors cross between devices per step", nodes, host, transfers);
  }

  /** {@code /job:localhost/replica:0/task:0/device:GPU:0} -> {@code GPU:0}. */
  static String shortName(String device) {
    int i = device.indexOf("device:");
    return i >= 0 ? device.substring(i + "device:".length()) : device.isEmpty() ? "unplaced" : device;
  }
}
