package dev.headroom.engine.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Simulates a budget and consumers that act on stale grants, come down slowly, acknowledge late and
 * sometimes not at all, and checks that the connections really in use never exceed the budget.
 */
class GrantLedgerProperties {

  /** A consumer as the cluster sees it. */
  private static final class Consumer {
    final String id;
    long usage; // connections its pods really hold
    long target;
    // published state (what the budget wrote)
    long issued;
    long seq;
    long held;
    final List<long[]> publications = new ArrayList<>(); // {seq, grant}
    long lastReadSeq = -1;
    OptionalLong ackSeq = OptionalLong.empty();
    OptionalLong reportedBound = OptionalLong.empty();

    Consumer(String id) {
      this.id = id;
      publications.add(new long[] {0, 0});
    }
  }

  @Property(tries = 10_000)
  void realUsageNeverExceedsTheBudget(
      @ForAll @IntRange(min = 1, max = 6) int consumers,
      @ForAll @IntRange(min = 10, max = 500) int available,
      @ForAll long seed) {
    Random random = new Random(seed);
    List<Consumer> all = new ArrayList<>();
    for (int i = 0; i < consumers; i++) {
      all.add(new Consumer("c" + i));
    }
    for (int round = 0; round < 40; round++) {
      // The allocator's targets always fit the budget.
      long left = available;
      for (Consumer c : all) {
        c.target = random.nextInt((int) left + 1);
        left -= c.target;
      }
      List<LedgerEntry> entries = new ArrayList<>();
      for (Consumer c : all) {
        entries.add(
            new LedgerEntry(c.id, 0, c.target, c.issued, c.seq, c.held, c.ackSeq, c.reportedBound));
      }
      List<LedgerStep> steps = GrantLedger.step(available, entries);
      for (int i = 0; i < all.size(); i++) {
        Consumer c = all.get(i);
        LedgerStep s = steps.get(i);
        if (s.issuedSeq() != c.seq) {
          c.publications.add(new long[] {s.issuedSeq(), s.issued()});
        }
        c.issued = s.issued();
        c.seq = s.issuedSeq();
        c.held = s.held();
      }
      // Each consumer maybe acts on some grant it can see (never older than one it already read).
      for (Consumer c : all) {
        if (random.nextInt(3) == 0) {
          continue;
        }
        List<long[]> visible = c.publications.stream().filter(p -> p[0] >= c.lastReadSeq).toList();
        long[] read = visible.get(random.nextInt(visible.size()));
        c.lastReadSeq = read[0];
        long grant = read[1];
        if (c.usage > grant) {
          // Pods come down gradually.
          c.usage = grant + random.nextInt((int) (c.usage - grant) + 1);
        } else {
          c.usage = random.nextInt((int) grant + 1);
        }
        if (random.nextInt(4) != 0) {
          c.ackSeq = OptionalLong.of(read[0]);
          c.reportedBound = OptionalLong.of(c.usage);
        }
        long total = all.stream().mapToLong(x -> x.usage).sum();
        assertThat(total).as("round %d", round).isLessThanOrEqualTo(available);
      }
      assertThat(GrantLedger.totalHeld(steps)).isLessThanOrEqualTo(available);
    }
  }

  @Property(tries = 10_000)
  void sameInputsGiveTheSameStep(
      @ForAll @IntRange(min = 0, max = 1000) int target,
      @ForAll @IntRange(min = 0, max = 1000) int issued,
      @ForAll @IntRange(min = 0, max = 1000) int bound,
      @ForAll @IntRange(min = 1, max = 3000) int available) {
    List<LedgerEntry> entries =
        List.of(
            new LedgerEntry(
                "a", 0, target, issued, 2, issued, OptionalLong.of(2), OptionalLong.of(bound)),
            new LedgerEntry(
                "b", 1, available - target, 0, 0, 0, OptionalLong.of(0), OptionalLong.of(0)));
    assertThat(GrantLedger.step(available, entries))
        .isEqualTo(GrantLedger.step(available, entries));
  }
}
