package io.github.jyoutube.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The executor of a JDK {@code HttpServer} that slow or idle clients cannot starve.
 *
 * <p>The JDK server waits for a connection's first byte on its dispatcher thread, then hands the
 * connection to its executor, whose thread reads the request line and headers (blocking, with no
 * deadline of its own), then runs the handler. So a client that sends half a request, or one byte a
 * second, holds an executor thread for as long as it likes, and the handler never sees the request
 * that matters. This executor:
 *
 * <ul>
 *   <li>holds each exchange to a deadline for reading its request (from its first byte to the end
 *       of its body, marked by {@link #requestRead()}) and another for writing its answer ({@link
 *       #answering()} to {@link #answered()}); past it, the thread is interrupted, which closes the
 *       connection's channel, and the server drops the connection;
 *   <li>when every thread is busy and a request waits, drops the connection that has been sending
 *       its request the longest (if it has for at least {@link #GRACE}), and gives the thread to
 *       the request that came last: slow clients pile up at the bottom of the queue, so that a
 *       request that arrives whole is answered within a fraction of a second however many slow
 *       clients there are;
 *   <li>never runs an exchange on the caller (the server's dispatcher thread): when even the queue
 *       is full, it refuses, and the server closes that connection.
 * </ul>
 *
 * <p>The handler itself runs without a deadline. Connections that send nothing cost no thread: the
 * server keeps them on its selector and closes them when idle.
 *
 * <p>Internal: shared by the library's push receiver and the command-line tool's sign-in receiver.
 */
public final class SlowClientGuard implements Executor, AutoCloseable {

  /** How long a request may be in the reading before it can be dropped to make room. */
  public static final Duration GRACE = Duration.ofMillis(200);

  private static final int QUEUE = 1024;
  private static final long SWEEP_MILLIS = 50;
  private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

  private enum Phase {
    READING,
    HANDLING,
    WRITING,
    DONE,
    EXPIRED
  }

  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService sweeper;
  private final long timeoutNanos;
  private final Set<Exchange> running = ConcurrentHashMap.newKeySet();

  /**
   * Starts the guard's threads.
   *
   * @param name the threads' name prefix
   * @param threads the most exchanges run at once
   * @param timeout how long a client may take to send its request, and to take the answer
   */
  public SlowClientGuard(String name, int threads, Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new NewestFirst(QUEUE),
            Daemons.numbered(name + "-"),
            new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(task -> Daemons.thread(task, name + "-timer"));
    sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Runs one exchange of the server.
   *
   * @throws java.util.concurrent.RejectedExecutionException when every thread is busy and the queue
   *     is full, or after {@link #close()}: the server then closes the connection
   */
  @Override
  public void execute(Runnable exchange) {
    pool.execute(new Exchange(exchange));
  }

  /**
   * Called by the handler once the request, body included, is read: the handler runs without a
   * deadline from now on.
   *
   * @return {@code false} if the deadline passed already (the connection is closed; give up)
   */
  public static boolean requestRead() {
    Exchange e = CURRENT.get();
    return e == null || e.move(Phase.READING, Phase.HANDLING);
  }

  /** Called by the handler before it writes the answer: the writing has a deadline. */
  public static void answering() {
    Exchange e = CURRENT.get();
    if (e != null) {
      e.move(Phase.HANDLING, Phase.WRITING);
    }
  }

  /** Called by the handler once the answer is written. */
  public static void answered() {
    Exchange e = CURRENT.get();
    if (e != null) {
      e.move(Phase.WRITING, Phase.DONE);
    }
  }

  /** Drops late exchanges, and makes room for waiting ones. */
  private void sweep() {
    long now = System.nanoTime();
    int expiredRunning = 0;
    List<Exchange> readers = new ArrayList<>();
    for (Exchange e : running) {
      e.expireIfLate(now, timeoutNanos);
      Phase phase = e.phase();
      if (phase == Phase.EXPIRED) {
        expiredRunning++;
      } else if (phase == Phase.READING && now - e.since() >= GRACE.toNanos()) {
        readers.add(e);
      }
    }
    // Each waiting exchange gets the thread of the longest reader; those dropped already but not
    // yet gone will free theirs.
    int room = pool.getQueue().size() - expiredRunning;
    if (room > 0 && !readers.isEmpty()) {
      readers.sort(Comparator.comparingLong(Exchange::since));
      for (int i = 0; i < Math.min(room, readers.size()); i++) {
        readers.get(i).expire(Phase.READING);
      }
    }
  }

  /** Stops the threads; exchanges still running are interrupted. */
  @Override
  public void close() {
    sweeper.shutdownNow();
    pool.shutdownNow();
  }

  /** A bounded queue that hands out the newest task first. */
  private static final class NewestFirst extends LinkedBlockingDeque<Runnable> {
    private static final long serialVersionUID = 1L;

    NewestFirst(int capacity) {
      super(capacity);
    }

    @Override
    public boolean offer(Runnable task) {
      return offerFirst(task);
    }

    @Override
    public boolean offer(Runnable task, long timeout, TimeUnit unit) throws InterruptedException {
      return offerFirst(task, timeout, unit);
    }

    @Override
    public void put(Runnable task) throws InterruptedException {
      putFirst(task);
    }

    @Override
    public boolean add(Runnable task) {
      addFirst(task);
      return true;
    }
  }

  /** One exchange: its phase, since when, and the thread that runs it. */
  private final class Exchange implements Runnable {
    private final Runnable task;
    private Thread thread;
    private Phase phase;
    private long since;

    Exchange(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      synchronized (this) {
        thread = Thread.currentThread();
        phase = Phase.READING;
        since = System.nanoTime();
      }
      running.add(this);
      CURRENT.set(this);
      try {
        task.run();
      } finally {
        synchronized (this) {
          phase = Phase.DONE;
        }
        running.remove(this);
        CURRENT.remove();
        // An interrupt that came as the exchange ended must not reach the next one.
        Thread.interrupted();
      }
    }

    synchronized Phase phase() {
      return phase;
    }

    synchronized long since() {
      return since;
    }

    synchronized boolean move(Phase from, Phase to) {
      if (phase != from) {
        return false;
      }
      phase = to;
      since = System.nanoTime();
      return true;
    }

    synchronized void expireIfLate(long now, long timeout) {
      if ((phase == Phase.READING || phase == Phase.WRITING) && now - since >= timeout) {
        expire(phase);
      }
    }

    /**
     * Interrupts the thread if the exchange is still in {@code expected}: a blocked channel read or
     * write then fails, and the server closes the connection. Under the lock, so the interrupt
     * cannot reach the thread once this exchange is over.
     */
    synchronized void expire(Phase expected) {
      if (phase == expected) {
        phase = Phase.EXPIRED;
        thread.interrupt();
      }
    }
  }
}
