package io.fraudpipeline.testing.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The control plane's keys, made with the openssl command line: a CA that signs client certificates
 * (the user is the certificate's CN, its groups the O entries) and the service-account signing key
 * pair.
 */
final class Pki {

  /** A client certificate and its key, both PEM files. */
  record ClientCert(Path cert, Path key) {}

  private final Path dir;
  private final Path caCert;
  private final Path caKey;
  private final Path serviceAccountKey;
  private final Path serviceAccountPub;

  private Pki(Path dir) {
    this.dir = dir;
    this.caCert = dir.resolve("ca.crt");
    this.caKey = dir.resolve("ca.key");
    this.serviceAccountKey = dir.resolve("sa.key");
    this.serviceAccountPub = dir.resolve("sa.pub");
  }

  static Pki create(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Pki pki = new Pki(dir);
    pki.openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "7",
        "-subj",
        "/CN=fraud-pipeline-test-ca",
        "-keyout",
        pki.caKey.toString(),
        "-out",
        pki.caCert.toString());
    pki.openssl("genrsa", "-out", pki.serviceAccountKey.toString(), "2048");
    pki.openssl(
        "rsa",
        "-in",
        pki.serviceAccountKey.toString(),
        "-pubout",
        "-out",
        pki.serviceAccountPub.toString());
    return pki;
  }

  synchronized ClientCert clientCert(String user, String... groups)
      throws IOException, InterruptedException {
    String file = user.replaceAll("[^A-Za-z0-9.-]", "_");
    ClientCert out = new ClientCert(dir.resolve(file + ".crt"), dir.resolve(file + ".key"));
    if (Files.exists(out.cert())) {
      return out;
    }
    StringBuilder subject = new StringBuilder();
    for (String group : groups) {
      subject.append("/O=").append(group);
    }
    subject.append("/CN=").append(user);
    Path csr = dir.resolve(file + ".csr");
    openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        subject.toString(),
        "-keyout",
        out.key().toString(),
        "-out",
        csr.toString());
    openssl(
        "x509",
        "-req",
        "-days",
        "7",
        "-in",
        csr.toString(),
        "-CA",
        caCert.toString(),
        "-CAkey",
        caKey.toString(),
        "-CAcreateserial",
        "-out",
        out.cert().toString());
    return out;
  }

  Path caCert() {
    return caCert;
  }

  Path serviceAccountKey() {
    return serviceAccountKey;
  }

  Path serviceAccountPub() {
    return serviceAccountPub;
  }

  private void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Path log = dir.resolve("openssl.log");
    Process p;
    try {
      p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new IOException(
          "the test control plane needs the openssl command: " + e.getMessage(), e);
    }
    if (p.waitFor() != 0) {
      throw new IOException("openssl " + args[0] + " failed (see " + log + ")");
    }
  }
}
