package io.fraudpipeline.testing.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Kubernetes control plane for tests: etcd, kube-apiserver (RBAC, service-account tokens,
 * client certificates, an audit log) and kube-controller-manager running only the garbage collector
 * and the namespace controller. One per test JVM ({@link #shared()}), on loopback ports chosen at
 * run time, its data under {@code target/control-plane}; or one of its own ({@link #start(Path)}),
 * e.g. a benchmark's fresh server per run.
 */
public final class ControlPlane implements AutoCloseable {

  /** The user the controller manager authenticates as (group system:masters). */
  public static final String CONTROLLER_MANAGER_USER = "test-controller-manager";

  private static ControlPlane shared;

  private final Path binaries;
  private final Path dataDir;
  private final Pki pki;
  private final String url;
  private final Path servingCert;
  private final Path auditLog;
  private final Path adminKubeconfig;
  private final List<WatchedProcess> processes = new ArrayList<>();
  private KubernetesClient admin;

  /** The control plane of this JVM, started on first use and stopped when the JVM exits. */
  public static synchronized ControlPlane shared() {
    if (shared == null) {
      try {
        shared = start(Path.of("target", "control-plane").toAbsolutePath());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      ControlPlane started = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "control-plane-stop"));
    }
    return shared;
  }

  private ControlPlane(Path binaries, Path dataDir, Pki pki, int apiPort) {
    this.binaries = binaries;
    this.dataDir = dataDir;
    this.pki = pki;
    this.url = "https://127.0.0.1:" + apiPort;
    this.servingCert = dataDir.resolve("serving/apiserver.crt");
    this.auditLog = dataDir.resolve("audit.log");
    this.adminKubeconfig = dataDir.resolve("admin.kubeconfig");
  }

  /**
   * A control plane of the caller's, its data under this directory (emptied first); {@link
   * #close()} stops it.
   */
  public static ControlPlane start(Path dataDir) throws IOException, InterruptedException {
    long started = System.nanoTime();
    Path binaries = ControlPlaneBinaries.locate();
    deleteTree(dataDir);
    Files.createDirectories(dataDir);
    Pki pki = Pki.create(dataDir.resolve("pki"));
    int etcdPort = freePort();
    int etcdPeerPort = freePort();
    int apiPort = freePort();
    ControlPlane cp = new ControlPlane(binaries, dataDir, pki, apiPort);
    try {
      cp.startEtcd(etcdPort, etcdPeerPort);
      cp.startApiServer(etcdPort, apiPort);
      cp.writeKubeconfig(cp.adminKubeconfig, pki.clientCert("admin", "system:masters"));
      cp.awaitReady();
      Path kcmConfig = dataDir.resolve("controller-manager.kubeconfig");
      cp.writeKubeconfig(kcmConfig, pki.clientCert(CONTROLLER_MANAGER_USER, "system:masters"));
      cp.startControllerManager(kcmConfig);
      cp.admin = new KubernetesClientBuilder().withConfig(cp.adminConfig()).build();
      System.err.printf(
          "control-plane: %s ready in %d ms (data in %s)%n",
          cp.url, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir);
      return cp;
    } catch (IOException | RuntimeException | InterruptedException e) {
      cp.stop();
      throw e;
    }
  }

  private void startEtcd(int port, int peerPort) throws IOException {
    String client = "http://127.0.0.1:" + port;
    String peer = "http://127.0.0.1:" + peerPort;
    launch(
        "etcd",
        List.of(
            binaries.resolve("etcd").toString(),
            "--data-dir=" + dataDir.resolve("etcd"),
            "--listen-client-urls=" + client,
            "--advertise-client-urls=" + client,
            "--listen-peer-urls=" + peer,
            "--initial-advertise-peer-urls=" + peer,
            "--initial-cluster=default=" + peer,
            // test data: durability buys nothing and fsync costs seconds on a busy disk
            "--unsafe-no-fsync",
            "--log-level=warn"));
  }

  private void startApiServer(int etcdPort, int apiPort) throws IOException {
    Path policy = dataDir.resolve("audit-policy.yaml");
    Files.writeString(policy, resource("audit-policy.yaml"));
    launch(
        "kube-apiserver",
        List.of(
            binaries.resolve("kube-apiserver").toString(),
            "--etcd-servers=http://127.0.0.1:" + etcdPort,
            "--bind-address=127.0.0.1",
            "--advertise-address=127.0.0.1",
            "--secure-port=" + apiPort,
            "--cert-dir=" + dataDir.resolve("serving"),
            "--client-ca-file=" + pki.caCert(),
            "--authorization-mode=RBAC",
            "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
            "--service-account-key-file=" + pki.serviceAccountPub(),
            "--service-account-signing-key-file=" + pki.serviceAccountKey(),
            "--service-cluster-ip-range=10.0.0.0/24",
            "--audit-policy-file=" + policy,
            "--audit-log-path=" + auditLog,
            // one file however long the run (100 GB): by default the server rotates at 100 MB,
            // and a mark into a rotated file points into the middle of the next one
            "--audit-log-maxsize=100000",
            // an event is in the file when the response is sent: tests count writes right after
            "--audit-log-mode=blocking"));
  }

  private void startControllerManager(Path kubeconfig) throws IOException {
    launch(
        "kube-controller-manager",
        List.of(
            binaries.resolve("kube-controller-manager").toString(),
            "--kubeconfig=" + kubeconfig,
            "--controllers=garbagecollector,namespace",
            "--leader-elect=false",
            "--secure-port=0",
            "--use-service-account-credentials=false"));
  }

  /** The process id of etcd, kube-apiserver or kube-controller-manager (for its CPU and RSS). */
  public long pid(String component) {
    for (WatchedProcess p : processes) {
      if (p.name().equals(component)) {
        return p.childPid();
      }
    }
    throw new IllegalArgumentException("no component " + component + " in this control plane");
  }

  /** etcd's data directory (its database is member/snap/db). */
  public Path etcdDataDir() {
    return dataDir.resolve("etcd");
  }

  private void launch(String name, List<String> command) throws IOException {
    processes.add(WatchedProcess.start(name, command, dataDir.resolve(name + ".log")));
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String last = "";
    while (System.nanoTime() < deadline) {
      for (WatchedProcess p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException(p.name() + " exited; see " + p.log());
        }
      }
      if (Files.exists(servingCert)) {
        KubectlResult r = kubectl("get", "--raw=/readyz");
        if (r.exitCode() == 0) {
          return;
        }
        last = r.output();
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("kube-apiserver not ready in 60 s: " + last);
  }

  private void writeKubeconfig(Path file, Pki.ClientCert cert) throws IOException {
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: test
          cluster: {server: "%s", certificate-authority: "%s"}
        users:
        - name: user
          user: {client-certificate: "%s", client-key: "%s"}
        contexts:
        - name: test
          context: {cluster: test, user: user, namespace: default}
        current-context: test
        """
            .formatted(url, servingCert, cert.cert(), cert.key()));
  }

  /** The API server's URL, https://127.0.0.1:port. */
  public String url() {
    return url;
  }

  /** A client of the cluster administrator (group system:masters); shared, do not close. */
  public KubernetesClient client() {
    return admin;
  }

  /** A fresh configuration of the cluster administrator. */
  public Config adminConfig() throws IOException, InterruptedException {
    return configForUser("admin", "system:masters");
  }

  /** A configuration authenticating by a client certificate as this user in these groups. */
  public Config configForUser(String user, String... groups)
      throws IOException, InterruptedException {
    Pki.ClientCert cert = pki.clientCert(user, groups);
    return base()
        .withClientCertFile(cert.cert().toString())
        .withClientKeyFile(cert.key().toString())
        .build();
  }

  /** A configuration authenticating by a bearer token (e.g. a service account's). */
  public Config configForToken(String token) {
    return base().withOauthToken(token).build();
  }

  private ConfigBuilder base() {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(url)
        .withCaCertFile(servingCert.toString())
        .withNamespace("default")
        .withRequestTimeout(30_000)
        .withConnectionTimeout(10_000);
  }

  /**
   * Writes a kubeconfig authenticating by a client certificate as this user in these groups, for a
   * process of its own (an operator, a controller under test).
   */
  public Path writeKubeconfig(Path file, String user, String... groups)
      throws IOException, InterruptedException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    writeKubeconfig(file, pki.clientCert(user, groups));
    return file;
  }

  /** The administrator's kubeconfig file, for kubectl. */
  public Path kubeconfig() {
    return adminKubeconfig;
  }

  /** The audit log: every request the server answered, at Metadata level. */
  public AuditLog auditLog() {
    return new AuditLog(auditLog);
  }

  /**
   * Runs the kubectl built with this control plane, as the administrator, in the repository root.
   */
  public KubectlResult kubectl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binaries.resolve("kubectl").toString());
    command.add("--kubeconfig=" + adminKubeconfig);
    command.addAll(List.of(args));
    // in the repository root, so relative paths resolve as in the README's commands
    Process p =
        new ProcessBuilder(command)
            .directory(ControlPlaneBinaries.repositoryRoot().toFile())
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new KubectlResult(p.waitFor(), out);
  }

  /** The kubectl built with this control plane, for a test that runs it in its own way. */
  public Path kubectlBinary() {
    return binaries.resolve("kubectl");
  }

  /** What a kubectl run printed (stdout and stderr) and how it exited. */
  public record KubectlResult(int exitCode, String output) {}

  /**
   * Creates or updates every CRD in these files (YAML, several per file allowed), then waits for
   * each to be Established.
   */
  public void applyCrds(List<Path> files) throws IOException {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        Object parsed = Serialization.unmarshal(in);
        List<?> items = parsed instanceof List<?> list ? list : List.of(parsed);
        for (Object item : items) {
          if (item instanceof CustomResourceDefinition crd) {
            crds.add(crd);
          } else if (item instanceof HasMetadata other) {
            throw new IllegalArgumentException(file + ": not a CRD: " + other.getKind());
          }
        }
      }
    }
    applyCrdObjects(crds);
  }

  /** Creates or updates these CRDs (server-side apply), then waits for each to be Established. */
  public void applyCrdObjects(List<CustomResourceDefinition> crds) {
    for (CustomResourceDefinition crd : crds) {
      crd.getMetadata().setResourceVersion(null);
      crd.getMetadata().setManagedFields(null);
      crd.setStatus(null);
      admin
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .resource(crd)
          .forceConflicts()
          .serverSideApply();
    }
    for (CustomResourceDefinition crd : crds) {
      admin
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(crd.getMetadata().getName())
          .waitUntilCondition(
              c ->
                  c != null
                      && c.getStatus() != null
                      && c.getStatus().getConditions() != null
                      && c.getStatus().getConditions().stream()
                          .anyMatch(
                              k ->
                                  "Established".equals(k.getType())
                                      && "True".equals(k.getStatus())),
              60,
              TimeUnit.SECONDS);
    }
    // Established is not yet served: a client starting at once saw its lists fail
    for (CustomResourceDefinition crd : crds) {
      String apiVersion =
          crd.getSpec().getGroup() + "/" + crd.getSpec().getVersions().get(0).getName();
      String kind = crd.getSpec().getNames().getKind();
      Eventually.await(
          "the server lists " + kind,
          patience(),
          () -> {
            try {
              admin.genericKubernetesResources(apiVersion, kind).inAnyNamespace().list();
              return true;
            } catch (RuntimeException e) {
              return false;
            }
          });
    }
  }

  /** The YAML files under a directory, sorted. */
  public static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList();
    }
  }

  /** Time to wait for something the cluster does asynchronously (GC, namespace deletion). */
  public static Duration patience() {
    return Duration.ofSeconds(60);
  }

  /** Stops the processes of a control plane from {@link #start(Path)}. */
  @Override
  public void close() {
    stop();
  }

  private synchronized void stop() {
    if (admin != null) {
      admin.close();
    }
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
    processes.clear();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ControlPlane.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
