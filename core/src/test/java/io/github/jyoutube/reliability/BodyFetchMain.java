package io.github.jyoutube.reliability;

import io.github.jyoutube.Endpoints;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.testing.RecordingSleeper;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Run in a child JVM with a small heap by {@link ResponseMemoryTest}: makes {@code args[1]} calls
 * at once to the server at {@code args[0]}, with the client's default size limit or {@code
 * args[2]}, and prints how each ended, one line per call: {@code call N ok} or {@code call N
 * SimpleName: message}. Errors such as {@link OutOfMemoryError} are caught and printed like
 * exceptions.
 */
public final class BodyFetchMain {

  private BodyFetchMain() {}

  public static void main(String[] args) throws InterruptedException {
    YouTubeClient.Builder builder =
        YouTubeClient.builder()
            .accessToken("ya29.memory")
            .endpoints(Endpoints.at(args[0]))
            .requestTimeout(Duration.ofSeconds(20))
            .sleeper(new RecordingSleeper()); // retries go at once
    if (args.length > 2) {
      builder.maxResponseBytes(Long.parseLong(args[2]));
    }
    YouTubeClient cli = builder.build();
    int calls = Integer.parseInt(args[1]);
    CountDownLatch start = new CountDownLatch(1);
    Thread[] threads = new Thread[calls];
    String[] outcomes = new String[calls];
    for (int i = 0; i < calls; i++) {
      int n = i;
      threads[i] =
          new Thread(
              () -> {
                try {
                  start.await();
                  cli.playlists().list().mine(true).execute();
                  outcomes[n] = "ok";
                } catch (Throwable t) {
                  outcomes[n] = t.getClass().getSimpleName() + ": " + t.getMessage();
                }
              });
      threads[i].start();
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    for (int i = 0; i < calls; i++) {
      System.out.println("call " + i + " " + outcomes[i]);
    }
    System.out.println("done");
    System.out.flush();
    System.exit(0);
  }
}
