package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.googleapis.media.MediaHttpUploader;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.InputStreamContent;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.youtube.YouTube;
import com.google.api.services.youtube.model.Playlist;
import com.google.api.services.youtube.model.PlaylistItem;
import com.google.api.services.youtube.model.PlaylistItemListResponse;
import com.google.api.services.youtube.model.PlaylistListResponse;
import com.google.api.services.youtube.model.PlaylistSnippet;
import com.google.api.services.youtube.model.PlaylistStatus;
import com.google.api.services.youtube.model.Video;
import com.google.api.services.youtube.model.VideoListResponse;
import com.google.api.services.youtube.model.VideoSnippet;
import com.google.api.services.youtube.model.VideoStatus;
import io.github.jyoutube.auth.Scopes;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Google's official Java client ({@code google-api-services-youtube}) against the emulator: its
 * request paths, paging, JSON bodies, resumable upload protocol and error parsing must all work
 * unchanged with only the root URL pointed at the emulator.
 */
class OfficialClientConformanceTest {

  private static final String FAVOURITES = "Favourites";
  private static final String ALICE_UPLOADS = "UU" + Account.ALICE.channelId().substring(2);

  private YouTubeEmulator emulator;
  private YouTube alice;

  @BeforeEach
  void setUp() {
    // A fresh emulator per test, so that the insert tests do not change what the others see.
    emulator = YouTubeEmulator.builder().port(0).start();
    alice = youtube("Bearer " + emulator.accessToken(Account.ALICE, Scopes.YOUTUBE));
  }

  @AfterEach
  void tearDown() {
    emulator.close();
  }

  /** The official client, at the emulator's root URL, with an optional Authorization header. */
  private YouTube youtube(String authorization) {
    HttpRequestInitializer initializer =
        request -> {
          if (authorization != null) {
            request.getHeaders().setAuthorization(authorization);
          }
        };
    return new YouTube.Builder(
            new NetHttpTransport(), GsonFactory.getDefaultInstance(), initializer)
        .setRootUrl(emulator.baseUri().toString())
        // The client's default: its request paths already start with youtube/v3/.
        .setServicePath(YouTube.DEFAULT_SERVICE_PATH)
        .setApplicationName("jyoutube-emulator-conformance")
        .build();
  }

  private String playlistId(String title) throws Exception {
    return alice
        .playlists()
        .list(List.of("snippet"))
        .setMine(true)
        .setMaxResults(50L)
        .execute()
        .getItems()
        .stream()
        .filter(p -> p.getSnippet().getTitle().equals(title))
        .findFirst()
        .orElseThrow()
        .getId();
  }

  @Test
  void listsTheSeededPlaylistsOfTheAccount() throws Exception {
    PlaylistListResponse response =
        alice
            .playlists()
            .list(List.of("snippet", "contentDetails"))
            .setMine(true)
            .setMaxResults(50L)
            .execute();

    assertThat(response.getKind()).isEqualTo("youtube#playlistListResponse");
    assertThat(response.getEtag()).isNotBlank();
    assertThat(response.getPageInfo().getTotalResults()).isEqualTo(7);
    assertThat(response.getNextPageToken()).isNull();
    assertThat(response.getItems())
        .extracting(p -> p.getSnippet().getTitle())
        .containsExactlyInAnyOrder(
            FAVOURITES,
            "Road trip",
            "Private notes",
            "Music",
            "Tutorials",
            "Watch later picks",
            "Empty list");
    Playlist favourites =
        response.getItems().stream()
            .filter(p -> p.getSnippet().getTitle().equals(FAVOURITES))
            .findFirst()
            .orElseThrow();
    assertThat(favourites.getKind()).isEqualTo("youtube#playlist");
    assertThat(favourites.getId()).startsWith("PL");
    assertThat(favourites.getSnippet().getChannelId()).isEqualTo(Account.ALICE.channelId());
    assertThat(favourites.getSnippet().getDescription()).isEqualTo("The best of the channel");
    assertThat(favourites.getSnippet().getPublishedAt()).isNotNull();
    assertThat(favourites.getContentDetails().getItemCount()).isEqualTo(3L);
    // Only the asked parts come back.
    assertThat(favourites.getStatus()).isNull();
  }

  @Test
  void pagesThroughPlaylistItemsWithNextPageToken() throws Exception {
    assertPagesThrough(playlistId(FAVOURITES), 3);
    // The computed uploads playlist: Alice's 12 videos, private and unlisted ones included.
    assertPagesThrough(ALICE_UPLOADS, 12);
  }

  private void assertPagesThrough(String playlistId, int expected) throws Exception {
    List<String> ids = new ArrayList<>();
    List<String> videoIds = new ArrayList<>();
    Integer total = null;
    int pages = 0;
    String pageToken = null;
    do {
      PlaylistItemListResponse page =
          alice
              .playlistItems()
              .list(List.of("snippet", "contentDetails"))
              .setPlaylistId(playlistId)
              .setMaxResults(2L)
              .setPageToken(pageToken)
              .execute();
      pages++;
      assertThat(page.getItems()).hasSizeLessThanOrEqualTo(2);
      assertThat(page.getPageInfo().getResultsPerPage()).isEqualTo(2);
      if (total == null) {
        total = page.getPageInfo().getTotalResults();
        assertThat(page.getPrevPageToken()).isNull();
      } else {
        assertThat(page.getPrevPageToken()).isNotNull();
      }
      for (PlaylistItem item : page.getItems()) {
        assertThat(item.getSnippet().getPlaylistId()).isEqualTo(playlistId);
        ids.add(item.getId());
        videoIds.add(item.getContentDetails().getVideoId());
      }
      pageToken = page.getNextPageToken();
    } while (pageToken != null);

    assertThat(total).isEqualTo(expected);
    assertThat(pages).isEqualTo((expected + 1) / 2);
    assertThat(ids).hasSize(expected).doesNotHaveDuplicates();
    assertThat(videoIds).hasSize(expected).doesNotHaveDuplicates();
  }

  @Test
  void insertsAPlaylistAndListsItBack() throws Exception {
    Playlist inserted =
        alice
            .playlists()
            .insert(
                List.of("snippet", "status"),
                new Playlist()
                    .setSnippet(
                        new PlaylistSnippet()
                            .setTitle("From the official client")
                            .setDescription("Inserted by google-api-services-youtube"))
                    .setStatus(new PlaylistStatus().setPrivacyStatus("unlisted")))
            .execute();

    assertThat(inserted.getId()).isNotBlank();
    assertThat(inserted.getKind()).isEqualTo("youtube#playlist");
    assertThat(inserted.getSnippet().getTitle()).isEqualTo("From the official client");
    assertThat(inserted.getSnippet().getChannelId()).isEqualTo(Account.ALICE.channelId());
    assertThat(inserted.getStatus().getPrivacyStatus()).isEqualTo("unlisted");

    PlaylistListResponse byId =
        alice
            .playlists()
            .list(List.of("snippet", "status"))
            .setId(List.of(inserted.getId()))
            .execute();
    assertThat(byId.getItems()).hasSize(1);
    Playlist listed = byId.getItems().get(0);
    assertThat(listed.getSnippet().getTitle()).isEqualTo("From the official client");
    assertThat(listed.getSnippet().getDescription())
        .isEqualTo("Inserted by google-api-services-youtube");
    assertThat(listed.getStatus().getPrivacyStatus()).isEqualTo("unlisted");

    PlaylistListResponse mine =
        alice.playlists().list(List.of("snippet")).setMine(true).setMaxResults(50L).execute();
    assertThat(mine.getPageInfo().getTotalResults()).isEqualTo(8);
    assertThat(mine.getItems()).extracting(Playlist::getId).contains(inserted.getId());
  }

  @Test
  void uploadsAVideoInResumableChunksAndListsItBack() throws Exception {
    byte[] media = new byte[1024 * 1024 + 12_345];
    new Random(7).nextBytes(media);
    InputStreamContent content =
        new InputStreamContent("video/mp4", new ByteArrayInputStream(media));
    content.setLength(media.length);
    Video metadata =
        new Video()
            .setSnippet(
                new VideoSnippet()
                    .setTitle("Uploaded by the official client")
                    .setDescription("in 256 KiB chunks")
                    .setTags(List.of("conformance", "resumable"))
                    .setCategoryId("22"))
            .setStatus(new VideoStatus().setPrivacyStatus("private"));

    YouTube.Videos.Insert insert =
        alice.videos().insert(List.of("snippet", "status"), metadata, content);
    MediaHttpUploader uploader = insert.getMediaHttpUploader();
    uploader.setDirectUploadEnabled(false);
    uploader.setChunkSize(MediaHttpUploader.MINIMUM_CHUNK_SIZE);
    List<Long> progress = new ArrayList<>();
    uploader.setProgressListener(
        u -> {
          if (u.getUploadState() == MediaHttpUploader.UploadState.MEDIA_IN_PROGRESS) {
            progress.add(u.getNumBytesUploaded());
          }
        });

    Video uploaded = insert.execute();

    assertThat(uploader.getUploadState()).isEqualTo(MediaHttpUploader.UploadState.MEDIA_COMPLETE);
    assertThat(uploader.getNumBytesUploaded()).isEqualTo(media.length);
    // Four full chunks acknowledged with 308, then the last, short one.
    assertThat(progress)
        .containsExactly(
            1L * MediaHttpUploader.MINIMUM_CHUNK_SIZE,
            2L * MediaHttpUploader.MINIMUM_CHUNK_SIZE,
            3L * MediaHttpUploader.MINIMUM_CHUNK_SIZE,
            4L * MediaHttpUploader.MINIMUM_CHUNK_SIZE);
    assertThat(uploaded.getKind()).isEqualTo("youtube#video");
    assertThat(uploaded.getId()).isNotBlank();
    assertThat(uploaded.getSnippet().getTitle()).isEqualTo("Uploaded by the official client");
    assertThat(uploaded.getSnippet().getChannelId()).isEqualTo(Account.ALICE.channelId());
    assertThat(uploaded.getStatus().getPrivacyStatus()).isEqualTo("private");

    VideoListResponse listed =
        alice
            .videos()
            .list(List.of("snippet", "status", "fileDetails"))
            .setId(List.of(uploaded.getId()))
            .execute();
    assertThat(listed.getItems()).hasSize(1);
    Video video = listed.getItems().get(0);
    assertThat(video.getId()).isEqualTo(uploaded.getId());
    assertThat(video.getSnippet().getTitle()).isEqualTo("Uploaded by the official client");
    assertThat(video.getSnippet().getDescription()).isEqualTo("in 256 KiB chunks");
    assertThat(video.getSnippet().getTags()).containsExactly("conformance", "resumable");
    assertThat(video.getStatus().getPrivacyStatus()).isEqualTo("private");
    assertThat(video.getFileDetails().getFileSize()).isEqualTo(BigInteger.valueOf(media.length));
  }

  @Test
  void uploadsOfUnknownLengthAndDirectMultipartUploadsWorkToo() throws Exception {
    byte[] media = new byte[600_000];
    new Random(11).nextBytes(media);

    // Length unknown: chunks go with Content-Range "bytes A-B/*" until the last one.
    YouTube.Videos.Insert streamed =
        alice
            .videos()
            .insert(
                List.of("snippet"),
                new Video().setSnippet(new VideoSnippet().setTitle("streamed")),
                new InputStreamContent("video/mp4", new ByteArrayInputStream(media)));
    streamed.getMediaHttpUploader().setDirectUploadEnabled(false);
    streamed.getMediaHttpUploader().setChunkSize(MediaHttpUploader.MINIMUM_CHUNK_SIZE);
    Video first = streamed.execute();

    // Direct: one multipart/related request (gzip-encoded by the client).
    YouTube.Videos.Insert direct =
        alice
            .videos()
            .insert(
                List.of("snippet"),
                new Video().setSnippet(new VideoSnippet().setTitle("direct")),
                new InputStreamContent("video/mp4", new ByteArrayInputStream(media)));
    direct.getMediaHttpUploader().setDirectUploadEnabled(true);
    Video second = direct.execute();

    VideoListResponse listed =
        alice
            .videos()
            .list(List.of("snippet", "fileDetails"))
            .setId(List.of(first.getId(), second.getId()))
            .execute();
    assertThat(listed.getItems())
        .extracting(v -> v.getSnippet().getTitle(), v -> v.getFileDetails().getFileSize())
        .containsExactlyInAnyOrder(
            tuple("streamed", BigInteger.valueOf(media.length)),
            tuple("direct", BigInteger.valueOf(media.length)));
  }

  @Test
  void aRequestWithoutATokenFailsWithGooglesErrorShape() {
    YouTube anonymous = youtube(null);

    GoogleJsonResponseException e =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> anonymous.playlists().list(List.of("snippet")).setMine(true).execute());

    assertThat(e.getStatusCode()).isEqualTo(401);
    GoogleJsonError details = e.getDetails();
    assertThat(details.getCode()).isEqualTo(401);
    assertThat(details.getMessage()).isNotBlank();
    GoogleJsonError.ErrorInfo error = details.getErrors().get(0);
    assertThat(error.getReason()).isEqualTo("required");
    assertThat(error.getDomain()).isEqualTo("global");
    assertThat(error.getLocation()).isEqualTo("Authorization");
    assertThat(error.getLocationType()).isEqualTo("header");
    assertThat(e.getHeaders().getAuthenticate()).isNotNull();
  }

  @Test
  void aBadTokenAndABadPartFailWithGooglesErrorShape() {
    GoogleJsonResponseException badToken =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () ->
                youtube("Bearer not-a-token")
                    .playlists()
                    .list(List.of("snippet"))
                    .setMine(true)
                    .execute());
    assertThat(badToken.getStatusCode()).isEqualTo(401);
    assertThat(badToken.getDetails().getErrors().get(0).getReason()).isEqualTo("authError");

    GoogleJsonResponseException badPart =
        catchThrowableOfType(
            GoogleJsonResponseException.class,
            () -> alice.playlists().list(List.of("snippet", "bogus")).setMine(true).execute());
    assertThat(badPart.getStatusCode()).isEqualTo(400);
    GoogleJsonError details = badPart.getDetails();
    assertThat(details.getCode()).isEqualTo(400);
    GoogleJsonError.ErrorInfo error = details.getErrors().get(0);
    assertThat(error.getReason()).isEqualTo("unknownPart");
    assertThat(error.getDomain()).isEqualTo("youtube.part");
    assertThat(error.getMessage()).isEqualTo("'bogus'");
    assertThat(error.getLocation()).isEqualTo("part");
    assertThat(error.getLocationType()).isEqualTo("parameter");
  }
}
