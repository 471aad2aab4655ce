package io.github.jyoutube.reliability;

import io.github.jyoutube.Endpoints;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.testing.RecordingSleeper;

/**
 * Run in a child JVM by {@link JdkHttpLoggingTest}, with the JDK's HTTP client logging switched on
 * by a system property: builds a client with an access token and one with an API key, and makes one
 * call with each against the server at {@code args[0]}.
 */
public final class JdkLoggingMain {

  static final String TOKEN = "ya29.child-token-4f1c9e";
  static final String API_KEY = "AIzaChildKey-77d2b0e1";

  private JdkLoggingMain() {}

  public static void main(String[] args) {
    Endpoints endpoints = Endpoints.at(args[0]);
    YouTubeClient withToken =
        YouTubeClient.builder()
            .accessToken(TOKEN)
            .endpoints(endpoints)
            .sleeper(new RecordingSleeper())
            .build();
    withToken.playlists().list().mine(true).execute();
    YouTubeClient withKey =
        YouTubeClient.builder()
            .apiKey(API_KEY)
            .endpoints(endpoints)
            .sleeper(new RecordingSleeper())
            .build();
    withKey.playlists().list().channelId("UC1").execute();
    System.out.println("done");
  }
}
