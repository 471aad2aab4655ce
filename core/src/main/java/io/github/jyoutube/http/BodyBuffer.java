package io.github.jyoutube.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A response body held in memory while it arrives or inflates, within two bounds: the client's
 * limit on one answer ({@code maxResponseBytes}, on inflated bytes), and a budget shared by every
 * body in the JVM, half of the heap, so that many large answers at once fail with a typed error
 * instead of an {@link OutOfMemoryError}.
 *
 * <p>Memory follows the bytes received, not what the server claims: blocks of at most {@value
 * #MAX_BLOCK} bytes are added as the body grows (small enough for the garbage collector to place
 * anywhere), and joined into one array at the end. The one exception is a first block the caller
 * sizes, as from a {@code Content-Length} within the limit, so that a body of known length is held
 * once, not twice. Every block and the final array are reserved from the budget before they are
 * allocated; an allocation the heap still refuses becomes a {@link
 * HttpTransport.ResponseTooLargeException} too.
 *
 * <p>{@link #release()} returns the reservations; it may be called from another thread (a deadline
 * that expires), after which nothing more is held. The array {@link #toArray()} returns belongs to
 * the caller once the buffer is released.
 */
final class BodyBuffer {

  /** The largest block added as a body grows: under G1's threshold for humongous objects. */
  static final int MAX_BLOCK = 256 * 1024;

  private static final int MIN_BLOCK = 8 * 1024;
  private static final byte[] EMPTY = new byte[0];

  private final long limit;
  private byte[][] blocks = new byte[4][];
  private int count;
  private byte[] current;
  private int position;
  private long size;
  private long capacity;
  private long reserved;
  private boolean released;

  /**
   * Creates the buffer, allocating its first block now.
   *
   * @param limit the largest body accepted, in bytes
   * @param firstBlock the first block's size (0 for none yet); at most {@code limit + 1}
   * @throws IOException if the budget or the heap cannot hold the first block
   */
  BodyBuffer(long limit, long firstBlock) throws IOException {
    this.limit = limit;
    if (firstBlock > 0) {
      addBlock((int) Math.min(firstBlock, Math.min(limit + 1, Integer.MAX_VALUE - 8)));
    }
  }

  /** The bytes written so far. */
  synchronized long size() {
    return size;
  }

  /**
   * Reserves budget for {@code bytes} held alongside this body until {@link #release()}, such as
   * the compressed body while it inflates.
   */
  synchronized void hold(long bytes) throws IOException {
    checkOpen();
    Budget.reserve(reserved, bytes);
    reserved += bytes;
  }

  /** Appends the remaining bytes of {@code source}. */
  synchronized void write(ByteBuffer source) throws IOException {
    while (source.hasRemaining()) {
      room(source.remaining());
      int n = Math.min(source.remaining(), current.length - position);
      source.get(current, position, n);
      advance(n);
    }
  }

  /** Appends {@code length} bytes of {@code source} from {@code offset}. */
  synchronized void write(byte[] source, int offset, int length) throws IOException {
    while (length > 0) {
      room(length);
      int n = Math.min(length, current.length - position);
      System.arraycopy(source, offset, current, position, n);
      offset += n;
      length -= n;
      advance(n);
    }
  }

  /**
   * The block to write into directly (from {@link #roomOffset()} to its end), with at least one
   * free byte; a new block is added when the last is full. Call {@link #advance} with what was
   * written.
   */
  synchronized byte[] room() throws IOException {
    return room(MIN_BLOCK);
  }

  /**
   * {@link #room()}, a new block being at least {@code wanted} bytes (and at least the size so far,
   * so blocks double) up to {@value #MAX_BLOCK}: a body that arrives in one piece fills one block
   * exactly and is not copied again.
   */
  private byte[] room(int wanted) throws IOException {
    checkOpen();
    if (current == null || position == current.length) {
      long next = Math.min(Math.max(size, wanted), MAX_BLOCK);
      addBlock((int) Math.min(next, limit + 1 - capacity));
    }
    return current;
  }

  /** Where the free part of {@link #room()} begins. */
  synchronized int roomOffset() {
    return position;
  }

  /**
   * Counts {@code n} bytes written into {@link #room()}.
   *
   * @throws HttpTransport.ResponseTooLargeException once the body passes the limit
   */
  synchronized void advance(int n) throws IOException {
    position += n;
    size += n;
    if (size > limit) {
      throw new HttpTransport.ResponseTooLargeException(limit);
    }
  }

  /**
   * The whole body as one array: the only block when it is exactly full, else a copy (reserved from
   * the budget like the blocks).
   */
  synchronized byte[] toArray() throws IOException {
    checkOpen();
    if (size == 0) {
      return EMPTY;
    }
    if (count == 1 && position == current.length) {
      return current;
    }
    byte[] whole = allocate((int) size);
    int at = 0;
    for (int i = 0; i < count; i++) {
      int n = (int) Math.min(blocks[i].length, size - at);
      System.arraycopy(blocks[i], 0, whole, at, n);
      at += n;
    }
    return whole;
  }

  /** Drops the blocks and returns every reservation; idempotent. */
  synchronized void release() {
    if (released) {
      return;
    }
    released = true;
    Budget.release(reserved);
    reserved = 0;
    Arrays.fill(blocks, null);
    current = null;
  }

  private void checkOpen() throws IOException {
    if (released) {
      throw new IOException("response body already released");
    }
  }

  private void addBlock(int length) throws IOException {
    byte[] block = allocate(length);
    if (count == blocks.length) {
      blocks = Arrays.copyOf(blocks, count * 2);
    }
    blocks[count++] = block;
    current = block;
    position = 0;
    capacity += length;
  }

  private byte[] allocate(int length) throws IOException {
    Budget.reserve(reserved, length);
    reserved += length;
    try {
      return new byte[length];
    } catch (OutOfMemoryError e) {
      // A large array the heap could not place even within the budget (the rest of the program
      // holds the heap): this answer is refused, the program goes on.
      Budget.release(length);
      reserved -= length;
      throw new HttpTransport.ResponseTooLargeException(
          "no room left in the heap for a response body of "
              + (size + length)
              + " bytes (maxResponseBytes is "
              + limit
              + "); refused");
    }
  }

  /**
   * What response bodies may hold at once in this JVM: half of the heap. A body that alone needs
   * more is refused for good; one that finds the budget taken by others fails with {@link
   * BudgetExceededException}, which the client retries after a backoff. Decoding a large answer
   * takes its share too ({@link #await}), waiting for room instead: it holds nothing while it
   * waits, so waiting cannot deadlock.
   */
  static final class Budget {
    static final long CAPACITY = Math.max(8L << 20, Runtime.getRuntime().maxMemory() / 2);
    private static final AtomicLong RESERVED = new AtomicLong();
    private static final AtomicInteger WAITERS = new AtomicInteger();
    private static final Object LOCK = new Object();

    private Budget() {}

    /** Reserves {@code bytes} for a body that holds {@code mine} already, or fails at once. */
    static void reserve(long mine, long bytes) throws IOException {
      if (mine + bytes > CAPACITY) {
        throw tooLarge(mine + bytes);
      }
      if (!tryReserve(bytes)) {
        throw new BudgetExceededException(RESERVED.get(), bytes);
      }
    }

    /**
     * Reserves {@code bytes}, waiting up to {@code timeoutNanos} for others to release room.
     *
     * @return whether it was reserved; {@code false} if the wait timed out
     * @throws HttpTransport.ResponseTooLargeException if {@code bytes} alone pass the budget
     */
    static boolean await(long bytes, long timeoutNanos) throws IOException, InterruptedException {
      if (bytes > CAPACITY) {
        throw tooLarge(bytes);
      }
      if (tryReserve(bytes)) {
        return true;
      }
      long deadline = System.nanoTime() + timeoutNanos;
      synchronized (LOCK) {
        WAITERS.incrementAndGet();
        try {
          while (!tryReserve(bytes)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
              return false;
            }
            TimeUnit.NANOSECONDS.timedWait(LOCK, left);
          }
          return true;
        } finally {
          WAITERS.decrementAndGet();
        }
      }
    }

    static void release(long bytes) {
      if (bytes == 0) {
        return;
      }
      RESERVED.addAndGet(-bytes);
      if (WAITERS.get() > 0) {
        synchronized (LOCK) {
          LOCK.notifyAll();
        }
      }
    }

    /** What is reserved now. */
    static long reserved() {
      return RESERVED.get();
    }

    private static boolean tryReserve(long bytes) {
      while (true) {
        long now = RESERVED.get();
        if (now + bytes > CAPACITY) {
          return false;
        }
        if (RESERVED.compareAndSet(now, now + bytes)) {
          return true;
        }
      }
    }

    private static HttpTransport.ResponseTooLargeException tooLarge(long bytes) {
      return new HttpTransport.ResponseTooLargeException(
          "response body needs "
              + bytes
              + " bytes held at once, more than the "
              + CAPACITY
              + " response bodies may use (half of the heap); refused");
    }
  }

  /** The response bodies held by other calls leave no room for this one now; it may fit later. */
  static final class BudgetExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    BudgetExceededException(long held, long wanted) {
      super(
          "response bodies in memory hold "
              + held
              + " bytes; "
              + wanted
              + " more would pass "
              + Budget.CAPACITY
              + " bytes, half of the heap; refused for now");
    }
  }
}
