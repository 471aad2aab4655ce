package io.github.jyoutube.bench;

import io.github.jyoutube.Endpoints;
import io.github.jyoutube.YouTubeClient;

/**
 * jyoutube's smallest program: build the client, list my playlists, print the first title. {@link
 * SideBySide} times it from process start to the printed line, with jyoutube's runtime classpath
 * only. Argument: the fixture's base URI.
 */
public final class FirstOurs {

  private FirstOurs() {}

  public static void main(String[] args) {
    YouTubeClient cli =
        YouTubeClient.builder().accessToken("bench-token").endpoints(Endpoints.at(args[0])).build();
    System.out.println(
        cli.playlists().list().mine(true).execute().items().get(0).snippet().title());
  }
}
