package eyegan.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The body of a {@code :predict} call in TF Serving's REST format, parsed and checked against the
 * signature it names:
 *
 * <pre>
 * {"signature_name": "generate_png", "instances": [42, 43]}            row format
 * {"instances": [{"noise": [...100 floats...]}, {"noise": [...]}]}      row format, named inputs
 * {"signature_name": "generate_from_seeds", "inputs": {"seeds": [42]}}  columnar format
 * {"inputs": [[...100 floats...]]}                                      columnar, the only input
 * </pre>
 *
 * In row format every element of {@code instances} is one batch row (a value for the only input,
 * or an object with one value per input); in columnar format each input is given whole. Without
 * {@code signature_name} the request goes to {@code serving_default}.
 *
 * @param signature the signature the request names
 * @param inputs one tensor per input alias, shapes checked against the signature
 * @param columnar true for {@code inputs} (answered as {@code outputs}), false for
 *     {@code instances} (answered as {@code predictions})
 */
record PredictRequest(SignatureSpec signature, Map<String, HostTensor> inputs, boolean columnar) {
  static final String DEFAULT_SIGNATURE = "serving_default";
  private static final String SIGNATURE_NAME = "signature_name";
  private static final String INSTANCES = "instances";
  private static final String INPUTS = "inputs";

  /** TF Serving's parser accepts NaN and Infinity tokens for float values; so does this one. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  /**
   * @param signatures the served version's signature by key (null when it has none of that name)
   * @param maxBatch the largest batch (dimension 0 of any input) this server runs
   * @throws RestException (400) for anything a client got wrong, with TF Serving's wording where it
   *     has one
   */
  static PredictRequest parse(byte[] body, Function<String, SignatureSpec> signatures, int maxBatch) {
    JsonNode doc = parseJson(body);
    String key = DEFAULT_SIGNATURE;
    JsonNode name = doc.get(SIGNATURE_NAME);
    if (name != null) {
      if (!name.isTextual()) {
        throw RestException.badRequest("JSON Value: " + JsonTensors.debug(doc)
            + " not formatted correctly. 'signature_name' key must be a string value.");
      }
      key = name.textValue().isEmpty() ? DEFAULT_SIGNATURE : name.textValue();
    }
    SignatureSpec sig = signatures.apply(key);
    if (sig == null) {
      throw RestException.badRequest("Serving signature name: \"" + key + "\" not found in signature def");
    }
    if (sig.inputs().isEmpty()) {
      throw RestException.badRequest("Failed to get input map for signature: " + key);
    }
    JsonNode instances = doc.get(INSTANCES);
    JsonNode inputs = doc.get(INPUTS);
    if (instances != null && inputs != null) {
      throw RestException.badRequest("JSON Value: " + JsonTensors.debug(doc)
          + " Not formatted correctly expecting only one of 'inputs' or 'instances' keys to exist");
    }
    Map<String, HostTensor> tensors;
    boolean columnar;
    if (instances != null) {
      tensors = rows(doc, instances, sig, maxBatch);
      columnar = false;
    } else if (inputs != null) {
      tensors = columns(inputs, sig, maxBatch);
      columnar = true;
    } else {
      throw RestException.badRequest("Missing 'inputs' or 'instances' key");
    }
    for (Map.Entry<String, HostTensor> e : tensors.entrySet()) {
      SignatureSpec.TensorSpec spec = sig.inputs().get(e.getKey());
      long[] shape = e.getValue().shape();
      if (!spec.accepts(shape)) {
        throw RestException.badRequest("input '" + e.getKey() + "' of signature '" + key + "' has shape "
            + HostTensor.shapeText(shape) + ", but the signature takes " + spec.shapeText() + " (-1: any size)");
      }
      if (shape.length > 0 && shape[0] > maxBatch) {
        throw batchTooLarge(shape[0], maxBatch);
      }
    }
    return new PredictRequest(sig, tensors, columnar);
  }

  private static JsonNode parseJson(byte[] body) {
    if (body.length == 0) {
      throw RestException.badRequest("JSON Parse error: The document is empty");
    }
    JsonNode doc;
    try (JsonParser p = JSON.createParser(body)) {
      doc = JSON.readTree(p);
      if (p.nextToken() != null) {
        throw RestException.badRequest("JSON Parse error: The document root must not be followed by other values"
            + " at offset: " + p.currentTokenLocation().getByteOffset());
      }
    } catch (JsonProcessingException e) {
      throw RestException.badRequest("JSON Parse error: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at offset: " + e.getLocation().getByteOffset()));
    } catch (IOException e) {
      throw RestException.badRequest("JSON Parse error: " + e.getMessage());
    }
    if (doc == null || doc.isMissingNode()) {
      throw RestException.badRequest("JSON Parse error: The document is empty");
    }
    if (!doc.isObject()) {
      throw RestException.badRequest("JSON Value: " + JsonTensors.debug(doc) + " Is not object");
    }
    return doc;
  }

  /** Row format: each element one batch row, stacked along a new dimension 0. */
  private static Map<String, HostTensor> rows(JsonNode doc, JsonNode instances, SignatureSpec sig, int maxBatch) {
    if (!instances.isArray()) {
      throw RestException.badRequest("JSON Value: " + JsonTensors.debug(doc) + " Expecting 'instances' to be an list/array");
    }
    if (instances.isEmpty()) {
      throw RestException.badRequest("JSON Value: " + JsonTensors.debug(doc) + " No values in 'instances' array");
    }
    if (instances.size() > maxBatch) {
      throw batchTooLarge(instances.size(), maxBatch);
    }
    boolean objects = isNamedRow(instances.get(0));
    if (!objects && sig.inputs().size() > 1) {
      throw RestException.badRequest("instances is a plain list, but expecting list of objects as multiple input"
          + " tensors required as per tensorinfo_map");
    }
    Map<String, ArrayNodeBuilder> columns = new LinkedHashMap<>();
    sig.inputs().keySet().forEach(k -> columns.put(k, new ArrayNodeBuilder()));
    int item = 0;
    for (JsonNode row : instances) {
      if (objects) {
        if (!isNamedRow(row)) {
          throw RestException.badRequest("Expecting object but got list at item " + item + " of input list");
        }
        Set<String> keys = new TreeSet<>();
        row.fieldNames().forEachRemaining(keys::add);
        if (!keys.equals(sig.inputs().keySet())) {
          throw RestException.badRequest("Failed to process element: " + item + " of 'instances' list. JSON object: "
              + JsonTensors.debug(row) + " keys must be equal to: " + String.join(",", sig.inputs().keySet()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          columns.get(f.getKey()).add(f.getValue());
        }
      } else {
        if (isNamedRow(row)) {
          throw RestException.badRequest("Expecting value/list but got object at item " + item + " of input list");
        }
        columns.values().iterator().next().add(row);
      }
      item++;
    }
    Map<String, HostTensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, ArrayNodeBuilder> c : columns.entrySet()) {
      try {
        out.put(c.getKey(), JsonTensors.parse(c.getValue().build(), sig.inputs().get(c.getKey()).dtype()));
      } catch (RestException e) {
        throw RestException.badRequest("Failed to process 'instances' for input '" + c.getKey() + "'. Error: "
            + e.getMessage());
      }
    }
    return out;
  }

  /** Columnar format: the only input's value, or an object with every input's value. */
  private static Map<String, HostTensor> columns(JsonNode inputs, SignatureSpec sig, int maxBatch) {
    Map<String, HostTensor> out = new LinkedHashMap<>();
    if (!isNamedRow(inputs)) {
      if (sig.inputs().size() > 1) {
        throw RestException.badRequest("inputs is a plain value/list, but expecting an object as multiple input"
            + " tensors required as per tensorinfo_map");
      }
      SignatureSpec.TensorSpec only = sig.inputs().values().iterator().next();
      requireBatch(inputs, maxBatch);
      out.put(only.alias(), JsonTensors.parse(inputs, only.dtype()));
      return out;
    }
    for (SignatureSpec.TensorSpec spec : sig.inputs().values()) {
      JsonNode v = inputs.get(spec.alias());
      if (v == null) {
        throw RestException.badRequest("Missing named input: " + spec.alias() + " in 'inputs' object.");
      }
      requireBatch(v, maxBatch);
      out.put(spec.alias(), JsonTensors.parse(v, spec.dtype()));
    }
    return out;
  }

  /** Rejects an oversized batch before its values are converted. */
  private static void requireBatch(JsonNode value, int maxBatch) {
    if (value.isArray() && value.size() > maxBatch) {
      throw batchTooLarge(value.size(), maxBatch);
    }
  }

  private static RestException batchTooLarge(long batch, int maxBatch) {
    return RestException.badRequest("batch of " + batch + " exceeds this server's limit of " + maxBatch
        + " per request (eyegan serve --max-batch)");
  }

  /** An object that is not a {@code {"b64": ...}} value: a row of named inputs. */
  private static boolean isNamedRow(JsonNode n) {
    return n.isObject() && !JsonTensors.isBase64Object(n);
  }

  /** Collects row values into one JSON list, so stacking is the ordinary nested-list rule. */
  private static final class ArrayNodeBuilder {
    private final com.fasterxml.jackson.databind.node.ArrayNode list = JSON.createArrayNode();

    void add(JsonNode n) {
      list.add(n);
    }

    JsonNode build() {
      return list;
    }
  }
}
