package eyegan.kernels;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints the result of a kernel check as a plain-text table, one line per op type and dtypes. */
public final class KernelTable {
  private KernelTable() {}

  /** One verdict line per part, e.g. {@code article: training step: 838 nodes, 76 op/dtype uses, all GPU}. */
  public static String summary(KernelCoverage.Part part) {
    int problems = part.problems().size();
    long hostNodes = part.onHost().stream().mapToLong(KernelCoverage.Use::nodes).sum();
    String verdict = problems > 0 ? problems + " WITHOUT a " + part.deviceType() + " kernel"
        : hostNodes > 0 ? "all " + part.deviceType() + " except " + hostNodes + " nodes pinned to the host by design"
        : "all " + part.deviceType();
    return String.format(Locale.ROOT, "%s: %d nodes, %d op/dtype uses, %s", part.name(), part.nodes(),
        part.uses().size(), verdict);
  }

  /** Every part's summary and rows, then the reasons for the host ops that appeared. */
  public static String format(List<KernelCoverage.Part> parts) {
    StringBuilder out = new StringBuilder();
    Map<String, String> reasons = new TreeMap<>();
    for (KernelCoverage.Part part : parts) {
      out.append("== ").append(summary(part)).append('\n');
      for (KernelCoverage.Use u : part.uses()) {
        String status = u.problem() ? "MISSING" : u.pinnedToHost() ? "host" : "ok";
        String kernel = u.hasKernel() ? u.kernel() : "no " + part.deviceType() + " kernel";
        out.append(String.format(Locale.ROOT, "  %-7s %-28s %-44s %4dx  %s%n", status, u.op(), u.dtypes(), u.nodes(), kernel));
        if (u.pinnedToHost() && u.hostReason() != null && !u.hasKernel()) {
          reasons.put(u.op(), u.hostReason());
        }
      }
    }
    if (!reasons.isEmpty()) {
      out.append("host by design (pinned to /device:CPU:0):\n");
      reasons.forEach((op, why) -> out.append("  ").append(op).append(": ").append(why).append('\n'));
    }
    return out.toString();
  }
}
