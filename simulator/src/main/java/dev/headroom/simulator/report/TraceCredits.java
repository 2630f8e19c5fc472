package dev.headroom.simulator.report;

import java.util.Optional;

/** Where the shared traces come from, credited wherever their numbers are shown. */
public final class TraceCredits {

  private TraceCredits() {}

  public static Optional<String> forSource(String source) {
    String name = source.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    if (name.startsWith("azure-functions-8h")) {
      return Optional.of(
          "Azure Functions invocations per minute, 500 sampled functions, 8 hours"
              + " (minutes 480-959 of one trace day; nominal date 2019-07-01): Microsoft"
              + " AzurePublicDataset, Azure Functions Trace 2019, CC-BY 4.0 (Shahrad et al., \"Serverless"
              + " in the Wild\", USENIX ATC 2020); sample from vhive-serverless/invitro (MIT).");
    }
    if (name.startsWith("wc98")) {
      return Optional.of(
          "1998 FIFA World Cup web site, requests per minute, 30 Apr - 26 Jul 1998:"
              + " Internet Traffic Archive, M. Arlitt and T. Jin, \"1998 World Cup Web Site Access"
              + " Logs\" (HP Labs); per-minute counts from nimamahmoudi/worldcup98-dataset (MIT).");
    }
    if (name.startsWith("wikipedia-2022")) {
      return Optional.of(
          "Wikipedia page views per hour, all Wikimedia projects, 1 Sep - 31 Dec"
              + " 2022: Wikimedia Foundation projectviews dumps; hourly series from"
              + " workloadPatterns/characterizing_workload_patterns (MIT).");
    }
    return Optional.empty();
  }
}
