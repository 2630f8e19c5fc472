package dev.headroom.operator.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventQueueTest {

  @Test
  void sendsOnItsOwnThreadInTheOrderHandedOver() {
    List<String> sent = new CopyOnWriteArrayList<>();
    EventQueue queue = new EventQueue(10, () -> {}, Duration.ofSeconds(5));
    for (int i = 0; i < 5; i++) {
      int n = i;
      queue.execute(() -> sent.add(Thread.currentThread().getName() + ":" + n));
    }
    queue.close();

    assertThat(sent)
        .containsExactly(
            "headroom-events:0",
            "headroom-events:1",
            "headroom-events:2",
            "headroom-events:3",
            "headroom-events:4");
  }

  @Test
  void aFullQueueDropsTheNewestAndSaysSoWithoutBlockingTheCaller() throws InterruptedException {
    AtomicInteger dropped = new AtomicInteger();
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> sent = new CopyOnWriteArrayList<>();
    EventQueue queue = new EventQueue(2, dropped::incrementAndGet, Duration.ofSeconds(5));
    queue.execute(
        () -> {
          sending.countDown();
          await(release);
          sent.add(0);
        });
    assertThat(sending.await(5, TimeUnit.SECONDS)).isTrue();
    for (int i = 1; i <= 4; i++) {
      int n = i;
      queue.execute(() -> sent.add(n));
    }

    assertThat(queue.queued()).isEqualTo(2);
    assertThat(dropped).hasValue(2);
    release.countDown();
    queue.close();
    assertThat(sent).containsExactly(0, 1, 2);
  }

  @Test
  void closingSendsWhatIsQueued() {
    AtomicInteger sent = new AtomicInteger();
    EventQueue queue = new EventQueue(100, () -> {}, Duration.ofSeconds(5));
    for (int i = 0; i < 100; i++) {
      queue.execute(sent::incrementAndGet);
    }
    queue.close();
    assertThat(sent).hasValue(100);
  }

  @Test
  void aQueueHoldsAtLeastOneEvent() {
    assertThatThrownBy(() -> new EventQueue(0, () -> {}, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
