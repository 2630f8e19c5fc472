package dev.headroom.operator.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The label selector that picks the ConnectionBudgets and ScalingPolicies one operator shard owns,
 * in the syntax of {@code kubectl -l}: requirements joined by commas, each {@code k=v}, {@code
 * k==v}, {@code k!=v}, {@code k in (a,b)}, {@code k notin (a,b)}, {@code k} or {@code !k}. Parsed
 * here so that a typo stops the operator at startup instead of making every watch fail.
 *
 * @param expression the selector as the API server is given it, each requirement trimmed
 * @param requirements the parsed requirements, all of which a label set must meet
 */
public record ShardSelector(String expression, List<Requirement> requirements) {

  /**
   * One requirement: the label {@code key} with {@code op} ({@code =, !=, in, notin, exists, !}).
   */
  public record Requirement(String key, String op, List<String> values) {
    boolean matches(java.util.Map<String, String> labels) {
      String value = labels.get(key);
      return switch (op) {
        case "=", "==", "in" -> value != null && values.contains(value);
        case "!=", "notin" -> value == null || !values.contains(value);
        case "!" -> value == null;
        default -> value != null;
      };
    }
  }

  public ShardSelector {
    requirements = List.copyOf(requirements);
  }

  /** Whether an object with these labels is in the shard. */
  public boolean matches(java.util.Map<String, String> labels) {
    java.util.Map<String, String> l = labels == null ? java.util.Map.of() : labels;
    return requirements.stream().allMatch(r -> r.matches(l));
  }

  private static final String NAME = "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?";
  private static final Pattern PREFIX =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LABEL_NAME = Pattern.compile(NAME);
  private static final Pattern VALUE = Pattern.compile("(" + NAME + ")?");
  private static final Pattern EQUALITY = Pattern.compile("([^=!\\s]+)\\s*(==|!=|=)\\s*(\\S*)");
  private static final Pattern SET = Pattern.compile("(\\S+)\\s+(in|notin)\\s*\\((.*)\\)");
  private static final Pattern EXISTS = Pattern.compile("(!?)\\s*([^\\s=!(),]+)");

  /**
   * @param setting the name of the setting the expression came from, for the message
   * @throws IllegalArgumentException naming {@code setting} and the requirement that is wrong
   */
  public static ShardSelector parse(String setting, String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException(
          setting
              + " is empty: leave it unset to own every "
              + "ConnectionBudget and ScalingPolicy, or give a label selector such as headroom.dev/shard=a");
    }
    List<Requirement> requirements = new ArrayList<>();
    for (String requirement : split(setting, expression)) {
      requirements.add(requirement(setting, expression, requirement.trim()));
    }
    return new ShardSelector(
        String.join(",", requirements.stream().map(ShardSelector::text).toList()), requirements);
  }

  private static String text(Requirement r) {
    return switch (r.op()) {
      case "in", "notin" -> r.key() + " " + r.op() + " (" + String.join(",", r.values()) + ")";
      case "!" -> "!" + r.key();
      case "exists" -> r.key();
      default -> r.key() + r.op() + r.values().get(0);
    };
  }

  /** Splits at the commas outside parentheses. */
  private static List<String> split(String setting, String expression) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (depth < 0 || depth > 1) {
        throw bad(setting, expression, "unbalanced parentheses");
      }
      if (c == ',' && depth == 0) {
        parts.add(expression.substring(start, i));
        start = i + 1;
      }
    }
    if (depth != 0) {
      throw bad(setting, expression, "unbalanced parentheses");
    }
    parts.add(expression.substring(start));
    return parts;
  }

  private static Requirement requirement(String setting, String expression, String requirement) {
    if (requirement.isEmpty()) {
      throw bad(
          setting, expression, "an empty requirement (two commas in a row, or one at an end)");
    }
    Matcher m = SET.matcher(requirement);
    if (m.matches()) {
      key(setting, expression, m.group(1));
      if (m.group(3).isBlank()) {
        throw bad(setting, expression, "'" + requirement + "' lists no values");
      }
      List<String> values = new ArrayList<>();
      for (String v : m.group(3).split(",", -1)) {
        values.add(value(setting, expression, v.trim()));
      }
      return new Requirement(m.group(1), m.group(2), values);
    }
    m = EQUALITY.matcher(requirement);
    if (m.matches()) {
      key(setting, expression, m.group(1));
      return new Requirement(
          m.group(1), m.group(2), List.of(value(setting, expression, m.group(3))));
    }
    m = EXISTS.matcher(requirement);
    if (m.matches()) {
      key(setting, expression, m.group(2));
      return new Requirement(m.group(2), m.group(1).isEmpty() ? "exists" : "!", List.of());
    }
    throw bad(
        setting,
        expression,
        "'" + requirement + "' is not k=v, k!=v, k in (a,b), k notin (a,b), k or !k");
  }

  private static void key(String setting, String expression, String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      if (prefix.length() > 253 || !PREFIX.matcher(prefix).matches()) {
        throw bad(
            setting, expression, "the label key prefix '" + prefix + "' is not a DNS subdomain");
      }
    }
    if (!LABEL_NAME.matcher(name).matches()) {
      throw bad(
          setting,
          expression,
          "the label key '"
              + key
              + "' is not a valid label name"
              + " (at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric)");
    }
  }

  private static String value(String setting, String expression, String value) {
    if (!VALUE.matcher(value).matches()) {
      throw bad(
          setting,
          expression,
          "the label value '"
              + value
              + "' is not valid"
              + " (at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric)");
    }
    return value;
  }

  private static IllegalArgumentException bad(String setting, String expression, String why) {
    return new IllegalArgumentException(
        setting + " is '" + expression + "', not a label selector: " + why);
  }

  @Override
  public String toString() {
    return expression;
  }
}
