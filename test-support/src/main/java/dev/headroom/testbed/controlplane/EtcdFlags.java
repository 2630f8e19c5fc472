package dev.headroom.testbed.controlplane;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * etcd's command line: one member on loopback, a fresh cluster in {@code dataDir}, no fsync (the
 * data is thrown away with the test bed), a 2 GiB quota.
 */
public record EtcdFlags(Path dataDir, int clientPort, int peerPort) {

  static final long QUOTA_BYTES = 2L * 1024 * 1024 * 1024;

  public List<String> command(Path etcd) {
    String client = "http://127.0.0.1:" + clientPort;
    String peer = "http://127.0.0.1:" + peerPort;
    List<String> c = new ArrayList<>();
    c.add(etcd.toString());
    c.add("--name=headroom");
    c.add("--data-dir=" + dataDir);
    c.add("--listen-client-urls=" + client);
    c.add("--advertise-client-urls=" + client);
    c.add("--listen-peer-urls=" + peer);
    c.add("--initial-advertise-peer-urls=" + peer);
    c.add("--initial-cluster=headroom=" + peer);
    c.add("--initial-cluster-state=new");
    c.add("--unsafe-no-fsync");
    c.add("--quota-backend-bytes=" + QUOTA_BYTES);
    c.add("--log-level=warn");
    return List.copyOf(c);
  }

  public String healthUrl() {
    return "http://127.0.0.1:" + clientPort + "/health";
  }
}
