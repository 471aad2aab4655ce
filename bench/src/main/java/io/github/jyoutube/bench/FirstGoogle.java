package io.github.jyoutube.bench;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.youtube.YouTube;
import java.util.List;

/**
 * The official client's smallest program: build the client, list my playlists, print the first
 * title. {@link SideBySide} times it from process start to the printed line, with the official
 * client's runtime classpath only. Argument: the fixture's base URI.
 */
public final class FirstGoogle {

  private FirstGoogle() {}

  public static void main(String[] args) throws Exception {
    YouTube youtube =
        new YouTube.Builder(
                new NetHttpTransport(),
                GsonFactory.getDefaultInstance(),
                request -> request.getHeaders().setAuthorization("Bearer bench-token"))
            .setRootUrl(args[0])
            .setApplicationName("jyoutube-bench")
            .build();
    System.out.println(
        youtube
            .playlists()
            .list(List.of("contentDetails", "id", "localizations", "player", "snippet", "status"))
            .setMine(true)
            .execute()
            .getItems()
            .get(0)
            .getSnippet()
            .getTitle());
  }
}
