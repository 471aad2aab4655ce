package io.github.jyoutube.emulator.quota;

import io.github.jyoutube.Endpoints;
import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.QuotaLedger;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.error.QuotaBudgetExceededException;
import io.github.jyoutube.error.QuotaExceededException;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistSnippet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client process of {@link SharedQuotaLedgerTest}: {@code THREADS} threads call the emulator
 * through one client, nine {@code videos.list} (1 unit) to one {@code playlists.insert} (50 units),
 * each thread until the budget refuses a 1-unit call or the emulator answers {@code quotaExceeded},
 * at most {@code MAX_CALLS} calls a thread. Prints one line of figures.
 *
 * <p>Arguments: {@code BASE_URI TOKEN LEDGER PROJECT BUDGET THREADS MAX_CALLS}, where {@code
 * LEDGER} is a JDBC URL, or {@code memory} for a ledger of the process's own.
 */
public final class QuotaClientMain {

  private QuotaClientMain() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String token = args[1];
    String ledgerUrl = args[2];
    String project = args[3];
    long budget = Long.parseLong(args[4]);
    int threads = Integer.parseInt(args[5]);
    int maxCalls = Integer.parseInt(args[6]);

    QuotaLedger ledger =
        ledgerUrl.equals("memory") ? QuotaLedger.inMemory() : QuotaLedger.jdbc(ledgerUrl, project);
    YouTubeClient cli =
        YouTubeClient.builder()
            .accessToken(token)
            .endpoints(Endpoints.at(base))
            .quotaLedger(ledger)
            .quotaBudget(QuotaBucket.DEFAULT, budget)
            .build();

    AtomicLong units = new AtomicLong();
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger refusedByBudget = new AtomicInteger();
    AtomicInteger quotaExceeded = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < maxCalls; i++) {
                  boolean insert = (i + thread) % 10 == 0;
                  try {
                    if (insert) {
                      cli.playlists()
                          .insert(
                              Playlist.builder()
                                  .snippet(
                                      PlaylistSnippet.builder()
                                          .title("q" + thread + "-" + i)
                                          .build())
                                  .build())
                          .execute();
                      units.addAndGet(50);
                    } else {
                      cli.videos().list().id("aliceVid001").part("id").execute();
                      units.addAndGet(1);
                    }
                    calls.incrementAndGet();
                  } catch (QuotaBudgetExceededException e) {
                    refusedByBudget.incrementAndGet();
                    if (!insert) {
                      return; // not even one unit left
                    }
                  } catch (QuotaExceededException e) {
                    quotaExceeded.incrementAndGet();
                    return;
                  } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                    return;
                  }
                }
              }));
    }
    for (Future<?> future : done) {
      future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    ledger.close();
    System.out.println(
        "units="
            + units.get()
            + " calls="
            + calls.get()
            + " refusedByBudget="
            + refusedByBudget.get()
            + " quotaExceeded="
            + quotaExceeded.get()
            + " failures="
            + failures.get()
            + " millis="
            + (System.nanoTime() - started) / 1_000_000);
  }
}
