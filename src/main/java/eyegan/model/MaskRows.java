package eyegan.model;

import java.util.HashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Where a pass's images lie within a larger batch whose dropout masks are drawn as one: a pass over
 * rows {@code [offset, offset + n)} of a batch of {@code total} images keeps its own rows of each
 * layer's draw for all {@code total} rows. Two passes over the halves of a batch then drop exactly
 * what one pass over the whole batch would, so splitting a pass (to skip work on one half) changes
 * no result; passes made with {@link #of} for the same batch share each layer's draw, so it is
 * made once.
 *
 * @param offset int32 scalar, the first row of this pass
 * @param total int32 scalar, the rows of the whole batch
 * @param draws the whole batch's uniform draws by dropout layer, shared by the passes over its rows
 */
public record MaskRows(Operand<TInt32> offset, Operand<TInt32> total, Map<Integer, Operand<TFloat32>> draws) {
  /** The rows of passes over parts of one batch of {@code total} images, starting at each offset. */
  @SafeVarargs
  public static MaskRows[] of(Operand<TInt32> total, Operand<TInt32>... offsets) {
    Map<Integer, Operand<TFloat32>> shared = new HashMap<>();
    MaskRows[] rows = new MaskRows[offsets.length];
    for (int i = 0; i < offsets.length; i++) {
      rows[i] = new MaskRows(offsets[i], total, shared);
    }
    return rows;
  }
}
