package eyegan.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Reads variables' current values out of a session, for tests that compare them before and after. */
public final class VariableValues {
  private VariableValues() {}

  /** One flattened array per variable, in the order given. */
  public static List<float[]> read(Session session, List<Variable<TFloat32>> vars) {
    Session.Runner runner = session.runner();
    vars.forEach(runner::fetch);
    List<float[]> out = new ArrayList<>();
    try (Result r = runner.run()) {
      for (int i = 0; i < vars.size(); i++) {
        TFloat32 t = (TFloat32) r.get(i);
        float[] v = new float[(int) t.size()];
        t.copyTo(DataBuffers.of(v, false, false));
        out.add(v);
      }
    }
    return out;
  }
}
