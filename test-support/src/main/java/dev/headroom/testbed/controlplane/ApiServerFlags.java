package dev.headroom.testbed.controlplane;

import dev.headroom.testbed.pki.Pki;
import java.nio.file.Path;
import java.util.List;

/**
 * kube-apiserver's command line: TLS with the test bed's certificates on 127.0.0.1, clients
 * authenticated by certificate, service accounts signed with {@code sa.key}, RBAC, no endpoint
 * reconciler (a loopback address may not be an Endpoints address), the aggregation layer (the API
 * server signs in to aggregated APIs with the front-proxy client certificate and names the user in
 * {@code X-Remote-User}), and an audit log of the scale writes ({@link #AUDIT_POLICY}): when each
 * one was answered, to the microsecond, which the operator benchmark measures its latency to.
 */
public record ApiServerFlags(int etcdPort, int securePort, Path pki, Path auditLog) {

  public static final String SERVICE_CIDR = "10.96.0.0/16";

  /** Patches and updates of a Deployment's or StatefulSet's scale, once answered; nothing else. */
  public static final String AUDIT_POLICY =
      """
      apiVersion: audit.k8s.io/v1
      kind: Policy
      omitStages: [RequestReceived]
      rules:
      - level: Metadata
        verbs: [patch, update]
        resources:
        - group: apps
          resources: [deployments/scale, statefulsets/scale]
      - level: None
      """;

  /** Where the audit policy is written: next to the log. */
  public Path auditPolicy() {
    return auditLog.resolveSibling("kube-apiserver-audit-policy.yaml");
  }

  public List<String> command(Path apiServer) {
    return List.of(
        apiServer.toString(),
        "--etcd-servers=http://127.0.0.1:" + etcdPort,
        "--bind-address=127.0.0.1",
        "--secure-port=" + securePort,
        "--advertise-address=127.0.0.1",
        "--endpoint-reconciler-type=none",
        "--tls-cert-file=" + pki.resolve("apiserver.crt"),
        "--tls-private-key-file=" + pki.resolve("apiserver.key"),
        "--client-ca-file=" + pki.resolve("ca.crt"),
        "--requestheader-client-ca-file=" + pki.resolve("ca.crt"),
        "--requestheader-allowed-names=" + Pki.FRONT_PROXY_CLIENT,
        "--requestheader-username-headers=X-Remote-User",
        "--requestheader-group-headers=X-Remote-Group",
        "--requestheader-extra-headers-prefix=X-Remote-Extra-",
        "--proxy-client-cert-file=" + pki.resolve(Pki.FRONT_PROXY_CLIENT + ".crt"),
        "--proxy-client-key-file=" + pki.resolve(Pki.FRONT_PROXY_CLIENT + ".key"),
        "--cert-dir=" + pki,
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=" + pki.resolve("sa.pub"),
        "--service-account-signing-key-file=" + pki.resolve("sa.key"),
        "--service-cluster-ip-range=" + SERVICE_CIDR,
        "--authorization-mode=Node,RBAC",
        "--allow-privileged=true",
        "--profiling=false",
        "--audit-policy-file=" + auditPolicy(),
        "--audit-log-path=" + auditLog,
        "--audit-log-format=json",
        "--audit-log-maxsize=100",
        "--audit-log-maxbackup=1",
        "--v=1");
  }

  public String server() {
    return "https://127.0.0.1:" + securePort;
  }
}
