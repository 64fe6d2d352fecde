package eyegan.serve;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REST path in TF Serving's grammar, parsed:
 *
 * <pre>
 * GET  /v1/models/NAME[/versions/N | /labels/L]            model status
 * GET  /v1/models/NAME[/versions/N | /labels/L]/metadata   model metadata
 * POST /v1/models/NAME[/versions/N | /labels/L]:predict    (also :classify, :regress)
 * </pre>
 *
 * Matching is case-insensitive, as in TF Serving. A path under {@code /v1/} that fits neither form
 * for its method is a malformed request (400), as TF Serving answers it.
 *
 * @param model the model name
 * @param version the version asked for, or null for the served (highest) one
 * @param label a version label, or null
 * @param verb {@code predict}, {@code classify} or {@code regress} for POST; {@code metadata} or
 *     {@code status} for GET
 */
record RestRoute(String model, Long version, String label, String verb) {
  static final String STATUS = "status";
  static final String METADATA = "metadata";
  static final String PREDICT = "predict";

  private static final Pattern POST = Pattern.compile(
      "(?i)/v1/models/([^/:]+)(?:(?:/versions/(\\d+))|(?:/labels/([^/:]+)))?:(classify|regress|predict)");
  private static final Pattern GET = Pattern.compile(
      "(?i)/v1/models(?:/([^/:]+))?(?:(?:/versions/(\\d+))|(?:/labels/([^/:]+)))?(?:/(metadata))?");

  /**
   * @throws RestException 400 for a malformed path, a missing model name or a version that is
   *     not a number TF Serving can hold
   */
  static RestRoute parse(String method, String path) {
    boolean post = "POST".equalsIgnoreCase(method);
    boolean get = "GET".equalsIgnoreCase(method);
    Matcher m = post ? POST.matcher(path) : get ? GET.matcher(path) : null;
    if (m == null || !m.matches()) {
      throw RestException.badRequest("Malformed request: " + method + " " + path);
    }
    String model = m.group(1);
    if (model == null || model.isEmpty()) {
      throw RestException.badRequest("Missing model name in request.");
    }
    Long version = null;
    if (m.group(2) != null) {
      try {
        version = Long.parseLong(m.group(2));
      } catch (NumberFormatException e) {
        throw RestException.badRequest("Failed to convert version: " + m.group(2) + " to numeric.");
      }
    }
    String verb = post ? m.group(4).toLowerCase(java.util.Locale.ROOT) : m.group(4) != null ? METADATA : STATUS;
    return new RestRoute(model, version, m.group(3), verb);
  }

  /** How TF Serving names the servable a request asks for, in its "not found" messages. */
  String servableText() {
    return version != null ? "Specific(" + model + ", " + version + ")" : "Latest(" + model + ")";
  }
}
