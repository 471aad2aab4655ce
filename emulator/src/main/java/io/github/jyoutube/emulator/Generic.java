package io.github.jyoutube.emulator;

import static io.github.jyoutube.emulator.Jsons.of;
import static io.github.jyoutube.emulator.Jsons.str;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jyoutube.emulator.Exchange.Reply;
import java.util.List;
import java.util.Set;

/**
 * Every method without a handler of its own answers in its documented shape: lists list what was
 * inserted (owned by the caller), inserts store the body with a new id, updates merge the named
 * parts, deletes remove, other calls answer 204 or echo.
 */
final class Generic {

  private Generic() {}

  static Reply handle(Api api, Call c) throws ApiError {
    MethodCatalog.Method spec = c.spec;
    String name = spec.name();
    String kind = resourceKind(spec);
    if (spec.id().equals("youtube.liveBroadcasts.insertCuepoint")
        || spec.id().equals("youtube.liveChatMessages.transition")) {
      ObjectNode echo =
          c.ex.body.length > 0 && Jsons.read(c.ex.body) instanceof ObjectNode body
              ? body.deepCopy()
              : Jsons.object();
      if (!spec.kind().isEmpty()) {
        echo.put("kind", spec.kind());
      }
      echo.put("id", c.param("id") != null ? c.param("id") : Ids.random(24));
      return Reply.json(200, Api.withEtag(echo), true);
    }
    switch (name) {
      case "list" -> {
        String me = c.channel();
        List<ObjectNode> items =
            c.store.find(
                kind,
                n -> {
                  String owner = str(n, "snippet.channelId");
                  return owner == null || owner.equals(me);
                });
        return Api.list(c, items, null);
      }
      case "insert" -> {
        if (kind.isEmpty()) {
          return Reply.empty(204);
        }
        ObjectNode body =
            c.metadata != null || c.ex.body.length > 0 ? c.body(null) : Jsons.object();
        ObjectNode resource = body.deepCopy();
        resource.remove("etag");
        ObjectNode out = Jsons.object();
        out.put("kind", kind);
        out.put("id", Ids.random(24));
        resource
            .properties()
            .forEach(
                e -> {
                  if (!e.getKey().equals("kind") && !e.getKey().equals("id")) {
                    out.set(e.getKey(), e.getValue());
                  }
                });
        decorate(c, out);
        if (spec.id().equals("youtube.channelBanners.insert")) {
          out.remove("id");
          out.put("url", "https://yt3.ggpht.com/emulator/banner-" + Ids.random(16));
          return Reply.json(200, Api.withEtag(out), true);
        }
        c.store.put(kind, out);
        return Api.one(c, out);
      }
      case "update" -> {
        ObjectNode body = c.body(null);
        String id = str(body, "id");
        ObjectNode stored = id == null ? null : c.store.get(kind, id);
        if (stored == null) {
          throw notFound(spec);
        }
        checkOwner(c, stored);
        ObjectNode copy = stored.deepCopy();
        Set<String> parts = c.parts();
        for (String part : parts) {
          if (!part.equals("id")) {
            JsonNode value = body.get(part);
            if (value == null) {
              copy.remove(part);
            } else {
              copy.set(part, value.deepCopy());
            }
          }
        }
        c.store.put(kind, copy);
        return Api.one(c, copy);
      }
      case "delete" -> {
        String id = c.param("id");
        ObjectNode stored = id == null ? null : c.store.get(kind, id);
        if (stored != null) {
          checkOwner(c, stored);
          c.store.remove(kind, id);
        } else if (!kind.isEmpty() && !spec.resource().equals("thirdPartyLinks")) {
          throw notFound(spec);
        }
        return Reply.empty(204);
      }
      case "bind", "transition" -> {
        if (!spec.resource().equals("liveBroadcasts")) {
          return Reply.empty(204);
        }
        String id = c.param("id");
        ObjectNode stored = c.store.get(Kinds.LIVE_BROADCAST, id);
        if (stored == null) {
          throw ApiError.notFound(
              "liveBroadcastNotFound",
              "youtube.liveBroadcast",
              "The broadcast specified by the <code>id</code> parameter does not exist.",
              "id");
        }
        checkOwner(c, stored);
        ObjectNode copy = stored.deepCopy();
        if (name.equals("bind")) {
          String stream = c.param("streamId");
          if (stream == null) {
            Jsons.obj(copy, "contentDetails").remove("boundStreamId");
          } else {
            Jsons.obj(copy, "contentDetails").put("boundStreamId", stream);
          }
        } else {
          Broadcasts.transition(c.backend, copy, c.param("broadcastStatus"));
        }
        c.store.put(Kinds.LIVE_BROADCAST, copy);
        if (name.equals("transition") && "complete".equals(c.param("broadcastStatus"))) {
          c.backend.liveChats.broadcastCompleted(copy);
        }
        return Api.one(c, copy);
      }
      default -> {
        if (spec.kind().isEmpty()) {
          return Reply.empty(204);
        }
        ObjectNode echo =
            c.ex.body.length > 0 && Jsons.read(c.ex.body) instanceof ObjectNode body
                ? body.deepCopy()
                : Jsons.object();
        echo.put("kind", spec.kind());
        if (!echo.has("id") && c.param("id") != null) {
          echo.put("id", c.param("id"));
        }
        return Reply.json(200, Api.withEtag(echo), true);
      }
    }
  }

  /** The kind of the resource a method works on: its list's items, or what it returns. */
  static String resourceKind(MethodCatalog.Method spec) {
    if (!spec.itemKind().isEmpty()) {
      return spec.itemKind();
    }
    if (!spec.kind().isEmpty() && !spec.kind().endsWith("ListResponse")) {
      return spec.kind();
    }
    for (MethodCatalog.Method other : MethodCatalog.ALL) {
      if (other.resource().equals(spec.resource()) && !other.itemKind().isEmpty()) {
        return other.itemKind();
      }
    }
    return "";
  }

  private static void decorate(Call c, ObjectNode resource) {
    JsonNode snippet = resource.get("snippet");
    if (snippet instanceof ObjectNode s && c.channel() != null) {
      switch (c.spec.resource()) {
        case "liveBroadcasts", "liveStreams" -> {
          s.put("channelId", c.channel());
          s.put("publishedAt", Jsons.time(c.backend.clock.instant()));
          if (c.spec.resource().equals("liveBroadcasts")) {
            s.put("liveChatId", Ids.random(60));
            resource.set(
                "status",
                of(
                    "lifeCycleStatus", "ready",
                    "privacyStatus",
                        str(resource, "status.privacyStatus") == null
                            ? "private"
                            : str(resource, "status.privacyStatus"),
                    "recordingStatus", "notRecording"));
          }
        }
        case "liveChatMessages" -> {
          s.put("authorChannelId", c.channel());
          s.put("publishedAt", Jsons.time(c.backend.clock.instant()));
          s.put("hasDisplayContent", true);
          String text = str(resource, "snippet.textMessageDetails.messageText");
          if (text != null) {
            s.put("displayMessage", text);
          }
          resource.set(
              "authorDetails",
              of(
                  "channelId", c.channel(),
                  "channelUrl", "http://www.youtube.com/channel/" + c.channel(),
                  "displayName", c.account.name(),
                  "isChatOwner", false,
                  "isChatModerator", false,
                  "isChatSponsor", false,
                  "isVerified", false));
        }
        default -> {
          // Stored as sent.
        }
      }
    }
  }

  private static void checkOwner(Call c, ObjectNode stored) throws ApiError {
    String owner = str(stored, "snippet.channelId");
    if (owner != null && !owner.equals(c.channel())) {
      throw ApiError.forbidden(
          "forbidden",
          "youtube." + singular(c.spec.resource()),
          "The request is not properly authorized for this resource.");
    }
  }

  private static ApiError notFound(MethodCatalog.Method spec) {
    String singular = singular(spec.resource());
    return ApiError.notFound(
        singular + "NotFound",
        "youtube." + singular,
        "The " + singular + " identified by the <code>id</code> parameter cannot be found.",
        "id");
  }

  private static String singular(String resource) {
    return resource.endsWith("s") ? resource.substring(0, resource.length() - 1) : resource;
  }
}
