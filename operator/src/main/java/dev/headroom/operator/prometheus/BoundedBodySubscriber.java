package dev.headroom.operator.prometheus;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory but never more than a limit: a declared Content-Length above
 * the limit is refused before any byte is read, and a body without one is cut off (and the
 * connection dropped) as soon as it passes the limit.
 *
 * <p>Each buffer the client hands over is copied once and kept as it came ({@link ResponseBody}): a
 * growing {@code ByteArrayOutputStream} copied a 1.5 MiB answer of 10,000 series about four times,
 * twice a second.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<ResponseBody> {

  /** Signals that a body passed the limit; mapped to {@link PrometheusException.TooLarge}. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
      super("response body larger than " + limit + " bytes");
    }
  }

  private final long limit;
  private final long declaredLength;
  private final List<byte[]> chunks = new ArrayList<>();
  private final CompletableFuture<ResponseBody> body = new CompletableFuture<>();
  private Flow.Subscription subscription;
  private long received;

  /**
   * @param limit most bytes accepted
   * @param declaredLength the Content-Length header, or -1 when absent
   */
  BoundedBodySubscriber(long limit, long declaredLength) {
    this.limit = limit;
    this.declaredLength = declaredLength;
  }

  static HttpResponse.BodyHandler<ResponseBody> handler(long limit) {
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
      chunks.add(chunk);
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable failure) {
    body.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    body.complete(new ResponseBody(chunks, received));
  }

  @Override
  public CompletionStage<ResponseBody> getBody() {
    return body;
  }

  private void refuse() {
    subscription.cancel();
    body.completeExceptionally(new BodyTooLargeException(limit));
  }
}
