package eyegan.kernels;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.KernelDef;
import org.tensorflow.proto.NodeDef;

/**
 * Which op types and dtypes a part of a graph runs, and whether each has a kernel for a device
 * type (normally {@link KernelRegistry#GPU}) in the loaded TensorFlow natives.
 *
 * <p>A use without such a kernel is a problem unless {@link HostOps} names it as an op that runs on
 * the host by design and the graph pins it there explicitly: TensorFlow would otherwise place it on
 * the CPU without a word, and every tensor crossing to and from it would be copied over PCIe in the
 * middle of the step. Nodes pinned to the host are reported as such whether or not they would have
 * a GPU kernel.
 */
public final class KernelCoverage {
  /**
   * One op type with one combination of dtype attributes.
   *
   * @param op the op type, e.g. {@code Conv2DBackpropInput}
   * @param dtypes its dtype attributes, e.g. {@code T=float32}
   * @param nodes how many nodes of the part share both
   * @param example one of those nodes, by name
   * @param hasKernel whether the device type has a kernel for it
   * @param kernel the kernel found: its device type ({@code GPU}, or {@code DEFAULT} for one
   *     registered for every device) and the arguments it keeps in host memory; empty when none
   * @param pinnedToHost whether these nodes ask for the CPU explicitly (their device field)
   * @param hostReason why the op runs on the host by design ({@link HostOps}), or null
   */
  public record Use(String op, String dtypes, int nodes, String example, boolean hasKernel, String kernel,
      boolean pinnedToHost, String hostReason) {
    /**
     * No kernel on the device, and not both listed as a host op and pinned to the host: TensorFlow
     * would move it to the CPU silently. The graph must change.
     */
    public boolean problem() {
      return !hasKernel && !(pinnedToHost && hostReason != null);
    }
  }

  /**
   * The uses of one named part of a graph (the training step, one export signature, ...).
   *
   * @param name what the part is, e.g. {@code article: training step}
   * @param deviceType the device type checked, e.g. {@code GPU}
   */
  public record Part(String name, String deviceType, List<Use> uses) {
    public List<Use> problems() {
      return uses.stream().filter(Use::problem).toList();
    }

    public List<Use> onHost() {
      return uses.stream().filter(Use::pinnedToHost).toList();
    }

    public int nodes() {
      return uses.stream().mapToInt(Use::nodes).sum();
    }
  }

  private KernelCoverage() {}

  /**
   * Checks the nodes needed for {@code targets} of {@code graph} against {@code deviceType}.
   *
   * @param graph the whole graph with its function library
   * @param targets node or tensor names the part computes
   */
  public static Part check(String name, GraphDef graph, Collection<String> targets, KernelRegistry registry,
      String deviceType) {
    Map<String, List<NodeDef>> groups = new LinkedHashMap<>();
    for (NodeDef node : GraphOps.needed(graph, targets)) {
      if (!registry.isOp(node.getOp())) {
        continue; // a call of a graph function: its body's nodes are checked instead
      }
      String key = node.getOp() + "\u0000" + GraphOps.dtypes(registry.withDefaults(node)) + "\u0000" + pinnedToHost(node);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(node);
    }
    List<Use> uses = new ArrayList<>();
    for (List<NodeDef> nodes : groups.values()) {
      NodeDef first = nodes.get(0);
      Optional<KernelDef> kernel = registry.find(first, deviceType);
      uses.add(new Use(first.getOp(), GraphOps.dtypes(registry.withDefaults(first)), nodes.size(), first.getName(),
          kernel.isPresent(), kernel.map(KernelCoverage::describe).orElse(""), pinnedToHost(first),
          HostOps.reason(first.getOp())));
    }
    uses.sort(Comparator.comparing(Use::op).thenComparing(Use::dtypes).thenComparing(Use::pinnedToHost));
    return new Part(name, deviceType, List.copyOf(uses));
  }

  /** True when the node's requested device is a CPU ({@code /device:CPU:0}, {@code /cpu:0}, ...). */
  static boolean pinnedToHost(NodeDef node) {
    return node.getDevice().toUpperCase(java.util.Locale.ROOT).contains("CPU");
  }

  /** e.g. {@code DEFAULT, host memory: output}. */
  private static String describe(KernelDef k) {
    return k.getHostMemoryArgCount() == 0 ? k.getDeviceType()
        : k.getDeviceType() + ", host memory: " + String.join(" ", k.getHostMemoryArgList());
  }
}
