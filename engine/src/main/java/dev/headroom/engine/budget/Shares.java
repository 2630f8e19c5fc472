package dev.headroom.engine.budget;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Integer proportional shares by the largest-remainder method: each item gets {@code floor(amount x
 * weight / totalWeight)}, then the units left over go one each to the largest remainders, ties to
 * the smaller id. When {@code amount <= totalWeight} no item gets more than its weight.
 */
final class Shares {

  private Shares() {}

  record Item(String id, long weight) {}

  static long[] split(long amount, List<Item> items) {
    long[] shares = new long[items.size()];
    long total = 0;
    for (Item item : items) {
      total += item.weight();
    }
    if (amount <= 0 || total <= 0) {
      return shares;
    }
    if (amount >= total) {
      for (int i = 0; i < items.size(); i++) {
        shares[i] = items.get(i).weight();
      }
      return shares;
    }
    long[] remainders = new long[items.size()];
    long given = 0;
    for (int i = 0; i < items.size(); i++) {
      BigInteger[] qr =
          BigInteger.valueOf(amount)
              .multiply(BigInteger.valueOf(items.get(i).weight()))
              .divideAndRemainder(BigInteger.valueOf(total));
      shares[i] = qr[0].longValueExact();
      remainders[i] = qr[1].longValueExact();
      given += shares[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer>comparingLong(i -> -remainders[i])
            .thenComparing(i -> items.get(i).id()));
    long left = amount - given;
    for (int k = 0; k < order.size() && left > 0; k++) {
      int i = order.get(k);
      if (remainders[i] > 0) {
        shares[i]++;
        left--;
      }
    }
    return shares;
  }
}
