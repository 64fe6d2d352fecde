package eyegan.kernels;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NameAttrList;
import org.tensorflow.proto.NodeDef;

/**
 * The nodes a session runs to compute some targets of a graph: the targets, everything they read
 * (data and control inputs, transitively), and every node of each graph function those nodes call
 * (a While loop's cond and body, for example), so that nothing that would execute escapes a check.
 */
public final class GraphOps {
  private GraphOps() {}

  /**
   * @param graph a whole graph, its function library included ({@code Graph.toGraphDef()})
   * @param targets node names, or tensor names ({@code images:0}), to compute
   * @return the nodes that run, graph nodes first, then function bodies
   * @throws IllegalArgumentException when a target is not in the graph
   */
  public static List<NodeDef> needed(GraphDef graph, Collection<String> targets) {
    Map<String, NodeDef> byName = new HashMap<>();
    for (NodeDef n : graph.getNodeList()) {
      byName.put(n.getName(), n);
    }
    Map<String, FunctionDef> functions = new HashMap<>();
    for (FunctionDef f : graph.getLibrary().getFunctionList()) {
      functions.put(f.getSignature().getName(), f);
    }
    List<NodeDef> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<String> work = new ArrayDeque<>();
    for (String t : targets) {
      String name = nodeName(t);
      if (!byName.containsKey(name)) {
        throw new IllegalArgumentException("no node " + name + " in the graph");
      }
      work.add(name);
    }
    Set<String> calledFunctions = new HashSet<>();
    while (!work.isEmpty()) {
      String name = work.pop();
      if (!seen.add(name)) {
        continue;
      }
      NodeDef node = byName.get(name);
      out.add(node);
      node.getInputList().forEach(input -> work.add(nodeName(input)));
      calledFunctions.addAll(functionsCalledBy(node, functions));
    }
    addFunctionBodies(calledFunctions, functions, out);
    return out;
  }

  /**
   * The node's data-type attributes in name order, e.g. {@code T=float32, Tidx=int32}; empty for
   * an op without any. Attributes TensorFlow sets for itself ({@code _class}, ...) are left out.
   */
  public static String dtypes(Map<String, AttrValue> attrs) {
    Map<String, String> sorted = new TreeMap<>();
    attrs.forEach((name, value) -> {
      if (name.startsWith("_")) {
        return;
      }
      if (value.getValueCase() == AttrValue.ValueCase.TYPE) {
        sorted.put(name, typeName(value.getType()));
      } else if (value.getValueCase() == AttrValue.ValueCase.LIST && value.getList().getTypeCount() > 0) {
        sorted.put(name, value.getList().getTypeList().stream().map(GraphOps::typeName)
            .collect(Collectors.joining(",", "[", "]")));
      }
    });
    return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }

  /** {@code DT_FLOAT} -> {@code float32}, as TensorFlow's Python API spells dtypes. */
  public static String typeName(DataType type) {
    switch (type) {
      case DT_FLOAT:
        return "float32";
      case DT_DOUBLE:
        return "float64";
      case DT_HALF:
        return "float16";
      default:
        return type.name().replaceFirst("^DT_", "").toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Every node of each called function, and of the functions those call in turn. */
  private static void addFunctionBodies(Set<String> called, Map<String, FunctionDef> functions, List<NodeDef> out) {
    Deque<String> work = new ArrayDeque<>(called);
    Set<String> done = new HashSet<>();
    while (!work.isEmpty()) {
      String name = work.pop();
      if (!done.add(name)) {
        continue;
      }
      for (NodeDef node : functions.get(name).getNodeDefList()) {
        out.add(node);
        work.addAll(functionsCalledBy(node, functions));
      }
    }
  }

  /** Functions a node calls: through function-valued attributes, or as its op type. */
  private static Set<String> functionsCalledBy(NodeDef node, Map<String, FunctionDef> functions) {
    Set<String> names = new HashSet<>();
    if (functions.containsKey(node.getOp())) {
      names.add(node.getOp());
    }
    for (AttrValue v : node.getAttrMap().values()) {
      if (v.getValueCase() == AttrValue.ValueCase.FUNC) {
        names.add(v.getFunc().getName());
      } else if (v.getValueCase() == AttrValue.ValueCase.LIST) {
        v.getList().getFuncList().stream().map(NameAttrList::getName).forEach(names::add);
      }
    }
    names.retainAll(functions.keySet());
    return names;
  }

  /** {@code ^name} (control input), {@code name:0} or {@code name} -> {@code name}. */
  static String nodeName(String input) {
    String s = input.startsWith("^") ? input.substring(1) : input;
    int colon = s.indexOf(':');
    return colon < 0 ? s : s.substring(0, colon);
  }
}
