package dev.headroom.engine.grant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.headroom.engine.grant.LedgerStep.Phase;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GrantLedgerTest {

  private static LedgerEntry entry(
      String id, long target, long issued, long seq, long held, Long ack, Long bound) {
    return new LedgerEntry(
        id,
        0,
        target,
        issued,
        seq,
        held,
        ack == null ? OptionalLong.empty() : OptionalLong.of(ack),
        bound == null ? OptionalLong.empty() : OptionalLong.of(bound));
  }

  @Nested
  class TwoPhase {

    @Test
    void shrinkIsIssuedAtOnceButTheOldGrantIsHeldUntilAcknowledged() {
      var steps =
          GrantLedger.step(
              100,
              List.of(
                  entry("a", 40, 80, 3, 80, 3L, 80L), // must shrink 80 -> 40
                  entry("b", 60, 20, 1, 20, 1L, 20L))); // wants 60
      assertThat(steps.get(0)).isEqualTo(new LedgerStep("a", 40, 4, 80, Phase.SHRINKING));
      assertThat(steps.get(1)).isEqualTo(new LedgerStep("b", 20, 1, 20, Phase.WAITING));
      assertThat(GrantLedger.totalHeld(steps)).isLessThanOrEqualTo(100);
    }

    @Test
    void othersGrowOnlyAfterTheShrinkIsConfirmed() {
      var steps =
          GrantLedger.step(
              100,
              List.of(
                  entry("a", 40, 40, 4, 80, 4L, 40L), // acknowledged grant 4, pods down to 40
                  entry("b", 60, 20, 1, 20, 1L, 20L)));
      assertThat(steps.get(0)).isEqualTo(new LedgerStep("a", 40, 4, 40, Phase.STABLE));
      assertThat(steps.get(1)).isEqualTo(new LedgerStep("b", 60, 2, 60, Phase.GROWING));
    }

    @Test
    void acknowledgedButStillAboveGrantKeepsHoldingWhatThePodsUse() {
      var steps =
          GrantLedger.step(
              100, List.of(entry("a", 40, 40, 4, 80, 4L, 70L), entry("b", 60, 20, 1, 20, 1L, 20L)));
      assertThat(steps.get(0).held()).isEqualTo(70);
      assertThat(steps.get(1).issued()).isEqualTo(30);
      assertThat(GrantLedger.totalHeld(steps)).isEqualTo(100);
    }

    @Test
    void aConsumerThatHasNotReportedBlocksEveryGrow() {
      var steps =
          GrantLedger.step(
              100,
              List.of(entry("a", 50, 0, 0, 0, null, null), entry("b", 50, 0, 0, 0, null, 10L)));
      assertThat(steps).extracting(LedgerStep::issued).containsExactly(0L, 0L);
      // b's pods already hold 10 connections it was never granted: it has to come down.
      assertThat(steps)
          .extracting(LedgerStep::phase)
          .containsExactly(Phase.WAITING, Phase.SHRINKING);
    }

    @Test
    void regrowingIntoWhatIsStillHeldNeedsNoRoom() {
      // a was shrinking 80 -> 40 (still holds 80); demand came back to 80 while b fills the rest.
      var steps =
          GrantLedger.step(
              100, List.of(entry("a", 80, 40, 4, 80, 3L, 80L), entry("b", 20, 20, 1, 20, 1L, 20L)));
      assertThat(steps.get(0)).isEqualTo(new LedgerStep("a", 80, 5, 80, Phase.GROWING));
      assertThat(GrantLedger.totalHeld(steps)).isEqualTo(100);
    }

    @Test
    void growsAreServedInOrderThenById() {
      var first = new LedgerEntry("z", -10, 60, 0, 0, 0, OptionalLong.of(0), OptionalLong.of(0));
      var second = new LedgerEntry("a", 0, 60, 0, 0, 0, OptionalLong.of(0), OptionalLong.of(0));
      var steps = GrantLedger.step(100, List.of(second, first));
      assertThat(steps.get(1).issued()).isEqualTo(60); // z: lower order is served first
      assertThat(steps.get(0).issued()).isEqualTo(40); // a: what is left
    }
  }
}
