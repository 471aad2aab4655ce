package io.github.jyoutube.push;

import static io.github.jyoutube.push.Feeds.CHANNEL;
import static io.github.jyoutube.push.Feeds.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.jyoutube.testing.FakeGoogle;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the hub's Atom feeds, and refusing what a hardened parser must refuse. */
class PushFeedTest {

  private final FakeGoogle network = FakeGoogle.start();

  @AfterEach
  void stop() {
    network.close();
  }

  @Test
  void aPublishedEntryIsReadWithEveryField() {
    PushFeed feed = PushFeed.parse(bytes(Feeds.published("dQw4w9WgXcQ")));

    assertThat(feed.topic()).isEqualTo(PushNotifications.topic(CHANNEL));
    assertThat(feed.events())
        .containsExactly(
            new PushEvent.VideoPublished(
                "dQw4w9WgXcQ",
                CHANNEL,
                "Road trip",
                URI.create("https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
                "Alice",
                OffsetDateTime.parse("2015-03-06T21:40:57+00:00"),
                OffsetDateTime.parse("2015-03-06T21:41:05.552394234+00:00")));
  }

  @Test
  void anEntryUpdatedWellAfterItsPublicationIsAnUpdate() {
    String xml =
        Feeds.entry(
            CHANNEL,
            "aliceVid001",
            "New title &amp; more",
            "2015-03-06T21:40:57+00:00",
            "2015-03-09T19:05:24.552394234+00:00");

    PushEvent event = PushFeed.parse(bytes(xml)).events().get(0);

    assertThat(event).isInstanceOf(PushEvent.VideoUpdated.class);
    PushEvent.VideoUpdated updated = (PushEvent.VideoUpdated) event;
    assertThat(updated.videoId()).isEqualTo("aliceVid001");
    assertThat(updated.channelId()).isEqualTo(CHANNEL);
    assertThat(updated.title()).isEqualTo("New title & more");
    assertThat(updated.link()).hasToString("https://www.youtube.com/watch?v=aliceVid001");
    assertThat(updated.published()).isEqualTo("2015-03-06T21:40:57Z");
    assertThat(updated.updated()).isEqualTo("2015-03-09T19:05:24.552394234Z");
    assertThat(updated.sincePublished()).isGreaterThan(Duration.ofDays(2));
    // With a window of three days, the same entry is a publication.
    assertThat(PushFeed.parse(bytes(xml), Duration.ofDays(3)).events().get(0))
        .isInstanceOf(PushEvent.VideoPublished.class);
  }

  @Test
  void aDeletedEntryIsReadFromItsTombstone() {
    PushFeed feed = PushFeed.parse(bytes(Feeds.deleted(CHANNEL, "aliceVid002")));

    assertThat(feed.topic()).isNull();
    assertThat(feed.events())
        .containsExactly(
            new PushEvent.VideoDeleted(
                "aliceVid002",
                CHANNEL,
                "yt:video:aliceVid002",
                URI.create("https://www.youtube.com/watch?v=aliceVid002"),
                OffsetDateTime.parse("2015-03-09T19:05:24.552394234+00:00")));
  }

  @Test
  void whatIsNotAYouTubeAtomFeedIsRefused() {
    assertThatThrownBy(() -> PushFeed.parse(bytes("<rss><channel/></rss>")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an Atom feed");
    assertThatThrownBy(() -> PushFeed.parse(bytes("not xml at all")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refused");
    assertThatThrownBy(
            () ->
                PushFeed.parse(
                    bytes(
                        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>x</title>"
                            + "</entry></feed>")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("videoId");
  }

  @Test
  void aBillionLaughsIsRefusedWithoutExpansion() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE feed [\n");
    xml.append(" <!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      xml.append(" <!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        xml.append("&lol").append(i - 1).append(';');
      }
      xml.append("\">\n");
    }
    xml.append("]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&lol9;</title></feed>");

    // 10^9 "lol"s would take gigabytes and minutes; the DOCTYPE alone is refused at once.
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(() -> PushFeed.parse(bytes(xml.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOCTYPE"));
  }

  @Test
  void anExternalEntityIsNeitherFetchedNorRead(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    String http = network.baseUri() + "xxe";
    String[] payloads = {
      // general entity over the network
      "<!DOCTYPE feed [<!ENTITY xxe SYSTEM \""
          + http
          + "\">]>"
          + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&xxe;</title></feed>",
      // general entity from the file system
      "<!DOCTYPE feed [<!ENTITY xxe SYSTEM \""
          + secret.toUri()
          + "\">]>"
          + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&xxe;</title></feed>",
      // parameter entity and an external DTD
      "<!DOCTYPE feed [<!ENTITY % p SYSTEM \""
          + http
          + "-dtd\"> %p;]>"
          + "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>",
      "<!DOCTYPE feed SYSTEM \""
          + http
          + "-external\">"
          + "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>",
    };
    for (String payload : payloads) {
      assertThatThrownBy(() -> PushFeed.parse(bytes(payload)))
          .as(payload)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("DOCTYPE")
          .hasMessageNotContaining("TOP-SECRET");
    }
    assertThat(network.received()).isEmpty();
  }

  @Test
  void xincludeIsNotFollowed() {
    String xml =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
            + "<xi:include href=\""
            + network.baseUri()
            + "xinclude\" parse=\"text\"/></feed>";

    PushFeed feed = PushFeed.parse(bytes(xml));

    assertThat(feed.events()).isEmpty();
    assertThat(network.received()).isEmpty();
  }

  @Test
  void topicsAndChannelIds() {
    assertThat(PushNotifications.topic("UC_x5XG1OV2P6uZZ5FSM9Ttw"))
        .isEqualTo(
            "https://www.youtube.com/xml/feeds/videos.xml?channel_id=UC_x5XG1OV2P6uZZ5FSM9Ttw");
    assertThat(
            PushNotifications.channelIdOf(
                "http://www.youtube.com/xml/feeds/videos.xml?channel_id=UC_x5XG1OV2P6uZZ5FSM9Ttw"))
        .isEqualTo("UC_x5XG1OV2P6uZZ5FSM9Ttw");
    assertThat(PushNotifications.channelIdOf("https://evil.example/?channel_id=UCx")).isNull();
    assertThatThrownBy(() -> PushNotifications.topic("UC x&y=1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
