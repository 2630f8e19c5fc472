package dev.headroom.engine.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.headroom.engine.grant.LedgerStep.Phase;
import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeasuredUsageTest {

  @ParameterizedTest(name = "modelled {0}, measured {1} -> unattributed {2}, grows {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "40, -, 0, true", // nothing measured: the model alone decides
        "40, failed, 0, false", // asked for and failed: fail static
        "40, 0, 0, true",
        "40, 39, 0, true",
        "40, 40, 0, true",
        "40, 41, 1, false",
        "0, 12, 12, false"
      })
  void unattributedIsWhatIsMeasuredBeyondTheModel(
      long modelled, String measured, long unattributed, boolean grows) {
    MeasuredUsage usage =
        new MeasuredUsage(
            modelled,
            measured == null
                ? Measurement.none()
                : measured.equals("failed")
                    ? Measurement.failed()
                    : Measurement.of(Long.parseLong(measured)));
    assertThat(usage.unattributed()).isEqualTo(unattributed);
    assertThat(usage.allowsGrowth()).isEqualTo(grows);
  }

  @Test
  void refusesNegativeCounts() {
    assertThatThrownBy(() -> new MeasuredUsage(-1, Measurement.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modelled");
    assertThatThrownBy(() -> Measurement.of(-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("measured");
    assertThatThrownBy(() -> new Measurement(false, OptionalLong.of(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not asked for");
  }

  private static LedgerEntry entry(
      String id, long target, long issued, long seq, long held, long bound) {
    return new LedgerEntry(
        id, 0, target, issued, seq, held, OptionalLong.of(seq), OptionalLong.of(bound));
  }

  @Nested
  class InTheLedger {

    // a shrank 80 -> 40 and acknowledged; b waits to grow 20 -> 60. The model holds 60.
    private final List<LedgerEntry> entries =
        List.of(entry("a", 40, 40, 4, 80, 40), entry("b", 60, 20, 1, 20, 20));

    @Test
    void grantsGrowWhenTheMeasurementAgreesWithTheModel() {
      var steps = GrantLedger.step(100, entries, Measurement.of(58));
      assertThat(steps.get(1)).isEqualTo(new LedgerStep("b", 60, 2, 60, Phase.GROWING));
    }

    @Test
    void noGrantGrowsWhileMoreIsMeasuredThanTheModelHolds() {
      // a's old pods still hold 30 connections while they exit: 90 measured, 60 modelled.
      var steps = GrantLedger.step(100, entries, Measurement.of(90));
      assertThat(steps.get(0)).isEqualTo(new LedgerStep("a", 40, 4, 40, Phase.STABLE));
      assertThat(steps.get(1)).isEqualTo(new LedgerStep("b", 20, 1, 20, Phase.WAITING));
    }

    @Test
    void shrinksAreIssuedWhateverIsMeasured() {
      var steps = GrantLedger.step(100, List.of(entry("a", 30, 50, 2, 50, 50)), Measurement.of(95));
      assertThat(steps.get(0)).isEqualTo(new LedgerStep("a", 30, 3, 50, Phase.SHRINKING));
    }

    @Test
    void withoutAMeasurementItIsThePlainStep() {
      assertThat(GrantLedger.step(100, entries, Measurement.none()))
          .isEqualTo(GrantLedger.step(100, entries));
    }

    @Test
    void aFailedMeasurementBlocksGrowsButNotShrinks() {
      var steps =
          GrantLedger.step(
              100,
              List.of(entry("a", 30, 50, 2, 50, 50), entry("b", 60, 20, 1, 20, 20)),
              Measurement.failed());
      assertThat(steps.get(0)).isEqualTo(new LedgerStep("a", 30, 3, 50, Phase.SHRINKING));
      assertThat(steps.get(1)).isEqualTo(new LedgerStep("b", 20, 1, 20, Phase.WAITING));
    }
  }

  /** Whatever the ledger's state, a measurement above the model never lets a grant grow. */
  @Property(tries = 5_000)
  void aboveTheModelNoGrantGrows(
      @ForAll @IntRange(min = 1, max = 5) int consumers,
      @ForAll @IntRange(min = 10, max = 400) int available,
      @ForAll @IntRange(min = 1, max = 200) int excess,
      @ForAll long seed) {
    java.util.Random random = new java.util.Random(seed);
    List<LedgerEntry> entries = new java.util.ArrayList<>();
    long left = available;
    for (int i = 0; i < consumers; i++) {
      long issued = random.nextInt((int) left + 1);
      long held = issued + random.nextInt((int) (left - issued) + 1);
      left -= held;
      long target = random.nextInt(available + 1);
      long seq = random.nextInt(5);
      entries.add(
          new LedgerEntry(
              "c" + i,
              random.nextInt(3),
              target,
              issued,
              seq,
              held,
              OptionalLong.of(random.nextBoolean() ? seq : seq - 1),
              OptionalLong.of(random.nextInt((int) held + 1))));
    }
    long modelled =
        GrantLedger.totalHeld(
            GrantLedger.step(
                available,
                entries.stream()
                    .map(
                        e ->
                            new LedgerEntry(
                                e.id(),
                                e.order(),
                                Math.min(e.target(), e.issued()),
                                e.issued(),
                                e.issuedSeq(),
                                e.held(),
                                e.acknowledgedSeq(),
                                e.inUseBound()))
                    .toList()));
    var steps = GrantLedger.step(available, entries, Measurement.of(modelled + excess));
    for (int i = 0; i < consumers; i++) {
      assertThat(steps.get(i).issued())
          .as("grant of c%d", i)
          .isLessThanOrEqualTo(entries.get(i).issued());
      assertThat(steps.get(i).phase()).isNotEqualTo(Phase.GROWING);
    }
    assertThat(GrantLedger.totalHeld(steps)).isLessThanOrEqualTo(available);
  }
}
