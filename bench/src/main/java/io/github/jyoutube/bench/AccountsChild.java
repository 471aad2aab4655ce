package io.github.jyoutube.bench;

import io.github.jyoutube.Endpoints;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.auth.AccessToken;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * One way of {@link AccountsBenchmark} in its own JVM: {@code views} (one client, {@code
 * forAccount} per account), {@code clients} (a client per account, built while the process's file
 * descriptors allow: each holds its own selector and connections) or {@code shared} (one client and
 * one token for every call: the ceiling of this setup). Measures the heap, threads and file
 * descriptors they hold, the time for every one of them to make its first call, then the calls per
 * second of the threads cycling over them; prints one line.
 */
public final class AccountsChild {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** File descriptors left free for the JVM and the calls' sockets. */
  private static final int FD_RESERVE = 500;

  private AccountsChild() {}

  public static void main(String[] args) throws Exception {
    String way = args[0];
    int accounts = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    Endpoints endpoints = Endpoints.at(URI.create(args[4]));
    List<String> tokens = Files.readAllLines(Path.of(args[5]), StandardCharsets.UTF_8);
    AtomicLong failures = new AtomicLong();

    // Class loading and the library's first-use state, outside the figures.
    try (YouTubeClient warm = client(endpoints, tokens.get(0))) {
      call(warm, failures);
    }
    YouTubeClient parent =
        way.equals("views")
            ? YouTubeClient.builder()
                .endpoints(endpoints)
                .clientId("bench")
                .clientSecret("bench")
                .build()
            : null;
    Figures before = Figures.now();

    long buildStarted = System.nanoTime();
    List<YouTubeClient> clients = new ArrayList<>(accounts);
    String stopped = "";
    switch (way) {
      case "views" -> {
        for (int i = 0; i < accounts; i++) {
          clients.add(parent.forAccount("user-" + i, AccessToken.of(tokens.get(i))));
        }
      }
      case "shared" -> {
        YouTubeClient one = client(endpoints, tokens.get(0));
        for (int i = 0; i < accounts; i++) {
          clients.add(one);
        }
      }
      case "clients" -> {
        long limit = maxOpenFiles();
        int fit = accounts;
        for (int i = 0; i < fit; i++) {
          clients.add(client(endpoints, tokens.get(i)));
          if (i == 99) {
            // Each client holds the descriptors its selector took, and one per connection.
            double each = (openFiles() - before.files()) / 100.0 + 1;
            fit = (int) Math.min(accounts, (limit - FD_RESERVE - before.files()) / each);
            if (fit < accounts) {
              stopped =
                  String.format(
                      " (of %d: %.1f file descriptors each once called, %d allowed)",
                      accounts, each, limit);
            }
          }
        }
      }
      default -> throw new IllegalArgumentException("unknown way " + way);
    }
    long buildMillis = (System.nanoTime() - buildStarted) / 1_000_000;
    Figures built = Figures.now();
    int count = clients.size();

    // Every one makes a call: one pass over all, shared by the threads.
    AtomicInteger next = new AtomicInteger();
    long passStarted = System.nanoTime();
    run(
        threads,
        () -> {
          for (int i; (i = next.getAndIncrement()) < count; ) {
            call(clients.get(i), failures);
          }
        });
    long passMillis = (System.nanoTime() - passStarted) / 1_000_000;
    Figures called = Figures.now();

    // Then the threads cycle over all of them for the measured time.
    AtomicLong calls = new AtomicLong();
    AtomicInteger cursor = new AtomicInteger();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long measuredStarted = System.nanoTime();
    run(
        threads,
        () -> {
          while (System.nanoTime() < end) {
            call(clients.get(Math.floorMod(cursor.getAndIncrement(), count)), failures);
            calls.incrementAndGet();
          }
        });
    double elapsed = (System.nanoTime() - measuredStarted) / 1e9;

    System.out.printf(
        "%s: %d built in %d ms%s; heap %.1f MiB, %.0f B each; after every one called once (%d ms"
            + " for the pass): %.1f MiB, %.0f B each; threads %d -> %d -> %d; file descriptors"
            + " %d -> %d -> %d; then %.0f calls/s (%d in %.1f s, %d threads); failed calls %d%n",
        way,
        count,
        buildMillis,
        stopped,
        (built.heap() - before.heap()) / 1048576.0,
        (built.heap() - before.heap()) / (double) count,
        passMillis,
        (called.heap() - before.heap()) / 1048576.0,
        (called.heap() - before.heap()) / (double) count,
        before.threads(),
        built.threads(),
        called.threads(),
        before.files(),
        built.files(),
        called.files(),
        calls.get() / elapsed,
        calls.get(),
        elapsed,
        threads,
        failures.get());
    System.out.flush();
    clients.forEach(YouTubeClient::close);
    if (parent != null) {
      parent.close();
    }
    System.exit(0);
  }

  /** The heap in use after collections, the live threads and the open file descriptors. */
  private record Figures(long heap, int threads, long files) {
    static Figures now() throws IOException, InterruptedException {
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(100);
      }
      return new Figures(
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
          THREADS.getThreadCount(),
          openFiles());
    }
  }

  private static YouTubeClient client(Endpoints endpoints, String token) {
    return YouTubeClient.builder().endpoints(endpoints).accessToken(token).build();
  }

  private static void call(YouTubeClient client, AtomicLong failures) {
    try {
      client.channels().list().mine(true).part("id").execute();
    } catch (RuntimeException e) {
      if (failures.incrementAndGet() == 1) {
        System.err.println("first failed call: " + e);
      }
    }
  }

  private static void run(int threads, Runnable work) throws InterruptedException {
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(work, "bench-" + t);
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
  }

  private static long openFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("/proc/self/fd"))) {
      return files.count();
    }
  }

  /** The soft limit of open files ({@code ulimit -n}), from {@code /proc/self/limits}. */
  private static long maxOpenFiles() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
      if (line.startsWith("Max open files")) {
        String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
        return soft.equals("unlimited") ? Long.MAX_VALUE / 2 : Long.parseLong(soft);
      }
    }
    return 1024;
  }
}
