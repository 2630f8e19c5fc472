package dev.headroom.operator.json;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared copy of each short string value read from the API server. The informers' caches hold
 * 10,000 policies, their targets and budgets, and most of their string values repeat from object to
 * object (condition types, reasons and messages, namespaces, label values, queries, container and
 * variable names, timestamps of the same second): at 10,000 policies strings were the largest part
 * of the heap. Bounded: when it holds {@code capacity} strings it starts again empty, so strings
 * seen once (uids, resource versions) cannot make it grow for ever; copies already shared stay
 * shared.
 */
public final class CanonicalStrings {

  private final int capacity;
  private final int maxLength;
  private volatile ConcurrentHashMap<String, String> table;

  /**
   * @param capacity how many strings it holds before it starts again
   * @param maxLength longer strings are returned as they are
   */
  public CanonicalStrings(int capacity, int maxLength) {
    this.capacity = capacity;
    this.maxLength = maxLength;
    this.table = new ConcurrentHashMap<>();
  }

  /** The shared copy equal to {@code value}: {@code value} itself the first time it is seen. */
  public String of(String value) {
    if (value == null || value.length() > maxLength) {
      return value;
    }
    ConcurrentHashMap<String, String> t = table;
    String shared = t.putIfAbsent(value, value);
    if (shared != null) {
      return shared;
    }
    if (t.size() > capacity) {
      table = new ConcurrentHashMap<>();
    }
    return value;
  }

  int size() {
    return table.size();
  }
}
