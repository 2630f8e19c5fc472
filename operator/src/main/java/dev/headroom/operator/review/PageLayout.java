package dev.headroom.operator.review;

/** The frame every page shares: a title, a few lines of CSS, no script and nothing fetched. */
final class PageLayout {

  private static final String CSS =
      """
      body{font:14px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:20px 28px;color:#222}
      h1{font-size:20px;margin:0 0 4px} h2{font-size:16px;margin:22px 0 6px}
      .sub{color:#666;margin-bottom:12px} a{color:#1f5fa8;text-decoration:none}
      table{border-collapse:collapse;margin:6px 0} th,td{border-bottom:1px solid #ddd;padding:3px 10px;text-align:left;vertical-align:top}
      th{background:#f4f6f8;font-weight:600} td.n{text-align:right;font-variant-numeric:tabular-nums}
      svg.chart{display:block;margin:6px 0;font:11px system-ui,sans-serif;fill:#333}
      svg .chart-title{font-weight:600;font-size:12px}
      .true{color:#b03a2e;font-weight:600} .ok{color:#1e8449} .muted{color:#777}
      ul.reasons{margin:2px 0 2px 18px;padding:0}
      """;

  private PageLayout() {}

  static String page(String title, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + Html.escape(title)
        + " · Headroom</title><style>"
        + CSS
        + "</style></head><body>"
        + "<div class=\"sub\"><a href=\"/headroom\">Headroom</a> · read-only decision timeline</div>"
        + body
        + "</body></html>";
  }
}
