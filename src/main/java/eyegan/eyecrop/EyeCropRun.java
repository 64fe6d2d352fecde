package eyegan.eyecrop;

import eyegan.UserInputException;
import eyegan.data.ImageFolder;
import eyegan.data.PhotoReader;
import eyegan.data.UnusableFileException;
import eyegan.image.ImageGrid;
import eyegan.image.PngFiles;
import eyegan.image.Resampler;
import eyegan.image.RgbImages;
import eyegan.io.AtomicFiles;
import eyegan.pretrained.FaceDetector;
import eyegan.pretrained.IrisLandmarks;
import eyegan.runtime.CpuInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code eyegan prepare --detect-eyes}: every photo under a folder through {@link EyeCropper}, on
 * several threads (each photo is decoded and searched by one thread; the networks' sessions are
 * shared), the crops written as PNG files into the output folder with {@code crops.csv} beside them
 * ({@link CropsCsv}), and a contact sheet of the crops. The output folder must be empty or new
 * unless {@code force}, and every file is written atomically, so an interrupted run leaves no
 * half-written file.
 *
 * <p>Lines go to the given consumer: a start line, a progress line every few seconds, one line per
 * skipped photo, face or eye, and the summary.
 */
public final class EyeCropRun {
  /** The file listing the crops, in the output folder. */
  public static final String CSV = "crops.csv";
  /** Crops on the contact sheet at most (spread evenly over all when there are more). */
  static final int SHEET_LIMIT = 1024;
  static final int SHEET_COLUMNS = 16;
  static final int SHEET_TILE = 64;
  private static final long PROGRESS_INTERVAL_NANOS = 2_000_000_000L;

  /**
   * What a run did.
   *
   * @param photos files looked at
   * @param faces faces found
   * @param crops crop files written, relative to the output folder, in {@code crops.csv} order
   * @param skipped how many photos or eyes were skipped, by kind
   * @param seconds wall time from the first photo to the last crop (the networks' one-time start-up excluded)
   * @param sheet the contact sheet, or null when there was no crop
   */
  public record Summary(int photos, int faces, List<String> crops, Map<SkipKind, Integer> skipped, double seconds,
      Path sheet) {
    /** Photos per second. */
    public double photosPerSecond() {
      return seconds > 0 ? photos / seconds : 0;
    }
  }

  private EyeCropRun() {}

  /**
   * Crops the eyes of every photo under {@code photos} into {@code out}.
   *
   * @param sheet where to write the contact sheet PNG
   * @param force write into a folder that is not empty, replacing files of the same names
   * @throws UserInputException when a folder is missing or unfit, or {@code out} holds files and not {@code force}
   */
  public static Summary run(Path photos, Path out, Path sheet, EyeCropOptions options, boolean force,
      Consumer<String> lines) {
    ImageFolder.Scan scan = ImageFolder.scan(photos);
    checkOutput(scan.folder(), out, force);
    if (scan.files().isEmpty()) {
      throw new UserInputException("photo folder " + photos + " holds no files; put JPEG, PNG, BMP, GIF or TIFF photos in it");
    }
    List<String> sources = scan.files().stream().map(ImageFolder.Entry::relative).toList();
    CropNames names = new CropNames(sources);
    Map<SkipKind, Integer> skipped = new EnumMap<>(SkipKind.class);
    List<String> rows = new ArrayList<>();
    List<String> written = new ArrayList<>();
    List<byte[]> thumbs = new ArrayList<>();
    int faces = 0;
    for (var s : scan.unreadable()) {
      lines.accept(new Skip(SkipKind.UNREADABLE, s.file(), s.reason()).toString());
      skipped.merge(SkipKind.UNREADABLE, 1, Integer::sum);
    }

    int threads = Math.min(options.threads(), scan.files().size());
    lines.accept(String.format(Locale.ROOT, "looking for eyes in %d files in %s on %d thread%s; crops of %dx%d px into %s",
        scan.files().size(), scan.folder(), threads, threads == 1 ? "" : "s", options.resolution(),
        options.resolution(), out));
    PhotoReader reader = new PhotoReader();
    long start;
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "eyegan-eyes");
      t.setDaemon(true);
      return t;
    });
    try (FaceDetector detector = FaceDetector.open(); IrisLandmarks iris = IrisLandmarks.open()) {
      EyeCropper cropper = new EyeCropper(detector, new EyeLocator(iris), options);
      warmUp(detector, iris);
      start = System.nanoTime();
      long lastProgress = start;
      List<Future<EyeCropper.Outcome>> pending = new ArrayList<>();
      for (ImageFolder.Entry file : scan.files()) {
        pending.add(pool.submit(() -> cropOne(reader, cropper, file)));
      }
      for (int i = 0; i < pending.size(); i++) {
        EyeCropper.Outcome o = get(pending.get(i));
        pending.set(i, null); // let the photo's crops be collected once written
        faces += o.faces();
        for (Skip s : o.skips()) {
          lines.accept(s.toString());
          skipped.merge(s.kind(), 1, Integer::sum);
        }
        for (CroppedEye eye : o.crops()) {
          String name = names.of(eye);
          RgbImages image = new RgbImages(1, options.resolution(), options.resolution(), eye.pixels());
          PngFiles.write(image.toBufferedImage(0), out.resolve(name));
          rows.add(CropsCsv.row(name, eye));
          written.add(name);
          thumbs.add(Resampler.resize(eye.pixels(), options.resolution(), thumbSide(options)));
        }
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
          lastProgress = now;
          lines.accept(String.format(Locale.ROOT, "  %d/%d photos, %d crops, %.1f photos/s",
              i + 1, pending.size(), written.size(), (i + 1) / ((now - start) / 1e9)));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    AtomicFiles.writeString(out.resolve(CSV), CropsCsv.header() + "\n" + String.join("", rows.stream().map(r -> r + "\n").toList()));
    Path sheetFile = null;
    if (!thumbs.isEmpty()) {
      PngFiles.write(ImageGrid.compose(sheetSample(thumbs, thumbSide(options)), SHEET_COLUMNS, SHEET_LIMIT), sheet);
      sheetFile = sheet;
    }
    Summary summary = new Summary(scan.files().size(), faces, List.copyOf(written), Map.copyOf(skipped), seconds, sheetFile);
    lines.accept(summaryLine(summary, threads));
    lines.accept("crops and " + CSV + ": " + out.toAbsolutePath());
    if (sheetFile != null) {
      lines.accept(String.format(Locale.ROOT, "contact sheet of %d crops: %s", Math.min(SHEET_LIMIT, thumbs.size()),
          sheetFile.toAbsolutePath()));
    }
    return summary;
  }

  /**
   * Runs both networks once on blank input: TensorFlow prepares each graph on its first run (about
   * a second on 2 cores), which would otherwise be charged to the first photo and to the photos/s.
   */
  private static void warmUp(FaceDetector detector, IrisLandmarks iris) {
    detector.detect(new RgbImages(1, FaceDetector.INPUT_SIZE, FaceDetector.INPUT_SIZE,
        new byte[FaceDetector.INPUT_SIZE * FaceDetector.INPUT_SIZE * RgbImages.CHANNELS]), 0);
    iris.run(new float[IrisLandmarks.INPUT_SIZE * IrisLandmarks.INPUT_SIZE * RgbImages.CHANNELS], 1);
  }

  private static EyeCropper.Outcome cropOne(PhotoReader reader, EyeCropper cropper, ImageFolder.Entry file) {
    RgbImages photo;
    try {
      photo = reader.read(file.path());
    } catch (UnusableFileException e) {
      return new EyeCropper.Outcome(List.of(), List.of(new Skip(SkipKind.UNREADABLE, file.relative(), e.getMessage())), 0);
    }
    return cropper.crop(photo, file.relative());
  }

  private static EyeCropper.Outcome get(Future<EyeCropper.Outcome> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while cropping eyes", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  static String summaryLine(Summary s, int threads) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d crops from %d faces in %d files", s.crops().size(),
        s.faces(), s.photos()));
    int total = s.skipped().values().stream().mapToInt(Integer::intValue).sum();
    if (total > 0) {
      b.append("; skipped:");
      String sep = " ";
      for (SkipKind k : SkipKind.values()) {
        Integer n = s.skipped().get(k);
        if (n != null) {
          b.append(sep).append(n).append(' ').append(k.label());
          sep = ", ";
        }
      }
    }
    b.append(String.format(Locale.ROOT, " (%.1f s, %.1f photos/s on %d thread%s, %s)", s.seconds(), s.photosPerSecond(),
        threads, threads == 1 ? "" : "s", CpuInfo.current().describe()));
    return b.toString();
  }

  private static int thumbSide(EyeCropOptions options) {
    return Math.min(SHEET_TILE, options.resolution());
  }

  /** Up to {@link #SHEET_LIMIT} thumbnails spread evenly over all of them, as one batch. */
  private static RgbImages sheetSample(List<byte[]> thumbs, int side) {
    int n = Math.min(SHEET_LIMIT, thumbs.size());
    int bytes = side * side * RgbImages.CHANNELS;
    byte[] all = new byte[n * bytes];
    for (int k = 0; k < n; k++) {
      System.arraycopy(thumbs.get((int) ((long) k * thumbs.size() / n)), 0, all, k * bytes, bytes);
    }
    return new RgbImages(n, side, side, all);
  }

  /**
   * The output folder must not be the photo folder or inside it (the next run would take the crops
   * for photos), and must be new or empty unless {@code force}.
   */
  static void checkOutput(Path photoFolder, Path out, boolean force) {
    Path target = out.toAbsolutePath().normalize();
    if (target.startsWith(photoFolder)) {
      throw new UserInputException("--out " + out + " is inside the photo folder " + photoFolder
          + "; choose a folder outside it, or the crops would be read as photos next time");
    }
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new UserInputException("--out " + out + " is a file, not a folder");
    }
    if (!force && Files.isDirectory(target)) {
      try (Stream<Path> entries = Files.list(target)) {
        if (entries.findAny().isPresent()) {
          throw new UserInputException("--out " + out + " is not empty; eyegan does not overwrite earlier crops:"
              + " choose a new folder, or pass --force to write into it (files of the same names are replaced)");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("could not list " + out + ": " + e.getMessage(), e);
      }
    }
  }
}
