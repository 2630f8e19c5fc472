package dev.headroom.operator.prometheus;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A response body as the buffers it arrived in, read as one stream without first joining them into
 * one array (for an answer of 10,000 series, 1.5 MiB more to allocate and copy twice a second).
 */
record ResponseBody(List<byte[]> chunks, long length) {

  ResponseBody {
    chunks = List.copyOf(chunks);
  }

  boolean isEmpty() {
    return length == 0;
  }

  /** The body from its first byte; every call starts again. */
  InputStream stream() {
    List<InputStream> parts = new ArrayList<>(chunks.size());
    for (byte[] chunk : chunks) {
      parts.add(new ByteArrayInputStream(chunk));
    }
    return new SequenceInputStream(Collections.enumeration(parts));
  }
}
