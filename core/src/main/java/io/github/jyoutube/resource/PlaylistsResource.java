package io.github.jyoutube.resource;

import io.github.jyoutube.QuotaBucket;
import io.github.jyoutube.QuotaCost;
import io.github.jyoutube.http.ClientContext;
import io.github.jyoutube.model.Playlist;
import io.github.jyoutube.model.PlaylistListResponse;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code playlists} resource: a channel's playlists.
 *
 * <p>{@code part} defaults to every part any caller may read on {@code list}, and to the parts the
 * body carries on {@code insert} and {@code update}.
 */
public final class PlaylistsResource {

  /** Every part of a playlist that a caller may read. */
  static final String READABLE_PARTS = "contentDetails,id,localizations,player,snippet,status";

  /** The parts of a playlist a caller may write. */
  static final Set<String> WRITABLE_PARTS = Set.of("snippet", "status", "localizations");

  private static final MethodSpec LIST =
      new MethodSpec(
          "youtube.playlists.list",
          "GET",
          "playlists",
          List.of("part"),
          new QuotaCost(QuotaBucket.DEFAULT, 1, false));
  private static final MethodSpec INSERT =
      new MethodSpec(
          "youtube.playlists.insert",
          "POST",
          "playlists",
          List.of("part"),
          new QuotaCost(QuotaBucket.DEFAULT, 50, false));
  private static final MethodSpec UPDATE =
      new MethodSpec(
          "youtube.playlists.update",
          "PUT",
          "playlists",
          List.of("part"),
          new QuotaCost(QuotaBucket.DEFAULT, 50, false));
  private static final MethodSpec DELETE =
      new MethodSpec(
          "youtube.playlists.delete",
          "DELETE",
          "playlists",
          List.of("id"),
          new QuotaCost(QuotaBucket.DEFAULT, 50, false));

  private final ClientContext context;

  /**
   * Creates the resource.
   *
   * @param context where and how to send requests
   */
  public PlaylistsResource(ClientContext context) {
    this.context = Objects.requireNonNull(context, "context == null");
  }

  /** Lists playlists: the caller's ({@code mine}), a channel's, or by id. */
  public ListRequest list() {
    return new ListRequest(context);
  }

  /** Creates a playlist. */
  public InsertRequest insert(Playlist playlist) {
    return new InsertRequest(context, Objects.requireNonNull(playlist, "playlist == null"));
  }

  /** Changes a playlist; the body must carry its {@code id}. */
  public UpdateRequest update(Playlist playlist) {
    Objects.requireNonNull(playlist, "playlist == null");
    if (playlist.id() == null || playlist.id().isEmpty()) {
      throw new IllegalArgumentException("the playlist to update has no id");
    }
    return new UpdateRequest(context, playlist);
  }

  /** Deletes a playlist. */
  public DeleteRequest delete(String id) {
    return new DeleteRequest(context).id(ApiRequest.required("id", id));
  }

  /** {@code playlists.list}: {@code GET youtube/v3/playlists}. */
  public static final class ListRequest
      extends PagedRequest<PlaylistListResponse, Playlist, ListRequest> {

    ListRequest(ClientContext context) {
      super(context, LIST, PlaylistListResponse.class, 50);
      set("part", READABLE_PARTS);
    }

    @Override
    ListRequest self() {
      return this;
    }

    /** The parts to return, such as {@code snippet} and {@code status}. */
    public ListRequest part(String... part) {
      return setRepeated("part", part);
    }

    /** The playlists owned by this channel. */
    public ListRequest channelId(String channelId) {
      return set("channelId", channelId);
    }

    /** The language of localized text in the response. */
    public ListRequest hl(String hl) {
      return set("hl", hl);
    }

    /** The playlists with these ids. */
    public ListRequest id(String... id) {
      return setRepeated("id", id);
    }

    /** How many items a page holds, 0 to 50 (5 by default). */
    public ListRequest maxResults(int maxResults) {
      return setBounded("maxResults", maxResults, 0, 50);
    }

    /** The playlists owned by the authenticated user. */
    public ListRequest mine(boolean mine) {
      return set("mine", mine);
    }

    /** For YouTube content partners: the content owner the request acts for. */
    public ListRequest onBehalfOfContentOwner(String onBehalfOfContentOwner) {
      return set("onBehalfOfContentOwner", onBehalfOfContentOwner);
    }

    /** For YouTube content partners: the channel the request acts for. */
    public ListRequest onBehalfOfContentOwnerChannel(String onBehalfOfContentOwnerChannel) {
      return set("onBehalfOfContentOwnerChannel", onBehalfOfContentOwnerChannel);
    }
  }

  /** {@code playlists.insert}: {@code POST youtube/v3/playlists}. */
  public static final class InsertRequest extends ApiRequest<Playlist, InsertRequest> {

    InsertRequest(ClientContext context, Playlist body) {
      super(context, INSERT, Playlist.class, body);
      set("part", partsPresent(body, WRITABLE_PARTS));
    }

    @Override
    InsertRequest self() {
      return this;
    }

    /** The parts the body sets and the response returns. */
    public InsertRequest part(String... part) {
      return setRepeated("part", part);
    }

    /** For YouTube content partners: the content owner the request acts for. */
    public InsertRequest onBehalfOfContentOwner(String onBehalfOfContentOwner) {
      return set("onBehalfOfContentOwner", onBehalfOfContentOwner);
    }

    /** For YouTube content partners: the channel the playlist is added to. */
    public InsertRequest onBehalfOfContentOwnerChannel(String onBehalfOfContentOwnerChannel) {
      return set("onBehalfOfContentOwnerChannel", onBehalfOfContentOwnerChannel);
    }
  }

  /** {@code playlists.update}: {@code PUT youtube/v3/playlists}. */
  public static final class UpdateRequest extends ApiRequest<Playlist, UpdateRequest> {

    UpdateRequest(ClientContext context, Playlist body) {
      super(context, UPDATE, Playlist.class, body);
      set("part", partsPresent(body, WRITABLE_PARTS));
    }

    @Override
    UpdateRequest self() {
      return this;
    }

    /** The parts the body sets; parts left out are cleared by the API. */
    public UpdateRequest part(String... part) {
      return setRepeated("part", part);
    }

    /** For YouTube content partners: the content owner the request acts for. */
    public UpdateRequest onBehalfOfContentOwner(String onBehalfOfContentOwner) {
      return set("onBehalfOfContentOwner", onBehalfOfContentOwner);
    }
  }

  /** {@code playlists.delete}: {@code DELETE youtube/v3/playlists}. */
  public static final class DeleteRequest extends ApiRequest<Void, DeleteRequest> {

    DeleteRequest(ClientContext context) {
      super(context, DELETE, Void.class, null);
    }

    @Override
    DeleteRequest self() {
      return this;
    }

    /** The playlist to delete. */
    public DeleteRequest id(String id) {
      return set("id", id);
    }

    /** For YouTube content partners: the content owner the request acts for. */
    public DeleteRequest onBehalfOfContentOwner(String onBehalfOfContentOwner) {
      return set("onBehalfOfContentOwner", onBehalfOfContentOwner);
    }
  }
}
