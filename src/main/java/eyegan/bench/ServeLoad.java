package eyegan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A bounded load test of a REST server speaking TF Serving's predict API for an eyegan model:
 * {@code clients} threads, each with its own HTTP connection, each sending {@code requests}
 * {@code generate_png} calls of {@code batch} seeds back to back, then stopping. Every answer is
 * checked (status 200, one PNG per seed, and whatever the caller's {@link Check} adds).
 *
 * <p>Reported: requests that failed, latency percentiles over every request, images per second
 * over the whole run, and this process's resident memory before and after (the server is
 * measured in the same process when it runs in-process, as in {@code eyegan bench --serve}).
 */
public final class ServeLoad {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Extra checks on one answer: throws (any exception) when {@code pngs} are wrong for {@code seeds}. */
  public interface Check {
    void verify(long[] seeds, byte[][] pngs) throws Exception;
  }

  /**
   * @param failures requests that got no correct answer
   * @param firstFailure what went wrong first, or null
   */
  public record Result(int clients, int requestsPerClient, int batch, long failures, String firstFailure,
      double seconds, double p50Millis, double p99Millis, double maxMillis, double imagesPerSecond,
      long rssBeforeBytes, long rssAfterBytes) {
    public long requests() {
      return (long) clients * requestsPerClient;
    }

    /** Human-readable lines. */
    public List<String> lines() {
      List<String> out = new ArrayList<>();
      out.add(String.format(Locale.ROOT, "  %d clients x %d requests of %d seed%s (generate_png), %d failed%s",
          clients, requestsPerClient, batch, batch == 1 ? "" : "s", failures,
          firstFailure == null ? "" : " (first: " + firstFailure + ")"));
      out.add(String.format(Locale.ROOT, "  latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms", p50Millis, p99Millis, maxMillis));
      out.add(String.format(Locale.ROOT, "  throughput: %.1f images/s, %.1f requests/s over %.2f s",
          imagesPerSecond, requests() / seconds, seconds));
      out.add(String.format(Locale.ROOT, "  RSS (this process): %.0f MiB before, %.0f MiB after",
          rssBeforeBytes / 1048576.0, rssAfterBytes / 1048576.0));
      return out;
    }
  }

  private ServeLoad() {}

  /**
   * Runs the load against {@code predictUri} ({@code http://HOST:PORT/v1/models/NAME:predict}) and
   * waits for it to finish. Seeds differ across requests; every client sends all its requests,
   * failed or not.
   */
  public static Result run(URI predictUri, int clients, int requests, int batch, Check check) throws InterruptedException {
    if (clients < 1 || requests < 1 || batch < 1) {
      throw new IllegalArgumentException("clients, requests and batch must be >= 1");
    }
    long[][] latencies = new long[clients][requests];
    AtomicLong failures = new AtomicLong();
    AtomicReference<String> first = new AtomicReference<>();
    long rssBefore = ProcessMemory.residentBytes();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long t0 = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      done.add(pool.submit(() -> {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        for (int i = 0; i < requests; i++) {
          long[] seeds = new long[batch];
          for (int k = 0; k < batch; k++) {
            seeds[k] = 1_000_000L * client + (long) i * batch + k;
          }
          long start = System.nanoTime();
          String failure = call(http, predictUri, seeds, check);
          latencies[client][i] = System.nanoTime() - start;
          if (failure != null) {
            failures.incrementAndGet();
            first.compareAndSet(null, failure);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        failures.incrementAndGet();
        first.compareAndSet(null, String.valueOf(e.getCause()));
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    long rssAfter = ProcessMemory.residentBytes();
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(clients, requests, batch, failures.get(), first.get(), seconds,
        percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6, all[all.length - 1] / 1e6,
        (double) clients * requests * batch / seconds, rssBefore, rssAfter);
  }

  /** One request; null when its answer is right, else what was wrong. */
  private static String call(HttpClient http, URI uri, long[] seeds, Check check) {
    try {
      String body = "{\"signature_name\": \"generate_png\", \"instances\": " + Arrays.toString(seeds) + "}";
      HttpRequest req = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
      if (resp.statusCode() != 200) {
        return "status " + resp.statusCode() + ": " + new String(resp.body(), java.nio.charset.StandardCharsets.UTF_8);
      }
      JsonNode predictions = JSON.readTree(resp.body()).get("predictions");
      if (predictions == null || predictions.size() != seeds.length) {
        return "expected " + seeds.length + " predictions";
      }
      byte[][] pngs = new byte[seeds.length][];
      for (int k = 0; k < seeds.length; k++) {
        pngs[k] = Base64.getDecoder().decode(predictions.get(k).get("b64").textValue());
        if (pngs[k].length < PNG_MAGIC.length || !Arrays.equals(Arrays.copyOf(pngs[k], PNG_MAGIC.length), PNG_MAGIC)) {
          return "prediction " + k + " is not a PNG file";
        }
      }
      if (check != null) {
        check.verify(seeds, pngs);
      }
      return null;
    } catch (Exception e) {
      return e.toString();
    }
  }

  /** The nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
