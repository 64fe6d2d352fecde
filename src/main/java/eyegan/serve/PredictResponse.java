package eyegan.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes predict outputs in TF Serving's REST format. Row requests get {@code {"predictions": [...]}}
 * with one element per batch row: the value itself when there is one output, an object of every
 * output's value when there are several. Columnar requests get {@code {"outputs": ...}}: the only
 * output whole, or an object of every output whole. String outputs whose alias ends in
 * {@code _bytes} are written as {@code {"b64": "..."}}; floats as the shortest decimal that reads
 * back to the same float32, NaN and Infinity as bare tokens (as TF Serving writes them).
 */
final class PredictResponse {
  private static final JsonFactory JSON = JsonFactory.builder()
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .build();

  private PredictResponse() {}

  static void write(Map<String, HostTensor> outputs, boolean columnar, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      boolean named = outputs.size() > 1;
      if (columnar) {
        g.writeFieldName("outputs");
        if (named) {
          g.writeStartObject();
        }
        for (Map.Entry<String, HostTensor> e : outputs.entrySet()) {
          if (named) {
            g.writeFieldName(e.getKey());
          }
          JsonTensors.write(g, e.getValue(), isBytes(e.getKey()), 0, 0);
        }
        if (named) {
          g.writeEndObject();
        }
      } else {
        int batch = batch(outputs);
        g.writeFieldName("predictions");
        g.writeStartArray();
        for (int row = 0; row < batch; row++) {
          if (named) {
            g.writeStartObject();
          }
          for (Map.Entry<String, HostTensor> e : outputs.entrySet()) {
            if (named) {
              g.writeFieldName(e.getKey());
            }
            HostTensor t = e.getValue();
            JsonTensors.write(g, t, isBytes(e.getKey()), 1, row * (t.size() / batch));
          }
          if (named) {
            g.writeEndObject();
          }
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
  }

  private static boolean isBytes(String alias) {
    return alias.endsWith(JsonTensors.BYTES_SUFFIX);
  }

  /** The common dimension 0 of every output; a row answer needs one. */
  private static int batch(Map<String, HostTensor> outputs) {
    int batch = -1;
    for (Map.Entry<String, HostTensor> e : outputs.entrySet()) {
      if (e.getValue().shape().length == 0) {
        throw RestException.badRequest("Tensor name: " + e.getKey() + " has no shape information ");
      }
      int b = e.getValue().batch();
      if (batch >= 0 && b != batch) {
        throw RestException.badRequest("Tensor name: " + e.getKey() + " has inconsistent batch size: " + b
            + " expecting: " + batch);
      }
      batch = b;
    }
    return batch;
  }
}
