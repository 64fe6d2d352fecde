package eyegan.report;

import eyegan.image.PngFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A PNG of a run's curves over training steps, one panel each: the two losses, D's mean output on real
 * and generated images, and the SWD. Panels without data are left out. Step-level values are noisy, so
 * each is drawn faint with a moving average over it.
 */
public final class TrainingCurves {
  /** Image size in pixels. */
  public static final int WIDTH = 1200;
  public static final int HEIGHT = 900;
  /** Longer series are averaged into this many buckets before drawing; a PNG cannot show more anyway. */
  static final int MAX_POINTS = 3000;
  /** The moving average spans this fraction of the series (at least one point). */
  static final int SMOOTHING_DIVISOR = 40;

  private static final Color D_COLOR = new Color(31, 119, 180);
  private static final Color G_COLOR = new Color(255, 127, 14);
  private static final Color REAL_COLOR = new Color(44, 160, 44);
  private static final Color FAKE_COLOR = new Color(214, 39, 40);
  private static final Color SWD_COLOR = Color.BLACK;
  private static final Color ADA_COLOR = new Color(148, 103, 189);
  private static final Color ADA_R_COLOR = new Color(140, 86, 75);
  private static final int FAINT_ALPHA = 70;

  private TrainingCurves() {}

  /**
   * Draws {@code stats} to {@code target} (atomically).
   *
   * @return false, writing nothing, when there is nothing to plot
   */
  public static boolean write(TrainingStats stats, Path target, String title) {
    if (stats.isEmpty()) {
      return false;
    }
    BufferedImage image = chart(stats, title).createBufferedImage(WIDTH, HEIGHT);
    PngFiles.write(image, target);
    return true;
  }

  static JFreeChart chart(TrainingStats stats, String title) {
    NumberAxis steps = new NumberAxis("training step");
    steps.setAutoRangeIncludesZero(false);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(steps);
    plot.setGap(12);
    List<TrainingTick> ticks = stats.ticks();
    if (!ticks.isEmpty()) {
      XYPlot losses = panel("loss (binary cross-entropy)");
      addNoisy(losses, ticks, TrainingTick::dLoss, "D loss", D_COLOR);
      addNoisy(losses, ticks, TrainingTick::gLoss, "G loss", G_COLOR);
      plot.add(losses, 3);

      XYPlot outputs = panel("mean D output");
      ((NumberAxis) outputs.getRangeAxis()).setRange(0, 1);
      addNoisy(outputs, ticks, TrainingTick::dReal, "D(x), real", REAL_COLOR);
      addNoisy(outputs, ticks, TrainingTick::dFake, "D(G(z)), generated", FAKE_COLOR);
      if (ticks.stream().anyMatch(t -> Double.isFinite(t.adaP()))) {
        addNoisy(outputs, ticks, TrainingTick::adaP, "augmentation probability p", ADA_COLOR);
      }
      if (ticks.stream().anyMatch(t -> Double.isFinite(t.adaR()))) {
        addNoisy(outputs, ticks, TrainingTick::adaR, "r = E[sign D(real)], which p is steered by", ADA_R_COLOR);
      }
      plot.add(outputs, 2);
    }
    if (!stats.swd().isEmpty()) {
      plot.add(swdPanel(stats), 3);
    }
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.addSubtitle(new TextTitle(summary(stats), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
    return chart;
  }

  private static String summary(TrainingStats stats) {
    StringBuilder sb = new StringBuilder();
    if (!stats.ticks().isEmpty()) {
      TrainingTick last = stats.ticks().get(stats.ticks().size() - 1);
      sb.append(String.format(Locale.ROOT, "%d steps, epoch %d", last.step(), last.epoch()));
      if (Double.isFinite(last.elapsedSeconds())) {
        sb.append(String.format(Locale.ROOT, ", %.1f min", last.elapsedSeconds() / 60));
      }
    }
    if (!stats.swd().isEmpty()) {
      SwdPoint best = stats.swd().stream().filter(p -> Double.isFinite(p.averageX1e3()))
          .min((a, b) -> Double.compare(a.averageX1e3(), b.averageX1e3())).orElse(null);
      if (best != null) {
        sb.append(sb.length() > 0 ? "; " : "")
            .append(String.format(Locale.ROOT, "best SWD x1e3 %.2f at epoch %d", best.averageX1e3(), best.epoch()));
        if (Double.isFinite(best.floorX1e3())) {
          sb.append(String.format(Locale.ROOT, " (real-vs-real floor %.2f)", best.floorX1e3()));
        }
      }
    }
    return sb.toString();
  }

  private static XYPlot swdPanel(TrainingStats stats) {
    XYPlot swd = panel("SWD x1e3 (lower is better)");
    List<SwdPoint> points = stats.swd();
    int levels = points.stream().mapToInt(p -> p.levelsX1e3().length).max().orElse(0);
    int[] res = stats.resolutions();
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    XYSeries average = new XYSeries("SWD average", false, true);
    for (SwdPoint p : points) {
      average.add(p.step(), finiteOrNaN(p.averageX1e3()));
    }
    data.addSeries(average);
    renderer.setSeriesPaint(0, SWD_COLOR);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    for (int l = 0; l < levels; l++) {
      String name = res.length == levels ? "SWD " + res[l] + "px" : "SWD level " + l;
      XYSeries level = new XYSeries(name, false, true);
      for (SwdPoint p : points) {
        double[] v = p.levelsX1e3();
        level.add(p.step(), l < v.length ? finiteOrNaN(v[l]) : Double.NaN);
      }
      data.addSeries(level);
      // Finer levels darker, so the grey ramp follows the legend order.
      int grey = 200 - 120 * (levels - 1 - l) / Math.max(1, levels - 1);
      renderer.setSeriesPaint(l + 1, new Color(grey, grey, grey));
      renderer.setSeriesStroke(l + 1, new BasicStroke(1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {4f, 3f}, 0f));
      renderer.setSeriesShapesVisible(l + 1, false);
    }
    // The floor is constant for a run; drawn as a flat line the eye reads the gap to it at once.
    if (points.stream().anyMatch(p -> Double.isFinite(p.floorX1e3()))) {
      XYSeries floor = new XYSeries("real-vs-real floor", false, true);
      for (SwdPoint p : points) {
        floor.add(p.step(), finiteOrNaN(p.floorX1e3()));
      }
      data.addSeries(floor);
      int index = data.getSeriesCount() - 1;
      renderer.setSeriesPaint(index, REAL_COLOR);
      renderer.setSeriesStroke(index, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {8f, 5f}, 0f));
      renderer.setSeriesShapesVisible(index, false);
    }
    swd.setDataset(data);
    swd.setRenderer(renderer);
    return swd;
  }

  private static XYPlot panel(String label) {
    NumberAxis range = new NumberAxis(label);
    range.setAutoRangeIncludesZero(false);
    XYPlot p = new XYPlot(null, null, range, null);
    p.setBackgroundPaint(new Color(248, 248, 248));
    p.setDomainGridlinePaint(new Color(210, 210, 210));
    p.setRangeGridlinePaint(new Color(210, 210, 210));
    return p;
  }

  /** Adds the raw series (faint, no legend entry) and its moving average (solid) as a new dataset. */
  private static void addNoisy(XYPlot plot, List<TrainingTick> ticks, ToDoubleFunction<TrainingTick> value, String name, Color color) {
    double[] x = new double[ticks.size()];
    double[] y = new double[ticks.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = ticks.get(i).step();
      y[i] = finiteOrNaN(value.applyAsDouble(ticks.get(i)));
    }
    double[][] raw = SeriesMath.bucketMeans(x, y, MAX_POINTS);
    double[] smooth = SeriesMath.movingAverage(raw[1], Math.max(1, raw[1].length / SMOOTHING_DIVISOR));
    XYSeries faint = new XYSeries(name + " (per step)", false, true);
    XYSeries solid = new XYSeries(name, false, true);
    for (int i = 0; i < raw[0].length; i++) {
      faint.add(raw[0][i], raw[1][i]);
      solid.add(raw[0][i], smooth[i]);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(faint);
    data.addSeries(solid);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setSeriesPaint(0, new Color(color.getRed(), color.getGreen(), color.getBlue(), FAINT_ALPHA));
    renderer.setSeriesVisibleInLegend(0, false);
    renderer.setSeriesPaint(1, color);
    renderer.setSeriesStroke(1, new BasicStroke(2f));
    int index = plot.getDatasetCount();
    plot.setDataset(index, data);
    plot.setRenderer(index, renderer);
  }

  private static double finiteOrNaN(double v) {
    return Double.isFinite(v) ? v : Double.NaN;
  }
}
