package eyegan.model;

import java.util.List;
import java.util.Locale;

/**
 * Formats layer rows as Keras 2's {@code model.summary()} does: one row per layer with its output
 * shape and parameter count, then total, trainable and non-trainable parameters.
 */
public final class ModelSummary {
  private static final int NAME_WIDTH = 44;
  private static final int SHAPE_WIDTH = 26;
  private static final int WIDTH = 84;

  private ModelSummary() {}

  public static long total(List<LayerSummary> rows) {
    return rows.stream().mapToLong(LayerSummary::params).sum();
  }

  public static long trainable(List<LayerSummary> rows) {
    return rows.stream().mapToLong(LayerSummary::trainableParams).sum();
  }

  public static long nonTrainable(List<LayerSummary> rows) {
    return rows.stream().mapToLong(LayerSummary::nonTrainableParams).sum();
  }

  /** The table for one model, ending with a newline. */
  public static String format(String modelName, List<LayerSummary> rows) {
    StringBuilder sb = new StringBuilder();
    String thin = "_".repeat(WIDTH) + "\n";
    String thick = "=".repeat(WIDTH) + "\n";
    sb.append("Model: \"").append(modelName).append("\"\n").append(thin);
    sb.append(row("Layer (type)", "Output Shape", "Param #")).append(thick);
    for (int i = 0; i < rows.size(); i++) {
      LayerSummary r = rows.get(i);
      sb.append(row(r.name() + " (" + r.type() + ")", r.shapeText(), Long.toString(r.params())));
      sb.append(i + 1 < rows.size() ? "\n" : "");
    }
    sb.append(thick);
    sb.append("Total params: ").append(grouped(total(rows))).append('\n');
    sb.append("Trainable params: ").append(grouped(trainable(rows))).append('\n');
    sb.append("Non-trainable params: ").append(grouped(nonTrainable(rows))).append('\n');
    sb.append(thin);
    return sb.toString();
  }

  private static String row(String name, String shape, String params) {
    return String.format(Locale.ROOT, " %-" + NAME_WIDTH + "s%-" + SHAPE_WIDTH + "s%s", name, shape, params).stripTrailing() + "\n";
  }

  private static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
