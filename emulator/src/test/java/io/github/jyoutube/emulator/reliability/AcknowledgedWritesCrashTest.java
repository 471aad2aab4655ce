package io.github.jyoutube.emulator.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.jyoutube.emulator.Account;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the emulator acknowledged with {@code --data} survives {@code kill -9}: a child JVM runs the
 * emulator, answers 20 {@code playlists.insert} calls, and is killed with SIGKILL 0–200 ms after
 * the last answer, several times in a row on the same data directory. After each restart every
 * acknowledged playlist is there, the access token issued before the first kill still works, the
 * push subscription the hub confirmed still gets notifications, the caption tracks uploaded (files
 * beside the database) download whole, and the quota counters show every unit spent.
 */
class AcknowledgedWritesCrashTest {

  private static final int ROUNDS = 5;
  private static final int WRITES = 20;
  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
  private static final String TOPIC =
      "https://www.youtube.com/xml/feeds/videos.xml?channel_id=" + Account.ALICE.channelId();

  @Test
  @Timeout(180)
  void everyAcknowledgedWriteSurvivesSigkill(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Random random = new Random(1);
    Set<String> acknowledged = new LinkedHashSet<>();
    Map<String, String> captions = new LinkedHashMap<>();
    String token = null;
    long quotaUsed = -1;
    LocalDate quotaDay = null;
    BlockingQueue<String> notifications = new LinkedBlockingQueue<>();
    HttpServer callback = callback(notifications);
    String callbackUri =
        "http://127.0.0.1:" + callback.getAddress().getPort() + "/hub?subscriber=crash";
    try {
      for (int round = 0; round <= ROUNDS; round++) {
        long began = System.nanoTime();
        try (Child child =
            Child.start(
                "256m",
                dir,
                "child-" + round,
                "--data",
                data.toString(),
                "--auto-approve",
                "--quota",
                "100000000")) {
          long started = System.nanoTime();
          if (round == 0) {
            token =
                child.signIn(
                    "https://www.googleapis.com/auth/youtube"
                        + " https://www.googleapis.com/auth/youtube.force-ssl");
            Child.Answer subscribed =
                child.form(
                    "pubsubhubbub/subscribe",
                    "hub.mode",
                    "subscribe",
                    "hub.topic",
                    TOPIC,
                    "hub.callback",
                    callbackUri,
                    "hub.verify",
                    "sync");
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(204);
          } else {
            checkAfterRestart(
                child, round, token, acknowledged, captions, quotaUsed, quotaDay, notifications);
          }
          long checked = System.nanoTime();
          if (round == ROUNDS) {
            System.out.printf(
                Locale.ROOT,
                "CRASH round %d: started in %d ms, checked in %d ms%n",
                round,
                (started - began) / 1_000_000,
                (checked - started) / 1_000_000);
            break;
          }
          for (int i = 0; i < WRITES; i++) {
            String title = "acknowledged-" + round + "-" + i;
            Child.Answer inserted =
                child.post(
                    "youtube/v3/playlists?part=snippet",
                    token,
                    "application/json",
                    ("{\"snippet\":{\"title\":\"" + title + "\"}}")
                        .getBytes(StandardCharsets.UTF_8));
            assertThat(inserted.status()).as(inserted.body()).isEqualTo(200);
            acknowledged.add(title);
          }
          // A caption track too large to keep in memory: a file in the data directory.
          String track = track(round);
          Child.Answer caption =
              child.post(
                  "upload/youtube/v3/captions?uploadType=multipart&part=snippet",
                  token,
                  "multipart/related; boundary=crash",
                  ("--crash\r\nContent-Type: application/json\r\n\r\n"
                          + "{\"snippet\":{\"videoId\":\"aliceVid003\",\"language\":\"en\","
                          + "\"name\":\"round "
                          + round
                          + "\"}}\r\n--crash\r\nContent-Type: text/plain\r\n\r\n"
                          + track
                          + "\r\n--crash--\r\n")
                      .getBytes(StandardCharsets.UTF_8));
          assertThat(caption.status()).as(caption.body()).isEqualTo(200);
          captions.put(caption.json().path("id").asText(), track);
          quotaDay = LocalDate.now(PACIFIC);
          quotaUsed = child.get("emulator/quota", null).json().at("/DEFAULT/used").asLong();
          long wrote = System.nanoTime();
          int delay = random.nextInt(201);
          Thread.sleep(delay);
          child.kill();
          System.out.printf(
              Locale.ROOT,
              "CRASH round %d: started in %d ms, checked in %d ms, %d writes in %d ms,"
                  + " killed %d ms after the last answer%n",
              round,
              (started - began) / 1_000_000,
              (checked - started) / 1_000_000,
              WRITES,
              (wrote - checked) / 1_000_000,
              delay);
        }
      }
    } finally {
      callback.stop(0);
    }
  }

  private static void checkAfterRestart(
      Child child,
      int round,
      String token,
      Set<String> acknowledged,
      Map<String, String> captions,
      long quotaUsed,
      LocalDate quotaDay,
      BlockingQueue<String> notifications)
      throws InterruptedException {
    // Every problem of the round, reported together.
    List<String> problems = new ArrayList<>();
    // First, before the calls below spend more.
    if (LocalDate.now(PACIFIC).equals(quotaDay)) {
      long used = child.get("emulator/quota", null).json().at("/DEFAULT/used").asLong();
      if (used != quotaUsed) {
        problems.add("quota units used: " + used + ", before the kill: " + quotaUsed);
      }
    }
    Set<String> titles = new LinkedHashSet<>();
    String page = "";
    Child.Answer answer = null;
    for (int pages = 0; pages < 100; pages++) {
      answer = child.get("youtube/v3/playlists?part=snippet&mine=true&maxResults=50" + page, token);
      if (answer.status() != 200) {
        break;
      }
      for (JsonNode item : answer.json().path("items")) {
        titles.add(item.at("/snippet/title").asText());
      }
      String next = answer.json().path("nextPageToken").asText("");
      if (next.isEmpty()) {
        break;
      }
      page = "&pageToken=" + next;
    }
    if (answer.status() != 200) {
      problems.add("the token issued before the first kill: " + answer.body());
    }
    Set<String> missing = new LinkedHashSet<>(acknowledged);
    missing.removeAll(titles);
    if (!missing.isEmpty()) {
      problems.add(
          missing.size() + " of " + acknowledged.size() + " acknowledged playlists: " + missing);
    }
    captions.forEach(
        (id, track) -> {
          Child.Answer download = child.get("youtube/v3/captions/" + id, token);
          if (download.status() != 200 || !download.body().equals(track)) {
            problems.add(
                "caption "
                    + id
                    + ": "
                    + download.status()
                    + ", "
                    + download.bytes().length
                    + " bytes of "
                    + track.length());
          }
        });
    // A public video of the subscribed channel: the hub notifies the callback it confirmed
    // before the first kill.
    notifications.clear();
    Child.Answer video =
        child.post(
            "upload/youtube/v3/videos?uploadType=media&part=snippet,status",
            token,
            "video/mp4",
            new byte[1000]);
    assertThat(video.status()).as(video.body()).isEqualTo(200);
    String videoId = video.json().path("id").asText();
    long posted = System.nanoTime();
    String delivered = notifications.poll(10, TimeUnit.SECONDS);
    System.out.printf(
        Locale.ROOT,
        "CRASH round %d: notified %d ms after the upload%n",
        round,
        (System.nanoTime() - posted) / 1_000_000);
    if (delivered == null || !delivered.contains("<yt:videoId>" + videoId + "</yt:videoId>")) {
      problems.add(
          "no notification of video "
              + videoId
              + " to the subscription confirmed before: "
              + delivered);
    }
    assertThat(problems).as("round %d: lost after the kill", round).isEmpty();
  }

  /** About 200 kB of SubRip cues. */
  private static String track(int round) {
    StringBuilder srt = new StringBuilder();
    for (int i = 1; srt.length() < 200_000; i++) {
      srt.append(i)
          .append("\n00:00:01,000 --> 00:00:02,000\nround ")
          .append(round)
          .append(", cue ")
          .append(i)
          .append("\n\n");
    }
    return srt.toString();
  }

  /** The subscriber: echoes the hub's challenge, records notifications. */
  private static HttpServer callback(BlockingQueue<String> notifications) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext(
        "/hub",
        (HttpExchange http) -> {
          byte[] answer = new byte[0];
          if (http.getRequestMethod().equals("GET")) {
            String query = http.getRequestURI().getRawQuery();
            for (String pair : query.split("&")) {
              if (pair.startsWith("hub.challenge=")) {
                answer =
                    URLDecoder.decode(pair.substring(14), StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_8);
              }
            }
          } else {
            notifications.add(
                new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          }
          http.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
          if (answer.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
              out.write(answer);
            }
          }
          http.close();
        });
    server.start();
    return server;
  }
}
