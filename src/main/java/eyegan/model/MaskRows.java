package eyegan.model;

import org.tensorflow.Operand;
import org.tensorflow.types.TInt32;

/**
 * Where a pass's images lie within a larger batch whose dropout masks are drawn as one: a pass over
 * rows {@code [offset, offset + n)} of a batch of {@code total} images draws each layer's mask for
 * all {@code total} rows and keeps its own. Two passes over the halves of a batch then drop exactly
 * what one pass over the whole batch would, so splitting a pass (to skip work on one half) changes
 * no result.
 *
 * @param offset int32 scalar, the first row of this pass
 * @param total int32 scalar, the rows of the whole batch
 */
public record MaskRows(Operand<TInt32> offset, Operand<TInt32> total) {}
