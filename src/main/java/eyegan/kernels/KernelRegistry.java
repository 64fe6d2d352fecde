package eyegan.kernels;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.global.tensorflow;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.KernelDef;
import org.tensorflow.proto.KernelList;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.OpList;

/**
 * The op kernels compiled into the TensorFlow natives this process loaded, and the rule TensorFlow
 * uses to pick one for a node.
 *
 * <p>TensorFlow fills this registry when its library loads, whether or not a GPU (or even a CUDA
 * driver) is present, so the CUDA build answers "would this node get a GPU kernel?" on a machine
 * without a GPU. A kernel fits a node when every type constraint of the kernel ({@code
 * TypeConstraint<float>("T")}) admits the node's attribute value (attributes the node leaves out
 * take the op's default) and its label, if any, equals the node's {@code _kernel} attribute: the
 * same test TensorFlow's {@code FindKernelDef} makes before the placer may put a node on a device.
 */
public final class KernelRegistry {
  /** TensorFlow's device type names, as in {@code KernelDef.device_type}. */
  public static final String GPU = "GPU";
  public static final String CPU = "CPU";
  /**
   * Kernels registered once for every device (TensorFlow's {@code DEVICE_DEFAULT}): loops,
   * placeholders and most int32 kernels, whose tensors stay in host memory even on a GPU.
   */
  public static final String DEFAULT = "DEFAULT";
  /** Node attribute that selects a labelled kernel. */
  private static final String KERNEL_LABEL_ATTR = "_kernel";
  /** An op every CUDA build has a GPU kernel for; none in a CPU-only build. */
  private static final String CUDA_PROBE_OP = "MatMul";

  private static KernelRegistry loaded;

  private final Map<String, OpDef> ops = new HashMap<>();
  private final Map<String, List<KernelDef>> kernels = new HashMap<>();

  private KernelRegistry() {
    TF_Buffer buffer = tensorflow.TF_GetAllOpList();
    try {
      for (OpDef op : OpList.parseFrom(buffer.dataAsByteBuffer()).getOpList()) {
        ops.put(op.getName(), op);
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("TensorFlow returned an unreadable op list", e);
    } finally {
      tensorflow.TF_DeleteBuffer(buffer);
    }
  }

  /** The registry of the natives loaded in this process (reading it loads TensorFlow). */
  public static synchronized KernelRegistry loaded() {
    if (loaded == null) {
      loaded = new KernelRegistry();
    }
    return loaded;
  }

  /** True when the loaded natives are a CUDA build (they hold GPU kernels), GPU present or not. */
  public boolean isCudaBuild() {
    return kernels(CUDA_PROBE_OP).stream().anyMatch(k -> k.getDeviceType().equals(GPU));
  }

  /** True when {@code type} is an op TensorFlow knows (and not, for example, a graph function). */
  public boolean isOp(String type) {
    return ops.containsKey(type);
  }

  /** Every kernel registered for op {@code type}, for all devices; empty for an unknown op. */
  public synchronized List<KernelDef> kernels(String type) {
    return kernels.computeIfAbsent(type, KernelRegistry::read);
  }

  /**
   * The kernel TensorFlow would run {@code node} with on {@code deviceType}, if there is one: a
   * kernel of that device type whose constraints fit, otherwise a fitting {@link #DEFAULT} kernel,
   * in that order, as TensorFlow's {@code FindKernelRegistration} looks them up.
   */
  public Optional<KernelDef> find(NodeDef node, String deviceType) {
    Map<String, AttrValue> attrs = withDefaults(node);
    Optional<KernelDef> own = fitting(node.getOp(), deviceType, attrs);
    return own.isPresent() ? own : fitting(node.getOp(), DEFAULT, attrs);
  }

  private Optional<KernelDef> fitting(String op, String deviceType, Map<String, AttrValue> attrs) {
    return kernels(op).stream()
        .filter(k -> k.getDeviceType().equals(deviceType))
        .filter(k -> labelMatches(k, attrs))
        .filter(k -> k.getConstraintList().stream().allMatch(c -> allows(c, attrs.get(c.getName()))))
        .max(Comparator.comparingInt(KernelDef::getPriority)); // TensorFlow takes the highest priority
  }

  /** The node's attributes plus the op's defaults for those it leaves out. */
  Map<String, AttrValue> withDefaults(NodeDef node) {
    Map<String, AttrValue> attrs = new LinkedHashMap<>();
    OpDef op = ops.get(node.getOp());
    if (op != null) {
      for (OpDef.AttrDef a : op.getAttrList()) {
        if (a.hasDefaultValue()) {
          attrs.put(a.getName(), a.getDefaultValue());
        }
      }
    }
    attrs.putAll(node.getAttrMap());
    return attrs;
  }

  private static boolean labelMatches(KernelDef k, Map<String, AttrValue> attrs) {
    AttrValue label = attrs.get(KERNEL_LABEL_ATTR);
    String wanted = label == null ? "" : label.getS().toStringUtf8();
    return k.getLabel().equals(wanted);
  }

  /** One kernel constraint against the node's value: a type, or every element of a list. */
  private static boolean allows(KernelDef.AttrConstraint c, AttrValue value) {
    if (value == null) {
      return false; // TensorFlow refuses a kernel constrained on an attribute the node lacks
    }
    AttrValue.ListValue allowed = c.getAllowedValues().getList();
    switch (value.getValueCase()) {
      case TYPE:
        return allowed.getTypeList().contains(value.getType());
      case LIST:
        AttrValue.ListValue list = value.getList();
        return allowed.getTypeList().containsAll(list.getTypeList())
            && allowed.getSList().containsAll(list.getSList())
            && allowed.getIList().containsAll(list.getIList())
            && allowed.getBList().containsAll(list.getBList());
      case S:
        return allowed.getSList().contains(value.getS());
      case I:
        return allowed.getIList().contains(value.getI());
      case B:
        return allowed.getBList().contains(value.getB());
      default:
        return false;
    }
  }

  private static List<KernelDef> read(String type) {
    TF_Status status = tensorflow.TF_NewStatus();
    TF_Buffer buffer = tensorflow.TF_GetRegisteredKernelsForOp(type, status);
    try {
      if (tensorflow.TF_GetCode(status) != tensorflow.TF_OK) {
        throw new IllegalStateException("TensorFlow could not list the kernels of " + type + ": "
            + tensorflow.TF_Message(status).getString());
      }
      return List.copyOf(KernelList.parseFrom(buffer.dataAsByteBuffer()).getKernelList());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("TensorFlow returned an unreadable kernel list for " + type, e);
    } finally {
      tensorflow.TF_DeleteBuffer(buffer);
      tensorflow.TF_DeleteStatus(status);
    }
  }
}
