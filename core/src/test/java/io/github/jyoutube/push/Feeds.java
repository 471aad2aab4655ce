package io.github.jyoutube.push;

import java.nio.charset.StandardCharsets;

/** Notification bodies shaped as YouTube's hub sends them. */
final class Feeds {

  static final String CHANNEL = "UCalice0emulator0channel";
  static final String OTHER_CHANNEL = "UCbob00emulator0channel0";

  private Feeds() {}

  /** A published (or updated) entry, as in Google's push notification guide. */
  static String entry(
      String channel, String videoId, String title, String published, String updated) {
    return """
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns="http://www.w3.org/2005/Atom">
          <link rel="hub" href="https://pubsubhubbub.appspot.com"/>
          <link rel="self" href="https://www.youtube.com/xml/feeds/videos.xml?channel_id=%1$s"/>
          <title>YouTube video feed</title>
          <updated>%5$s</updated>
          <entry>
            <id>yt:video:%2$s</id>
            <yt:videoId>%2$s</yt:videoId>
            <yt:channelId>%1$s</yt:channelId>
            <title>%3$s</title>
            <link rel="alternate" href="https://www.youtube.com/watch?v=%2$s"/>
            <author>
              <name>Alice</name>
              <uri>https://www.youtube.com/channel/%1$s</uri>
            </author>
            <published>%4$s</published>
            <updated>%5$s</updated>
          </entry>
        </feed>
        """
        .formatted(channel, videoId, title, published, updated);
  }

  static String published(String videoId) {
    return entry(
        CHANNEL,
        videoId,
        "Road trip",
        "2015-03-06T21:40:57+00:00",
        "2015-03-06T21:41:05.552394234+00:00");
  }

  /** A deleted entry: no self link, the channel in {@code at:by}. */
  static String deleted(String channel, String videoId) {
    return """
        <feed xmlns:at="http://purl.org/atompub/tombstones/1.0" xmlns="http://www.w3.org/2005/Atom">
          <at:deleted-entry ref="yt:video:%2$s" when="2015-03-09T19:05:24.552394234+00:00">
            <link href="https://www.youtube.com/watch?v=%2$s"/>
            <at:by>
              <name>Alice</name>
              <uri>https://www.youtube.com/channel/%1$s</uri>
            </at:by>
          </at:deleted-entry>
        </feed>
        """
        .formatted(channel, videoId);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
