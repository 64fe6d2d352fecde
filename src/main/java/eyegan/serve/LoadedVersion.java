package eyegan.serve;

import eyegan.inference.EyeGenerator;
import eyegan.inference.NotAnEyeganModelException;
import eyegan.inference.ServingSignatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;

/**
 * One version folder of the served model, loaded: its {@link EyeGenerator} and its SignatureDefs
 * as the SavedModel file declares them (for metadata and for checking requests). Requests hold a
 * lease while they use it, so a version replaced by a newer one is closed only after the last
 * request on it has finished.
 */
final class LoadedVersion {
  private final long version;
  private final EyeGenerator generator;
  private final Map<String, SignatureDef> signatureDefs;
  private final Map<String, SignatureSpec> signatures;
  /** Leases held; -1 once closed, after which no lease can be taken. */
  private final AtomicInteger users = new AtomicInteger();
  private volatile boolean retired;

  private LoadedVersion(long version, EyeGenerator generator, Map<String, SignatureDef> defs) {
    this.version = version;
    this.generator = generator;
    this.signatureDefs = defs;
    Map<String, SignatureSpec> specs = new TreeMap<>();
    defs.forEach((k, d) -> specs.put(k, SignatureSpec.of(k, d)));
    this.signatures = Collections.unmodifiableMap(specs);
  }

  /**
   * Loads version folder {@code dir} (named by its integer {@code version}).
   *
   * @throws NotAnEyeganModelException when it is not a complete eyegan SavedModel
   */
  static LoadedVersion load(long version, Path dir) {
    EyeGenerator g = EyeGenerator.load(dir); // first: its messages say what an eyegan model lacks
    try {
      return new LoadedVersion(version, g, readSignatureDefs(dir));
    } catch (RuntimeException e) {
      g.close();
      throw e;
    }
  }

  long version() {
    return version;
  }

  EyeGenerator generator() {
    return generator;
  }

  /** Every SignatureDef of the {@code serve} meta graph, sorted by key. */
  Map<String, SignatureDef> signatureDefs() {
    return signatureDefs;
  }

  /** The signature called {@code key}, or null. */
  SignatureSpec signature(String key) {
    return signatures.get(key);
  }

  /** Takes a lease unless this version is already closed. */
  boolean tryAcquire() {
    while (true) {
      int n = users.get();
      if (n < 0) {
        return false;
      }
      if (users.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  /** Returns a lease; the last one on a retired version closes it. */
  void release() {
    if (users.decrementAndGet() == 0 && retired) {
      closeIfUnused();
    }
  }

  /** No new requests will be sent here; closes now, or when the last lease is returned. */
  void retire() {
    retired = true;
    closeIfUnused();
  }

  private void closeIfUnused() {
    if (users.compareAndSet(0, -1)) {
      generator.close();
    }
  }

  private static Map<String, SignatureDef> readSignatureDefs(Path dir) {
    Path pb = dir.resolve(ServingSignatures.SAVED_MODEL_FILE);
    SavedModel model;
    try {
      model = SavedModel.parseFrom(Files.readAllBytes(pb));
    } catch (IOException e) {
      throw new NotAnEyeganModelException("cannot read " + pb + ": " + e.getMessage(), e);
    }
    for (MetaGraphDef meta : model.getMetaGraphsList()) {
      if (meta.getMetaInfoDef().getTagsList().contains(ServingSignatures.TAG)) {
        return Collections.unmodifiableMap(new TreeMap<>(meta.getSignatureDefMap()));
      }
    }
    throw new NotAnEyeganModelException(pb + " has no meta graph tagged '" + ServingSignatures.TAG + "'");
  }
}
