package eyegan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eyegan.image.RgbImages;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/** The event file is a TFRecord stream of Event protos that TensorBoard can read. */
class TensorBoardLogTest {
  @TempDir Path tmp;

  /** TFRecord framing: u64 length, u32 masked CRC of the length, payload, u32 masked CRC. */
  private static List<Event> readEvents(Path file) throws Exception {
    List<Event> events = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
      while (true) {
        byte[] header = new byte[12];
        try {
          data.readFully(header);
        } catch (EOFException end) {
          return events;
        }
        long length = ByteBuffer.wrap(header, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        byte[] payload = new byte[(int) length];
        data.readFully(payload);
        data.readFully(new byte[4]);
        events.add(Event.parseFrom(payload));
      }
    }
  }

  @Test
  void scalarsAndImagesLandInAnEventFile() throws Exception {
    byte[] px = new byte[2 * 2 * 3];
    px[0] = (byte) 255;
    try (TensorBoardLog log = new TensorBoardLog(tmp)) {
      log.scalar("loss/generator", 7, 0.25);
      log.scalar("loss/generator", 8, 0.5);
      log.image("fakes", 8, new RgbImages(1, 2, 2, px), 0);
    }
    Path file;
    try (var files = Files.list(tmp)) {
      file = files.filter(p -> p.getFileName().toString().contains("tfevents")).findFirst().orElseThrow();
    }
    List<Event> events = readEvents(file);
    List<String> seen = new ArrayList<>();
    for (Event e : events) {
      for (Summary.Value v : e.getSummary().getValueList()) {
        seen.add(v.getTag() + "@" + e.getStep());
        if (v.getTag().equals("loss/generator") && e.getStep() == 8) {
          // WriteScalarSummary stores the classic simple_value that TensorBoard's scalar tab reads.
          assertEquals(Summary.Value.ValueCase.SIMPLE_VALUE, v.getValueCase());
          assertEquals(0.5f, v.getSimpleValue(), 0f);
        }
      }
    }
    assertTrue(seen.contains("loss/generator@7"), seen.toString());
    assertTrue(seen.contains("loss/generator@8"), seen.toString());
    assertTrue(seen.stream().anyMatch(s -> s.startsWith("fakes") && s.endsWith("@8")), seen.toString());
    Summary.Value image = events.stream().flatMap(e -> e.getSummary().getValueList().stream())
        .filter(v -> v.getTag().startsWith("fakes")).findFirst().orElseThrow();
    assertEquals(2, image.getImage().getWidth());
    assertEquals(2, image.getImage().getHeight());
  }
}
