package dev.headroom.operator.status;

/** Engine enum constants as the API shows them: {@code RATE_POLICY} → {@code RatePolicy}. */
public final class ApiNames {

  private ApiNames() {}

  public static String of(Enum<?> value) {
    StringBuilder out = new StringBuilder();
    for (String part : value.name().split("_")) {
      out.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return out.toString();
  }
}
