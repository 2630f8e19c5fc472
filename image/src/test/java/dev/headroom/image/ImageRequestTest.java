package dev.headroom.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRequestTest {

  private static final List<String> ALL =
      List.of(
          "--quarkus-app=/q",
          "--work-dir=/w",
          "--tar=/t.tar",
          "--image=r/o:1",
          "--version=1",
          "--revision=abc",
          "--source=https://s");

  @Test
  void readsEveryOptionAndDefaultsTheJdkToTheRunningOne() {
    ImageRequest r = ImageRequest.parse(ALL.toArray(String[]::new));

    assertThat(r)
        .isEqualTo(
            new ImageRequest(
                Path.of("/q"),
                Path.of("/w"),
                Path.of("/t.tar"),
                "r/o:1",
                "1",
                "abc",
                "https://s",
                Path.of(System.getProperty("java.home"))));
  }

  @ParameterizedTest(name = "without --{0}")
  @ValueSource(
      strings = {"quarkus-app", "work-dir", "tar", "image", "version", "revision", "source"})
  void refusesAMissingOption(String name) {
    List<String> args = new ArrayList<>(ALL);
    args.removeIf(a -> a.startsWith("--" + name + "="));

    assertThatThrownBy(() -> ImageRequest.parse(args.toArray(String[]::new)))
        .hasMessage("missing --" + name + "=...");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--colour=red | unknown option --colour",
        "tar=/t       | expected --name=value, got 'tar=/t'",
        "--tar        | expected --name=value, got '--tar'"
      })
  void refusesWhatItDoesNotKnow(String bad, String message) {
    List<String> args = new ArrayList<>(ALL);
    args.add(bad);

    assertThatThrownBy(() -> ImageRequest.parse(args.toArray(String[]::new)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
