package io.github.jyoutube.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read as a stream, whose waits are bounded: the JDK's own input stream waits for
 * the next bytes for ever, and its request timeout stops at the headers.
 *
 * <p>Two rules, chosen when the headers arrive. A body held to a <em>deadline</em> (an error
 * answer, read whole) fails once the deadline passes. A <em>flowing</em> body (a download, which
 * may rightly take longer than any deadline) fails when its reader has waited {@code window} in all
 * for fewer than {@value #MIN_PROGRESS_BYTES} bytes: a body that stops, and one that trickles a
 * byte at a time, both fail after about {@code window}; one that keeps flowing is never cut. Time
 * the reader spends elsewhere (writing to a slow disk) is not counted.
 *
 * <p>At most one list of buffers is requested ahead of the reader, so the body in memory stays
 * small whatever its size.
 */
final class TimedBodyStream extends InputStream
    implements HttpResponse.BodySubscriber<TimedBodyStream> {

  /** What a flowing body must bring within a window of waiting to count as progress. */
  static final int MIN_PROGRESS_BYTES = 1024;

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final CompletableFuture<TimedBodyStream> body = CompletableFuture.completedFuture(this);
  private final long deadlineNanos;
  private final long windowNanos;
  private final Duration limit;
  private volatile Flow.Subscription subscription;
  private volatile boolean closed;
  private Iterator<ByteBuffer> lists = List.<ByteBuffer>of().iterator();
  private ByteBuffer buffer;
  private boolean requested = true; // onSubscribe asks for the first list
  private boolean ended;
  private IOException failure;
  private long waitedNanos;
  private long bytesSinceProgress;

  private TimedBodyStream(long deadlineNanos, long windowNanos, Duration limit) {
    this.deadlineNanos = deadlineNanos;
    this.windowNanos = windowNanos;
    this.limit = limit;
  }

  /** A body that must be complete by {@code deadlineNanos} ({@link System#nanoTime()}). */
  static TimedBodyStream withDeadline(long deadlineNanos, Duration timeout) {
    return new TimedBodyStream(deadlineNanos, 0, timeout);
  }

  /** A body that may take any time while it flows, and fails after {@code window} of stalling. */
  static TimedBodyStream flowing(Duration window) {
    return new TimedBodyStream(0, window.toNanos(), window);
  }

  // ---- BodySubscriber: runs on the HTTP client's threads ---------------------------------------

  @Override
  public CompletionStage<TimedBodyStream> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (closed) {
      subscription.cancel();
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    queue.add(item);
  }

  @Override
  public void onError(Throwable throwable) {
    queue.add(throwable);
  }

  @Override
  public void onComplete() {
    queue.add(END);
  }

  // ---- InputStream: runs on the caller's thread ------------------------------------------------

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
    if (closed) {
      throw new IOException("response body stream closed");
    }
    if (length == 0) {
      return 0;
    }
    while (buffer == null || !buffer.hasRemaining()) {
      if (!nextBuffer()) {
        return -1;
      }
    }
    int n = Math.min(length, buffer.remaining());
    buffer.get(bytes, offset, n);
    return n;
  }

  @Override
  public int available() {
    return buffer == null ? 0 : buffer.remaining();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Flow.Subscription s = subscription;
    if (s != null && !ended) {
      s.cancel();
    }
    queue.clear();
  }

  private boolean nextBuffer() throws IOException {
    if (lists.hasNext()) {
      buffer = lists.next();
      return true;
    }
    if (failure != null) {
      throw failure;
    }
    if (ended) {
      return false;
    }
    if (!requested) {
      requested = true;
      subscription.request(1);
    }
    Object item = queue.poll();
    while (item == null) {
      long wait = waitLeft();
      if (wait <= 0) {
        throw fail(timedOut());
      }
      long started = System.nanoTime();
      try {
        item = queue.poll(wait, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw fail(new InterruptedIOException("interrupted while reading the response body"));
      }
      waitedNanos += System.nanoTime() - started;
    }
    requested = false;
    if (item == END) {
      ended = true;
      return false;
    }
    if (item instanceof Throwable t) {
      ended = true;
      failure = t instanceof IOException io ? io : new IOException(t.getMessage(), t);
      throw failure;
    }
    @SuppressWarnings("unchecked")
    List<ByteBuffer> list = (List<ByteBuffer>) item;
    for (ByteBuffer b : list) {
      bytesSinceProgress += b.remaining();
    }
    if (bytesSinceProgress >= MIN_PROGRESS_BYTES) {
      bytesSinceProgress = 0;
      waitedNanos = 0;
    }
    lists = list.iterator();
    buffer = null;
    return true;
  }

  /** How long the reader may still wait for the next bytes. */
  private long waitLeft() {
    return windowNanos > 0 ? windowNanos - waitedNanos : deadlineNanos - System.nanoTime();
  }

  private HttpTimeoutException timedOut() {
    long millis = limit.toMillis();
    return new HttpTimeoutException(
        windowNanos > 0
            ? "response body stalled: fewer than "
                + MIN_PROGRESS_BYTES
                + " bytes came in "
                + millis
                + " ms of waiting (the request timeout)"
            : "response body not complete within the request timeout (" + millis + " ms)");
  }

  private IOException fail(IOException e) {
    failure = e;
    ended = true;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    queue.clear();
    return e;
  }
}
