package dev.headroom.testbed.controlplane;

import dev.headroom.testbed.TestBedException;
import dev.headroom.testbed.components.Binaries;
import dev.headroom.testbed.components.Console;
import dev.headroom.testbed.components.Layout;
import dev.headroom.testbed.components.Teardown;
import dev.headroom.testbed.components.TestBedSettings;
import dev.headroom.testbed.pki.ClusterCredentials;
import dev.headroom.testbed.process.DaemonLauncher;
import dev.headroom.testbed.process.PortPicker;
import dev.headroom.testbed.process.ReadinessProbe;
import dev.headroom.testbed.process.StartupWait;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Starts the control plane, each step waiting for the one before: certificates, etcd,
 * kube-apiserver, kube-controller-manager and kube-scheduler, kwok with its fake nodes; done when
 * the nodes are Ready and the service account controller has made the {@code default} account (pods
 * need it).
 */
public final class ControlPlane {

  private final Layout layout;
  private final Binaries bin;
  private final TestBedSettings settings;
  private final PortPicker ports;
  private final DaemonLauncher launcher;
  private final StartupWait wait;
  private final Console console;

  public ControlPlane(
      Layout layout,
      Binaries bin,
      TestBedSettings settings,
      PortPicker ports,
      DaemonLauncher launcher,
      StartupWait wait,
      Console console) {
    this.layout = layout;
    this.bin = bin;
    this.settings = settings;
    this.ports = ports;
    this.launcher = launcher;
    this.wait = wait;
    this.console = console;
  }

  public void start() {
    int etcdPort = ports.pick("etcd", "HEADROOM_TESTBED_ETCD_PORT");
    int etcdPeer = ports.pick("etcd", "HEADROOM_TESTBED_ETCD_PEER_PORT");
    int apiPort = ports.pick("kube-apiserver", "HEADROOM_TESTBED_APISERVER_PORT");
    int kcmPort = ports.pick("kube-controller-manager", "HEADROOM_TESTBED_CONTROLLER_MANAGER_PORT");
    int schedPort = ports.pick("kube-scheduler", "HEADROOM_TESTBED_SCHEDULER_PORT");
    Path pki = layout.pki();
    ApiServerFlags api = new ApiServerFlags(etcdPort, apiPort, pki, layout.apiServerAudit());
    createDirectories(layout.logs());
    writeString(api.auditPolicy(), ApiServerFlags.AUDIT_POLICY);
    ClusterCredentials.write(layout, api.server());

    Path etcdData = layout.data().resolve("etcd");
    freshPrivateDir(etcdData);
    EtcdFlags etcd = new EtcdFlags(etcdData, etcdPort, etcdPeer);
    console.info("starting etcd on 127.0.0.1:" + etcdPort);
    launcher.start("etcd", bin.etcd(), etcd.command(bin.etcd()));
    launcher.record("etcd", "port", etcdPort);
    wait.until("etcd", etcdPort, ReadinessProbe.http(etcd.healthUrl()));

    console.info("starting kube-apiserver " + bin.kubeVersion() + " on " + api.server());
    launcher.start("kube-apiserver", bin.apiServer(), api.command(bin.apiServer()));
    launcher.record("kube-apiserver", "port", apiPort);
    wait.until("kube-apiserver", apiPort, ApiServerProbe.readyz(pki, apiPort));

    console.info("starting kube-controller-manager and kube-scheduler");
    ControllerManagerFlags kcm =
        new ControllerManagerFlags(pki, kcmPort, settings.controllerManagerQps());
    SchedulerFlags scheduler = new SchedulerFlags(pki, schedPort);
    createDirectories(kcm.certDir());
    createDirectories(scheduler.certDir());
    launcher.start(
        "kube-controller-manager", bin.controllerManager(), kcm.command(bin.controllerManager()));
    launcher.record("kube-controller-manager", "port", kcmPort);
    launcher.start("kube-scheduler", bin.scheduler(), scheduler.command(bin.scheduler()));
    launcher.record("kube-scheduler", "port", schedPort);
    wait.until("kube-controller-manager", kcmPort, ReadinessProbe.http(kcm.healthUrl(), "-k"));
    wait.until("kube-scheduler", schedPort, ReadinessProbe.http(scheduler.healthUrl(), "-k"));

    console.info(
        "starting kwok " + bin.kwokVersion() + " with " + settings.nodes() + " fake nodes");
    KwokFlags kwok = new KwokFlags(layout.kwokConfig(), layout.kubeconfig());
    writeString(layout.kwokConfig(), kwok.configText());
    launcher.start("kwok", bin.kwok(), kwok.command(bin.kwok()));
    FakeNodes nodes = new FakeNodes(settings.nodes());
    try (KubernetesClient client = AdminClient.open(layout)) {
      createNodes(nodes, client);
      wait.until("kwok", null, () -> AdminClient.answers(() -> nodes.ready(client)));
      wait.until(
          "kube-controller-manager",
          null,
          () ->
              AdminClient.answers(
                  () ->
                      client.serviceAccounts().inNamespace("default").withName("default").get()
                          != null));
    }
  }

  private void createNodes(FakeNodes nodes, KubernetesClient client) {
    Path log = layout.logs().resolve("nodes.log");
    try {
      nodes.create(client);
      writeString(log, "created " + nodes.manifests().size() + " nodes\n");
    } catch (KubernetesClientException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      writeString(log, trace.toString());
      throw new TestBedException("could not create the fake nodes; see " + log, e);
    }
  }

  private static void freshPrivateDir(Path dir) {
    Teardown.delete(dir);
    createDirectories(dir);
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeString(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
