package eyegan.data;

import eyegan.io.AtomicFiles;
import eyegan.image.RgbImages;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * One file per (folder, resolution, fit, background) holding a decoded, resized dataset, so a second
 * load skips decoding. The file records a fingerprint of the folder listing (every file's relative
 * path, size and modification time); any added, removed, renamed or rewritten file changes it and
 * the cache is decoded afresh. A CRC-32 over the pixels catches a damaged cache file, which is then
 * treated as absent.
 *
 * <p>Layout (big-endian): magic {@code EYEGANDS}, format version, folder, resolution, fit,
 * background, 32-byte fingerprint, file names, skipped files with reasons, count/height/width,
 * CRC-32, then the NHWC RGB bytes uncompressed (reading them back is then as fast as the disk).
 * Files are written to a temporary name and renamed into place, so a reader never sees half a cache.
 */
final class DatasetCache {
  private static final byte[] MAGIC = "EYEGANDS".getBytes(StandardCharsets.US_ASCII);
  /**
   * Bump when decoding or resizing changes what a file turns into, so caches written by an older
   * pipeline are not reused.
   */
  static final int FORMAT_VERSION = 1;
  private static final String SUFFIX = ".eyeds";
  private static final int FINGERPRINT_BYTES = 32;
  private static final int IO_BUFFER = 1 << 20;
  private static final int MAX_NAME_CHARS = 40;

  private final Path directory;

  DatasetCache(Path directory) {
    this.directory = directory;
  }

  /** What a cache file holds besides the header. */
  record Contents(RgbImages images, List<String> files, List<Skipped> skipped) {}

  /** The cache file for a folder and options; the name starts with the folder name so users can find it. */
  Path fileFor(Path folder, LoadOptions options) {
    String id = folder.toAbsolutePath().normalize() + "\n" + options.resolution() + "\n" + options.fit()
        + "\n" + LoadOptions.BACKGROUND_RGB + "\n" + FORMAT_VERSION;
    String hash = HexFormat.of().formatHex(sha256(id.getBytes(StandardCharsets.UTF_8)), 0, 8);
    Path name = folder.toAbsolutePath().normalize().getFileName();
    String readable = name == null ? "root" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
    if (readable.length() > MAX_NAME_CHARS) {
      readable = readable.substring(0, MAX_NAME_CHARS);
    }
    return directory.resolve(readable + "-" + options.resolution() + "px-"
        + options.fit().name().toLowerCase(Locale.ROOT) + "-" + hash + SUFFIX);
  }

  /** Fingerprint of a folder listing: changes whenever any listed file's path, size or mtime does. */
  static byte[] fingerprint(ImageFolder.Scan scan) {
    MessageDigest digest = newDigest();
    for (ImageFolder.Entry e : scan.files()) {
      digest.update((e.relative() + "\u0000" + e.size() + "\u0000" + e.modifiedNanos() + "\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    for (Skipped s : scan.unreadable()) {
      digest.update(("!" + s.file() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return digest.digest();
  }

  /**
   * Reads {@code file} if it exists, is intact and matches {@code fingerprint}.
   *
   * @return the contents, or {@code null} on a miss (absent, stale, damaged or other version)
   */
  Contents read(Path file, byte[] fingerprint) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, IO_BUFFER))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC) || in.readInt() != FORMAT_VERSION) {
        return null;
      }
      in.readUTF(); // folder, for people inspecting the file
      in.readInt(); // resolution, already part of the file name's hash
      in.readUTF(); // fit, likewise
      in.readInt(); // background, likewise
      byte[] stored = new byte[FINGERPRINT_BYTES];
      in.readFully(stored);
      if (!MessageDigest.isEqual(stored, fingerprint)) {
        return null;
      }
      List<String> files = new ArrayList<>();
      for (int n = in.readInt(), i = 0; i < n; i++) {
        files.add(in.readUTF());
      }
      List<Skipped> skipped = new ArrayList<>();
      for (int n = in.readInt(), i = 0; i < n; i++) {
        skipped.add(new Skipped(in.readUTF(), in.readUTF()));
      }
      int count = in.readInt();
      int height = in.readInt();
      int width = in.readInt();
      long crc = in.readLong();
      long bytes = (long) count * height * width * RgbImages.CHANNELS;
      // A size beyond the file's own length means a damaged header: refuse before allocating.
      if (count != files.size() || bytes > Integer.MAX_VALUE || bytes > Files.size(file)) {
        return null;
      }
      byte[] pixels = new byte[(int) bytes];
      in.readFully(pixels);
      if (in.read() != -1 || crc32(pixels) != crc) {
        return null;
      }
      return new Contents(new RgbImages(count, height, width, pixels), List.copyOf(files), List.copyOf(skipped));
    } catch (IOException | RuntimeException e) {
      // A damaged or foreign file is a cache miss; the data is decoded again and the file replaced.
      return null;
    }
  }

  /**
   * Writes {@code contents} to {@code file} atomically (temporary file in the same directory, then
   * rename).
   */
  void write(Path file, Path folder, LoadOptions options, byte[] fingerprint, Contents contents) {
    AtomicFiles.write(file, raw -> {
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, IO_BUFFER));
      out.write(MAGIC);
      out.writeInt(FORMAT_VERSION);
      out.writeUTF(folder.toAbsolutePath().normalize().toString());
      out.writeInt(options.resolution());
      out.writeUTF(options.fit().name());
      out.writeInt(LoadOptions.BACKGROUND_RGB);
      out.write(fingerprint);
      out.writeInt(contents.files().size());
      for (String f : contents.files()) {
        out.writeUTF(f);
      }
      out.writeInt(contents.skipped().size());
      for (Skipped s : contents.skipped()) {
        out.writeUTF(s.file());
        out.writeUTF(s.reason());
      }
      RgbImages images = contents.images();
      out.writeInt(images.count());
      out.writeInt(images.height());
      out.writeInt(images.width());
      out.writeLong(crc32(images.pixels()));
      out.write(images.pixels());
      out.flush();
    });
  }

  private static long crc32(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return crc.getValue();
  }

  private static byte[] sha256(byte[] data) {
    return newDigest().digest(data);
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
