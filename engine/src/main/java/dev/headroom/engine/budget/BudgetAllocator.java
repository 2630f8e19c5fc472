package dev.headroom.engine.budget;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shares one budget among its consumers, in whole connections, deterministically.
 *
 * <ol>
 *   <li>Every consumer is first guaranteed {@code (minReplicas + maxSurge) x poolMin}.
 *   <li>If those guarantees alone exceed {@code available} the budget is <em>overcommitted</em>:
 *       nobody gets more than its guarantee, and {@code available} is split over the guarantees —
 *       proportionally, or by priority tiers (higher first, proportional inside the tier that no
 *       longer fits, nothing below it).
 *   <li>Otherwise the rest is shared by unmet demand ({@code (desired + maxSurge) x poolMax} minus
 *       the guarantee): proportionally, or tier by tier.
 *   <li>When {@code available} holds every consumer at its {@linkplain ConsumerDemand#ceiling()
 *       ceiling} ({@code (maxReplicas + maxSurge) x poolMax}), each is granted its ceiling instead:
 *       the room nobody needs now is lent to everyone at once, so a consumer grows within its
 *       ceiling without waiting for a budget round, and the grants stay as they are while demands
 *       move (no consumer is woken for another's change). All or nothing: a partial share of the
 *       spare room would move every consumer's grant with every demand.
 * </ol>
 *
 * Grants never exceed a consumer's demand, or its ceiling while it is lent; their total never
 * exceeds {@code available}; ties are broken by consumer id.
 */
public final class BudgetAllocator {

  public BudgetAllocation allocate(BudgetSpec budget, List<ConsumerDemand> consumers) {
    List<ConsumerDemand> sorted = new ArrayList<>(consumers);
    sorted.sort(Comparator.comparing(ConsumerDemand::id));
    long available = budget.available();
    long guaranteedTotal = 0;
    long demandTotal = 0;
    for (ConsumerDemand c : sorted) {
      guaranteedTotal += c.guaranteed();
      demandTotal += c.demand();
    }
    boolean overcommitted = guaranteedTotal > available;
    boolean scarce = demandTotal > available;

    Map<String, Long> granted = new TreeMap<>();
    if (overcommitted) {
      share(budget.allocation(), available, sorted, ConsumerDemand::guaranteed, granted);
    } else {
      for (ConsumerDemand c : sorted) {
        granted.put(c.id(), c.guaranteed());
      }
      Map<String, Long> extra = new TreeMap<>();
      share(
          budget.allocation(),
          available - guaranteedTotal,
          sorted,
          c -> c.demand() - c.guaranteed(),
          extra);
      extra.forEach((id, more) -> granted.merge(id, more, Long::sum));
    }

    boolean lent = !scarce && ceilingsFit(sorted, available);
    List<Grant> grants = new ArrayList<>();
    for (ConsumerDemand c : sorted) {
      long connections = lent ? c.ceiling() : granted.getOrDefault(c.id(), 0L);
      grants.add(new Grant(c.id(), connections, c.guaranteed(), c.demand()));
    }
    return new BudgetAllocation(budget.id(), available, overcommitted, scarce, lent, grants);
  }

  /** Whether {@code available} holds every consumer at its ceiling. */
  private static boolean ceilingsFit(List<ConsumerDemand> consumers, long available) {
    long total = 0;
    for (ConsumerDemand c : consumers) {
      long ceiling = c.ceiling();
      if (ceiling > available - total) {
        return false;
      }
      total += ceiling;
    }
    return true;
  }

  private interface Weight {
    long of(ConsumerDemand consumer);
  }

  private static void share(
      AllocationStrategy strategy,
      long amount,
      List<ConsumerDemand> consumers,
      Weight weight,
      Map<String, Long> out) {
    if (strategy == AllocationStrategy.PROPORTIONAL) {
      proportional(amount, consumers, weight, out);
      return;
    }
    TreeMap<Integer, List<ConsumerDemand>> tiers = new TreeMap<>(Comparator.reverseOrder());
    for (ConsumerDemand c : consumers) {
      tiers.computeIfAbsent(c.priority(), p -> new ArrayList<>()).add(c);
    }
    long left = amount;
    for (List<ConsumerDemand> tier : tiers.values()) {
      long tierWeight = 0;
      for (ConsumerDemand c : tier) {
        tierWeight += weight.of(c);
      }
      long given = Math.min(left, tierWeight);
      proportional(given, tier, weight, out);
      left -= given;
    }
  }

  private static void proportional(
      long amount, List<ConsumerDemand> consumers, Weight weight, Map<String, Long> out) {
    List<Shares.Item> items = new ArrayList<>();
    for (ConsumerDemand c : consumers) {
      items.add(new Shares.Item(c.id(), weight.of(c)));
    }
    long[] shares = Shares.split(amount, items);
    for (int i = 0; i < consumers.size(); i++) {
      out.put(consumers.get(i).id(), shares[i]);
    }
  }
}
