package eyegan.cli;

import eyegan.runtime.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code eyegan --version}: eyegan's and TensorFlow Java's versions. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "eyegan " + BuildInfo.version(),
      "TensorFlow Java " + BuildInfo.tensorflowJava() + " (TensorFlow 2.18 runtime)"
    };
  }
}
