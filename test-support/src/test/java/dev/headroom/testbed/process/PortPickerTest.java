package dev.headroom.testbed.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.testbed.TestBedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortPickerTest {

  /** Listens on the given ports; records which ports it was asked about. */
  static final class FakePorts implements PortCheck {
    final Set<Integer> busy;
    final List<Integer> asked = new ArrayList<>();

    FakePorts(Set<Integer> busy) {
      this.busy = busy;
    }

    @Override
    public boolean busy(int port) {
      asked.add(port);
      return busy.contains(port);
    }

    @Override
    public Optional<String> owner(int port) {
      return busy.contains(port) ? Optional.of("\"etcd\",pid=42") : Optional.empty();
    }
  }

  /** Draws the given offsets from the lowest port, in order. */
  static RandomGenerator draws(Integer... offsets) {
    Deque<Integer> queue = new ArrayDeque<>(List.of(offsets));
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int nextInt(int bound) {
        assertThat(bound).isEqualTo(PortPicker.RANGE);
        return queue.removeFirst();
      }
    };
  }

  @Test
  void aFixedFreePortIsTaken() {
    PortPicker picker =
        new PortPicker(Map.of("PORT_VAR", "6443"), new FakePorts(Set.of()), draws());
    assertThat(picker.pick("kube-apiserver", "PORT_VAR")).isEqualTo(6443);
  }

  @Test
  void aFixedBusyPortIsAnErrorNamingItsOwnerAndTheVariable() {
    PortPicker picker =
        new PortPicker(Map.of("PORT_VAR", "6443"), new FakePorts(Set.of(6443)), draws());
    assertThatThrownBy(() -> picker.pick("kube-apiserver", "PORT_VAR"))
        .isInstanceOf(TestBedException.class)
        .hasMessage(
            "port 6443 for kube-apiserver is already in use by \"etcd\",pid=42"
                + " (set PORT_VAR to another port or unset it)");
  }

  @ParameterizedTest(name = "PORT_VAR={0}")
  @ValueSource(strings = {"http", "0", "70000", "-1"})
  void aFixedPortMustBeAPortNumber(String value) {
    PortPicker picker = new PortPicker(Map.of("PORT_VAR", value), new FakePorts(Set.of()), draws());
    assertThatThrownBy(() -> picker.pick("etcd", "PORT_VAR"))
        .hasMessage("PORT_VAR must be a port number, got '" + value + "'");
  }

  @Test
  void aFreePortSkipsBusyOnesAndThoseHandedOutBefore() {
    FakePorts ports = new FakePorts(Set.of(20005));
    PortPicker picker = new PortPicker(Map.of(), ports, draws(7, 5, 7, 9));
    assertThat(picker.pick("etcd", "UNSET")).isEqualTo(20007);
    // 20005 is busy, 20007 was handed out: the third draw wins
    assertThat(picker.pick("etcd peer", "UNSET")).isEqualTo(20009);
    assertThat(ports.asked).containsExactly(20007, 20005, 20009);
  }

  @Test
  void aFixedPortIsNotHandedOutAgain() {
    PortPicker picker =
        new PortPicker(Map.of("PORT_VAR", "20003"), new FakePorts(Set.of()), draws(3, 4));
    picker.pick("etcd", "PORT_VAR");
    assertThat(picker.pick("kwok", "UNSET")).isEqualTo(20004);
  }

  @Test
  void noFreePortAfterManyTriesIsAnError() {
    Integer[] sameOffset = new Integer[200];
    java.util.Arrays.fill(sameOffset, 1);
    PortPicker picker = new PortPicker(Map.of(), new FakePorts(Set.of(20001)), draws(sameOffset));
    assertThatThrownBy(() -> picker.pick("etcd", "UNSET")).hasMessageContaining("no free port");
  }

  @Test
  void ssNamesTheOwner() {
    String line = "LISTEN 0 4096 127.0.0.1:2379 0.0.0.0:* users:((\"etcd\",pid=4599,fd=7))";
    assertThat(ListeningSockets.ownerIn(line)).contains("\"etcd\",pid=4599");
    assertThat(ListeningSockets.ownerIn("LISTEN 0 4096 127.0.0.1:2379 0.0.0.0:*")).isEmpty();
  }
}
