package dev.headroom.operator.prometheus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory but never more than a limit: a declared Content-Length above
 * the limit is refused before any byte is read, and a body without one is cut off (and the
 * connection dropped) as soon as it passes the limit.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

  /** Signals that a body passed the limit; mapped to {@link PrometheusException.TooLarge}. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
      super("response body larger than " + limit + " bytes");
    }
  }

  private final long limit;
  private final long declaredLength;
  private final ByteArrayOutputStream buffer;
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private Flow.Subscription subscription;
  private long received;

  /**
   * @param limit most bytes accepted
   * @param declaredLength the Content-Length header, or -1 when absent
   */
  BoundedBodySubscriber(long limit, long declaredLength) {
    this.limit = limit;
    this.declaredLength = declaredLength;
    long expected = declaredLength >= 0 ? declaredLength : 8192;
    this.buffer = new ByteArrayOutputStream((int) Math.min(Math.min(expected, limit), 1 << 20));
  }

  static HttpResponse.BodyHandler<byte[]> handler(long limit) {
    return info ->
        new BoundedBodySubscriber(
            limit, info.headers().firstValueAsLong("Content-Length").orElse(-1));
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (declaredLength > limit) {
      refuse();
      return;
    }
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (body.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      received += item.remaining();
      if (received > limit) {
        refuse();
        return;
      }
      byte[] chunk = new byte[item.remaining()];
      item.get(chunk);
      buffer.write(chunk, 0, chunk.length);
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable failure) {
    body.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    body.complete(buffer.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  private void refuse() {
    subscription.cancel();
    body.completeExceptionally(new BodyTooLargeException(limit));
  }
}
