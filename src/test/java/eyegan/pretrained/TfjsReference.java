package eyegan.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eyegan.image.RgbImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The reference outputs of the published TF.js models ({@code fixtures/reference.json}, written by
 * {@code src/test/scripts/tfjs-fixtures/make-fixtures.js}): per entry a network, its input PNGs
 * and transform, and the outputs TF.js computed.
 */
final class TfjsReference {
  static final String FIXTURES = "/eyegan/pretrained/fixtures/";

  /** One fetched node: its name, shape and TF.js's values. */
  record Expected(String node, long[] shape, float[] values) {}

  /** One run of a network on a batch of fixture images. */
  record Entry(PretrainedNetwork network, List<String> inputs, String inputNode, String transform, List<Expected> outputs) {
    /** The input batch as the fixture script built it: each byte mapped in double, rounded to float once. */
    float[] inputValues() {
      RgbImages images = images(inputs);
      byte[] px = images.pixels();
      float[] x = new float[px.length];
      for (int i = 0; i < px.length; i++) {
        int v = px[i] & 0xFF;
        x[i] = switch (transform) {
          case "x/255" -> (float) (v / 255.0);
          case "x/127.5-1" -> (float) (v / 127.5 - 1.0);
          default -> throw new IllegalArgumentException("unknown transform " + transform);
        };
      }
      return x;
    }

    long[] inputShape() {
      RgbImages images = images(inputs);
      return new long[] {images.count(), images.height(), images.width(), 3};
    }
  }

  private TfjsReference() {}

  static List<Entry> entries() {
    JsonNode root = json("reference.json");
    List<Entry> out = new ArrayList<>();
    for (JsonNode e : root.get("entries")) {
      PretrainedNetwork network = byId(e.get("network").asText());
      List<String> inputs = new ArrayList<>();
      e.get("inputs").forEach(i -> inputs.add(i.asText()));
      List<Expected> outputs = new ArrayList<>();
      for (JsonNode o : e.get("outputs")) {
        long[] shape = GraphJson.dims(o.get("shape"));
        outputs.add(new Expected(o.get("node").asText(), shape, floats(o.get("file").asText())));
      }
      out.add(new Entry(network, inputs, e.get("input_node").asText(), e.get("input_transform").asText(), outputs));
    }
    return out;
  }

  static RgbImages images(List<String> files) {
    List<BufferedImage> list = new ArrayList<>();
    for (String f : files) {
      list.add(image(f));
    }
    return RgbImages.of(list);
  }

  static BufferedImage image(String file) {
    try (InputStream in = stream(file)) {
      return ImageIO.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static float[] floats(String file) {
    try (InputStream in = stream(file)) {
      ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      float[] v = new float[b.remaining() / 4];
      b.asFloatBuffer().get(v);
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String file) {
    try (InputStream in = stream(file)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream stream(String file) {
    InputStream in = TfjsReference.class.getResourceAsStream(FIXTURES + file);
    if (in == null) {
      throw new IllegalStateException("missing fixture " + FIXTURES + file);
    }
    return in;
  }

  private static PretrainedNetwork byId(String id) {
    for (PretrainedNetwork n : PretrainedNetwork.values()) {
      if (n.id().equals(id)) {
        return n;
      }
    }
    throw new IllegalArgumentException("no network " + id);
  }
}
