package eyegan.synth;

import java.awt.geom.CubicCurve2D;
import java.awt.geom.Point2D;

/** A cubic Bezier curve with the evaluations the painters need (points, unit tangents and normals). */
record Cubic(double x0, double y0, double cx1, double cy1, double cx2, double cy2, double x1, double y1) {

  Point2D.Double at(double t) {
    double u = 1 - t;
    double a = u * u * u;
    double b = 3 * u * u * t;
    double c = 3 * u * t * t;
    double d = t * t * t;
    return new Point2D.Double(a * x0 + b * cx1 + c * cx2 + d * x1, a * y0 + b * cy1 + c * cy2 + d * y1);
  }

  /** Unit tangent at t (direction of travel). */
  Point2D.Double tangent(double t) {
    double u = 1 - t;
    double dx = 3 * u * u * (cx1 - x0) + 6 * u * t * (cx2 - cx1) + 3 * t * t * (x1 - cx2);
    double dy = 3 * u * u * (cy1 - y0) + 6 * u * t * (cy2 - cy1) + 3 * t * t * (y1 - cy2);
    double len = Math.hypot(dx, dy);
    return len == 0 ? new Point2D.Double(1, 0) : new Point2D.Double(dx / len, dy / len);
  }

  /** Unit normal at t pointing to the left of the direction of travel (y down: "up" for a left-to-right curve). */
  Point2D.Double normal(double t) {
    Point2D.Double d = tangent(t);
    return new Point2D.Double(d.y, -d.x);
  }

  CubicCurve2D.Double shape() {
    return new CubicCurve2D.Double(x0, y0, cx1, cy1, cx2, cy2, x1, y1);
  }

  Cubic reversed() {
    return new Cubic(x1, y1, cx2, cy2, cx1, cy1, x0, y0);
  }

  /** The same curve shifted by (dx, dy). */
  Cubic shifted(double dx, double dy) {
    return new Cubic(x0 + dx, y0 + dy, cx1 + dx, cy1 + dy, cx2 + dx, cy2 + dy, x1 + dx, y1 + dy);
  }
}
