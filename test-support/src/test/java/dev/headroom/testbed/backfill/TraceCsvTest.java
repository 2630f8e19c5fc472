package dev.headroom.testbed.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceCsvTest {

  @TempDir Path dir;

  @Test
  void readsColumnsByHeaderName() throws IOException {
    Path csv = dir.resolve("t.csv");
    Files.writeString(
        csv, "requests,timestamp\n5,1970-01-01T00:01:00Z\n\n7.5,1970-01-01T00:02:00Z\n");
    assertThat(TraceCsv.read(csv)).containsExactly(new TracePoint(60, 5), new TracePoint(120, 7.5));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no requests column | timestamp,count\\n1970-01-01T00:00:00Z,1 | must name the columns",
        "bad timestamp      | timestamp,requests\\n1970-01-01,1       | line 2: timestamp '1970-01-01'",
        "bad number         | timestamp,requests\\n1970-01-01T00:00:00Z,x | line 2: requests 'x'",
        "short row          | timestamp,requests\\n1970-01-01T00:00:00Z | line 2: 1 cells",
      })
  void badFilesAreRefusedWithTheLine(String name, String content, String reason)
      throws IOException {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, content.replace("\\n", "\n"));
    assertThatThrownBy(() -> TraceCsv.read(csv))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> TraceCsv.read(dir.resolve("absent.csv")))
        .hasMessageContaining("absent.csv not found");
  }
}
