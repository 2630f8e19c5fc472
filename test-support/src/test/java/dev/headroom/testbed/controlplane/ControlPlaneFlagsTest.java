package dev.headroom.testbed.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command lines the control plane's processes get. */
class ControlPlaneFlagsTest {

  static final Path PKI = Path.of("/s/pki");

  @Test
  void etcdIsOneFreshMemberOnLoopbackWithoutFsync() {
    EtcdFlags etcd = new EtcdFlags(Path.of("/s/data/etcd"), 2379, 2380);
    assertThat(etcd.command(Path.of("/bin/etcd")))
        .startsWith("/bin/etcd")
        .contains(
            "--data-dir=/s/data/etcd",
            "--listen-client-urls=http://127.0.0.1:2379",
            "--advertise-client-urls=http://127.0.0.1:2379",
            "--listen-peer-urls=http://127.0.0.1:2380",
            "--initial-cluster=headroom=http://127.0.0.1:2380",
            "--initial-cluster-state=new",
            "--unsafe-no-fsync",
            "--quota-backend-bytes=2147483648");
    assertThat(etcd.healthUrl()).isEqualTo("http://127.0.0.1:2379/health");
  }

  @Test
  void theApiServerUsesEtcdAndTheTestBedCertificates() {
    ApiServerFlags api =
        new ApiServerFlags(2379, 6443, PKI, Path.of("/s/logs/kube-apiserver-audit.log"));
    assertThat(api.command(Path.of("/bin/kube-apiserver")))
        .startsWith("/bin/kube-apiserver")
        .contains(
            "--etcd-servers=http://127.0.0.1:2379",
            "--secure-port=6443",
            "--bind-address=127.0.0.1",
            "--endpoint-reconciler-type=none",
            "--tls-cert-file=/s/pki/apiserver.crt",
            "--client-ca-file=/s/pki/ca.crt",
            "--service-account-signing-key-file=/s/pki/sa.key",
            "--service-cluster-ip-range=10.96.0.0/16",
            "--authorization-mode=Node,RBAC",
            "--audit-log-path=/s/logs/kube-apiserver-audit.log",
            "--audit-policy-file=/s/logs/kube-apiserver-audit-policy.yaml",
            "--requestheader-client-ca-file=/s/pki/ca.crt",
            "--requestheader-allowed-names=front-proxy-client",
            "--requestheader-username-headers=X-Remote-User",
            "--proxy-client-cert-file=/s/pki/front-proxy-client.crt",
            "--proxy-client-key-file=/s/pki/front-proxy-client.key");
    assertThat(api.server()).isEqualTo("https://127.0.0.1:6443");
  }

  @Test
  void theControllerManagerLeavesOutTheCloudControllersAndTakesItsQps() {
    ControllerManagerFlags kcm = new ControllerManagerFlags(PKI, 10257, 100);
    assertThat(kcm.command(Path.of("/bin/kcm")))
        .contains(
            "--kubeconfig=/s/pki/controller-manager.kubeconfig",
            "--secure-port=10257",
            "--cert-dir=/s/pki/controller-manager",
            "--controllers=*,-cloud-node-lifecycle-controller,-service-lb-controller,"
                + "-node-route-controller,-node-ipam-controller",
            "--root-ca-file=/s/pki/ca.crt",
            "--cluster-signing-key-file=/s/pki/ca.key",
            "--node-monitor-grace-period=2m",
            "--horizontal-pod-autoscaler-sync-period=5s",
            "--kube-api-qps=100",
            "--kube-api-burst=150");
    assertThat(kcm.healthUrl()).isEqualTo("https://127.0.0.1:10257/healthz");
  }

  @Test
  void theBurstIsOneAndAHalfTimesTheQpsRoundedDown() {
    assertThat(new ControllerManagerFlags(PKI, 1, 25).command(Path.of("k")))
        .contains("--kube-api-qps=25", "--kube-api-burst=37");
  }

  @Test
  void theSchedulerHasItsOwnKubeconfig() {
    SchedulerFlags scheduler = new SchedulerFlags(PKI, 10259);
    assertThat(scheduler.command(Path.of("/bin/sched")))
        .contains(
            "--kubeconfig=/s/pki/scheduler.kubeconfig",
            "--authorization-kubeconfig=/s/pki/scheduler.kubeconfig",
            "--secure-port=10259",
            "--cert-dir=/s/pki/scheduler",
            "--leader-elect=false");
  }

  @Test
  void kwokManagesOnlyAnnotatedNodesWithLeases() {
    KwokFlags kwok = new KwokFlags(Path.of("/s/kwok.yaml"), Path.of("/s/kubeconfig"));
    assertThat(kwok.command(Path.of("/bin/kwok")))
        .containsExactly(
            "/bin/kwok",
            "--config=/s/kwok.yaml",
            "--kubeconfig=/s/kubeconfig",
            "--manage-all-nodes=false",
            "--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake",
            "--cidr=10.244.0.1/16",
            "--node-ip=127.0.0.1",
            "--node-lease-duration-seconds=40");
    assertThat(kwok.configText()).contains("kind: KwokConfiguration");
  }
}
