package dev.headroom.testbed.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartFailureTest {

  @Test
  void aBindErrorInTheLogIsAPortClash() {
    String log = "starting\nlisten tcp 127.0.0.1:2379: bind: address already in use\n";
    assertThat(StartFailure.describe("etcd", 2379, log, "/s/logs/etcd.log", 120))
        .isEqualTo("port 2379 for etcd is already in use (see /s/logs/etcd.log)");
  }

  @Test
  void withoutAPortABindErrorIsNoClash() {
    assertThat(StartFailure.describe("kwok", null, "bind: nope\n\n", "/s/logs/kwok.log", 120))
        .isEqualTo(
            "kwok did not become ready within 120s; see /s/logs/kwok.log (last line: bind: nope)");
  }

  @Test
  void otherwiseTheLastNonBlankLineCutTo200Characters() {
    String longLine = "x".repeat(250);
    assertThat(StartFailure.describe("etcd", 1, "first\n" + longLine + "\n  \n", "l", 5))
        .isEqualTo(
            "etcd did not become ready within 5s; see l (last line: " + "x".repeat(200) + ")");
  }

  @Test
  void anEmptyLogNamesNoLine() {
    assertThat(StartFailure.describe("etcd", 1, "", "l", 5))
        .isEqualTo("etcd did not become ready within 5s; see l");
  }
}
