package eyegan.report;

import eyegan.bench.RealismCurve;
import eyegan.bench.RealismSummary;
import eyegan.image.PngFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A PNG of a {@link RealismCurve}: one panel per measure against training steps, the median over
 * seeds joined by a line, the seeds' range as an error bar, and the real-vs-real floor as a dashed
 * green line where the measure has one. Each point of the top panel is labelled with its budget.
 */
public final class RealismCurveChart {
  public static final int WIDTH = 1000;
  public static final int HEIGHT = 1400;

  private RealismCurveChart() {}

  /** Draws {@code curve} to {@code target} (atomically). */
  public static void write(RealismCurve curve, Path target, String title) {
    PngFiles.write(chart(curve, title).createBufferedImage(WIDTH, HEIGHT), target);
  }

  static JFreeChart chart(RealismCurve curve, String title) {
    NumberAxis steps = new NumberAxis("training steps");
    steps.setAutoRangeIncludesZero(true);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(steps);
    plot.setGap(10);
    boolean first = true;
    for (RealismCurve.Measure m : RealismCurve.MEASURES) {
      YIntervalSeries series = new YIntervalSeries(m.label() + ", median and range over seeds");
      double floor = Double.NaN;
      for (RealismCurve.Point p : curve.points()) {
        RealismSummary.Row r = p.rows().get(m.key());
        if (r != null) {
          series.add(p.steps(), r.median(), r.min(), r.max());
          floor = Double.isNaN(floor) ? r.floor() : floor;
        }
      }
      boolean higherIsBetter = m.key().endsWith("_pct");
      NumberAxis range = new NumberAxis(m.label() + (higherIsBetter ? " (higher is better)" : ""));
      range.setAutoRangeIncludesZero(true);
      XYErrorRenderer renderer = new XYErrorRenderer();
      renderer.setDrawXError(false);
      renderer.setDefaultLinesVisible(true);
      renderer.setSeriesPaint(0, Color.BLACK);
      renderer.setSeriesStroke(0, new BasicStroke(2f));
      renderer.setErrorPaint(Color.GRAY);
      renderer.setSeriesVisibleInLegend(0, false);
      YIntervalSeriesCollection data = new YIntervalSeriesCollection();
      data.addSeries(series);
      XYPlot panel = new XYPlot(data, null, range, renderer);
      panel.setBackgroundPaint(new Color(248, 248, 248));
      // From 0 (or a floor below it) to above both the highest seed and the floor, so the gap shows.
      double highest = maxHigh(series);
      double top = Double.isFinite(floor) && !(highest > floor) ? floor : highest;
      if (Double.isFinite(top) && top > 0) {
        range.setRange(Double.isFinite(floor) ? Math.min(0, floor * 1.1) : 0, top * 1.1);
      }
      if (Double.isFinite(floor)) {
        ValueMarker marker = new ValueMarker(floor, new Color(44, 160, 44),
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {8f, 5f}, 0f));
        marker.setLabel("real vs real " + String.format(Locale.ROOT, "%." + m.decimals() + "f", floor));
        marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        panel.addRangeMarker(marker);
      }
      if (first) {
        for (RealismCurve.Point p : curve.points()) {
          RealismSummary.Row r = p.rows().get(m.key());
          if (r != null) {
            XYTextAnnotation label = new XYTextAnnotation(p.budget(), p.steps(), r.max());
            label.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            panel.addAnnotation(label);
          }
        }
        first = false;
      }
      plot.add(panel, 1);
    }
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    if (!curve.machine().isEmpty()) {
      chart.addSubtitle(new TextTitle(curve.machine(), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
    }
    return chart;
  }

  private static double maxHigh(YIntervalSeries series) {
    double max = Double.NaN;
    for (int i = 0; i < series.getItemCount(); i++) {
      double v = series.getYHighValue(i);
      max = Double.isNaN(max) || v > max ? v : max;
    }
    return max;
  }
}
