package dev.headroom.simulator.cli;

import dev.headroom.simulator.input.ManifestReader;
import dev.headroom.simulator.input.Manifests;
import dev.headroom.simulator.input.Trace;
import dev.headroom.simulator.input.TraceReader;
import dev.headroom.simulator.sim.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code headroom simulate} runs without arguments: the policy and budget of {@code
 * example/example.yaml} on the bundled 8-hour Azure Functions trace (see {@code example/NOTICE.md}
 * for its source and licence).
 */
public final class EmbeddedExample {

  static final String BASE = "/dev/headroom/simulator/";
  static final String TRACE = "azure-functions-8h-minute.csv";

  private EmbeddedExample() {}

  public static Scenario scenario() {
    return bundled(
        "built-in example (Azure Functions 2019, 8 h)", "example/example.yaml", bundledTrace());
  }

  /** The bundled copy of the shared Azure Functions trace. */
  public static Trace bundledTrace() {
    try (InputStream in = open("traces/" + TRACE)) {
      return new TraceReader()
          .read(TRACE + " (bundled)", new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A scenario from a bundled YAML resource, every policy driven by {@code trace}. */
  static Scenario bundled(String title, String resource, Trace trace) {
    String yaml;
    try (InputStream in = open(resource)) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Manifests manifests = new ManifestReader().read(resource + " (bundled)", yaml);
    return Scenario.assemble(title, manifests, Map.of(), Optional.of(trace));
  }

  static InputStream open(String resource) {
    InputStream in = EmbeddedExample.class.getResourceAsStream(BASE + resource);
    if (in == null) {
      throw new IllegalStateException("bundled resource missing: " + resource);
    }
    return in;
  }
}
