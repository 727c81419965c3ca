package io.fraudpipeline.benchmarks.coldstart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Has the AWS CRT's native TLS trust the loopback certificate: it reads no JDK trust store and its
 * client builder takes no certificate authority, it reads the system's CA file at fixed paths. Each
 * command runs in a private mount namespace ({@code unshare --mount}) where a bundle of the
 * system's CAs plus the loopback certificate is bind-mounted over that file, so the machine's own
 * file is never touched. Over TLS every row runs so, the original's and the URL connection's too,
 * so the few milliseconds it costs fall on all of them alike.
 */
final class CaBundleNamespace {

  static final Path SYSTEM_CA_FILE = Path.of("/etc/ssl/certs/ca-certificates.crt");

  private final Path bundle;

  private CaBundleNamespace(Path bundle) {
    this.bundle = bundle;
  }

  /**
   * The namespace for {@code certificate}, or null with the reason printed when this machine cannot
   * make one (not root, no {@code unshare}, no system CA file).
   */
  static CaBundleNamespace forCertificate(Path certificate, Path dir) throws IOException {
    if (!Files.isRegularFile(SYSTEM_CA_FILE)) {
      System.out.println("no " + SYSTEM_CA_FILE + ": the CRT rows are skipped over TLS");
      return null;
    }
    Path bundle =
        Files.writeString(
            dir.resolve("ca-bundle.crt"),
            Files.readString(SYSTEM_CA_FILE, StandardCharsets.US_ASCII)
                + "\n"
                + Files.readString(certificate, StandardCharsets.US_ASCII));
    CaBundleNamespace namespace = new CaBundleNamespace(bundle);
    if (!namespace.works()) {
      System.out.println(
          "unshare --mount with a bind mount failed (root needed): the CRT rows are skipped over"
              + " TLS");
      return null;
    }
    return namespace;
  }

  /** {@code command} run in the namespace. */
  List<String> wrap(List<String> command) {
    List<String> wrapped = new ArrayList<>();
    wrapped.addAll(
        List.of(
            "unshare",
            "--mount",
            "/bin/sh",
            "-c",
            "mount --bind \"$0\" " + SYSTEM_CA_FILE + " && exec \"$@\"",
            bundle.toString()));
    wrapped.addAll(command);
    return wrapped;
  }

  private boolean works() {
    try {
      Process p =
          new ProcessBuilder(
                  wrap(List.of("cmp", "-s", bundle.toString(), SYSTEM_CA_FILE.toString())))
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
