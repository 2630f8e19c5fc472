package dev.headroom.operator.workload;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A workload's {@code spec.selector} (matchLabels, matchExpressions) read from its object: the
 * selector its scale subresource would report, to match cached pods without asking for it.
 */
record LabelSelectors(Map<String, String> matchLabels, List<Map<String, Object>> matchExpressions) {

  @SuppressWarnings("unchecked")
  static Optional<LabelSelectors> of(Object selector) {
    if (!(selector instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    Map<String, String> labels = new TreeMap<>();
    Object ml = map.get("matchLabels");
    if (ml instanceof Map<?, ?> m) {
      m.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
    }
    Object me = map.get("matchExpressions");
    List<Map<String, Object>> expressions =
        me instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    if (labels.isEmpty() && expressions.isEmpty()) {
      return Optional.empty(); // selects everything or nothing: leave it to the API server
    }
    return Optional.of(new LabelSelectors(labels, expressions));
  }

  boolean matches(Map<String, String> labels) {
    Map<String, String> l = labels == null ? Map.of() : labels;
    for (var e : matchLabels.entrySet()) {
      if (!e.getValue().equals(l.get(e.getKey()))) {
        return false;
      }
    }
    for (Map<String, Object> r : matchExpressions) {
      String key = String.valueOf(r.get("key"));
      Object vs = r.get("values");
      List<?> values = vs instanceof List<?> list ? list : List.of();
      String value = l.get(key);
      boolean ok =
          switch (String.valueOf(r.get("operator"))) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> l.containsKey(key);
            case "DoesNotExist" -> !l.containsKey(key);
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** As the scale subresource prints it, e.g. {@code app=web,tier in (a,b)}. */
  String text() {
    String labels =
        matchLabels.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
    String exprs =
        matchExpressions.stream().map(LabelSelectors::expression).collect(Collectors.joining(","));
    return labels.isEmpty() ? exprs : exprs.isEmpty() ? labels : labels + "," + exprs;
  }

  private static String expression(Map<String, Object> r) {
    String key = String.valueOf(r.get("key"));
    Object vs = r.get("values");
    String values =
        vs instanceof List<?> l
            ? l.stream().map(String::valueOf).sorted().collect(Collectors.joining(","))
            : "";
    return switch (String.valueOf(r.get("operator"))) {
      case "In" -> key + " in (" + values + ")";
      case "NotIn" -> key + " notin (" + values + ")";
      case "Exists" -> key;
      case "DoesNotExist" -> "!" + key;
      default -> key + " " + r.get("operator");
    };
  }
}
