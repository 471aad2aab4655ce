package io.github.jyoutube.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jyoutube.emulator.Exchange.Reply;
import io.github.jyoutube.emulator.MethodCatalog.Method;
import io.github.jyoutube.emulator.MethodCatalog.Param;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Data API at {@code youtube/v3/} and {@code upload/youtube/v3/}: credentials, scopes, quota
 * and parameter checks as Google makes them, then the method's handler.
 */
final class Api {

  /** A method's implementation. */
  interface Handler {
    Reply handle(Call call) throws ApiError;
  }

  /** The methods an API key may call: public reads. */
  static final Set<String> KEY_METHODS =
      Set.of(
          "youtube.activities.list",
          "youtube.channels.list",
          "youtube.channelSections.list",
          "youtube.commentThreads.list",
          "youtube.comments.list",
          "youtube.i18nLanguages.list",
          "youtube.i18nRegions.list",
          "youtube.playlistItems.list",
          "youtube.playlists.list",
          "youtube.search.list",
          "youtube.subscriptions.list",
          "youtube.videoAbuseReportReasons.list",
          "youtube.videoCategories.list",
          "youtube.videos.list",
          "youtube.videos.batchGetStats",
          "youtube.thirdPartyLinks.list");

  /** The scopes every public read accepts. */
  static final Set<String> READ_SCOPES =
      Set.of(
          MethodCatalog.SCOPES.get("yt"),
          MethodCatalog.SCOPES.get("ro"),
          MethodCatalog.SCOPES.get("fssl"),
          MethodCatalog.SCOPES.get("partner"));

  /** The most ids a lookup by {@code id} takes, as on YouTube. */
  static final int MAX_IDS = 50;

  final Backend backend;
  final Map<String, Handler> handlers = new HashMap<>();
  final Uploads uploads;

  Api(Backend backend) {
    this.backend = backend;
    this.uploads = new Uploads(this);
    new Reads(this).register();
    new Writes(this).register();
    backend.liveChats.register(this);
  }

  void on(String methodId, Handler handler) {
    MethodCatalog.byId(methodId);
    handlers.put(methodId, handler);
  }

  /**
   * Answers a request under {@code youtube/v3/} ({@code upload} false) or {@code
   * upload/youtube/v3/}.
   */
  Reply handle(Exchange ex, String path, boolean upload) {
    try {
      return format(ex, dispatch(ex, path, upload));
    } catch (ApiError e) {
      return error(ex, e);
    }
  }

  static Reply error(Exchange ex, ApiError e) {
    Reply reply = Reply.json(e.code, e.body(), !"false".equals(ex.param("prettyPrint")));
    e.headers.forEach(reply::header);
    return reply.header("Vary", "Origin, X-Origin, Referer");
  }

  private Reply dispatch(Exchange ex, String path, boolean upload) throws ApiError {
    if (upload && ex.param("upload_id") != null) {
      return uploads.resume(ex);
    }
    Method spec = MethodCatalog.find(ex.method, path);
    if (spec == null || (upload && spec.maxUploadBytes() == 0)) {
      throw ApiError.methodNotFound("/" + (upload ? "upload/" : "") + "youtube/v3/" + path);
    }
    Call call = authenticate(ex, spec);
    if (!backend.quota.fits(spec.bucket(), spec.cost())) {
      throw ApiError.quotaExceeded();
    }
    try {
      validate(call);
      if (upload) {
        uploads.readMedia(call);
      }
    } catch (ApiError e) {
      backend.quota.charge(spec.bucket(), 1);
      throw e;
    }
    backend.quota.charge(spec.bucket(), spec.cost());
    if (upload && "resumable".equals(ex.param("uploadType"))) {
      return uploads.start(call);
    }
    Handler handler = handlers.get(spec.id());
    return handler != null ? handler.handle(call) : Generic.handle(this, call);
  }

  private Call authenticate(Exchange ex, Method spec) throws ApiError {
    String token = OAuth.bearer(ex);
    String key = ex.param("key");
    if (key == null || key.isEmpty()) {
      key = ex.header("X-Goog-Api-Key"); // the header form Google accepts too
    }
    boolean keyAllowed = KEY_METHODS.contains(spec.id());
    if (token != null) {
      OAuth.TokenInfo info = backend.oauth.lookup(token);
      if (info == null) {
        throw ApiError.invalidCredentials();
      }
      Set<String> allowed = new LinkedHashSet<>(spec.scopes());
      if (keyAllowed) {
        allowed.addAll(READ_SCOPES);
      }
      if (!allowed.isEmpty() && allowed.stream().noneMatch(info.scopes()::contains)) {
        throw ApiError.insufficientPermissions(String.join(" ", spec.scopes()));
      }
      return new Call(ex, spec, backend, info.account(), info.scopes());
    }
    if (key != null && !key.isEmpty()) {
      if (!keyAllowed) {
        throw spec.httpMethod().equals("GET")
            ? ApiError.loginRequired()
            : ApiError.apiKeyNotSupported();
      }
      return new Call(ex, spec, backend, null, Set.of());
    }
    throw ApiError.loginRequired();
  }

  private static void validate(Call call) throws ApiError {
    Method spec = call.spec;
    for (String name : spec.required()) {
      if (call.param(name) == null) {
        throw ApiError.required(name);
      }
    }
    for (Param param : spec.params().values()) {
      String value = call.param(param.name());
      if (value == null) {
        continue;
      }
      List<String> values = param.repeated() ? call.list(param.name()) : List.of(value);
      for (String each : values) {
        check(param, each);
      }
    }
    Param ids = spec.params().get("id");
    if (ids != null && ids.repeated() && spec.httpMethod().equals("GET")) {
      int count = call.list("id").size();
      if (count > MAX_IDS) {
        throw ApiError.invalidParameter(
            "id",
            "Too many ids: a request takes at most " + MAX_IDS + ", this one has " + count + ".");
      }
    }
    if (spec.params().containsKey("part") && call.param("part") != null) {
      List<String> parts = call.list("part");
      if (parts.isEmpty()) {
        throw ApiError.required("part");
      }
      for (String part : parts) {
        if (!spec.parts().isEmpty() && !spec.parts().contains(part)) {
          throw ApiError.unknownPart(part);
        }
      }
    }
  }

  private static void check(Param param, String value) throws ApiError {
    String name = param.name();
    switch (param.type()) {
      case INTEGER -> {
        long number;
        try {
          number = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
          throw ApiError.invalidParameter(
              name, "Invalid value '" + value + "' for " + name + ": not an integer.");
        }
        if ((param.minimum() != null && number < param.minimum())
            || (param.maximum() != null && number > param.maximum())) {
          throw ApiError.invalidParameter(
              name,
              "Invalid value '"
                  + value
                  + "'. Values must be within the range: ["
                  + param.minimum()
                  + ", "
                  + param.maximum()
                  + "]");
        }
      }
      case BOOLEAN -> {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
          throw ApiError.invalidParameter(
              name, "Invalid boolean value: '" + value + "' for " + name + ".");
        }
      }
      case DATE_TIME -> {
        try {
          OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
          throw ApiError.invalidParameter(
              name, "Invalid value '" + value + "' for " + name + ": not an RFC 3339 date-time.");
        }
      }
      default -> {
        if (!param.values().isEmpty() && !param.values().contains(value)) {
          throw ApiError.invalidParameter(
              name,
              "Invalid value '"
                  + value
                  + "' for "
                  + name
                  + ". Values must be one of: "
                  + String.join(", ", param.values()));
        }
      }
    }
  }

  /** Applies {@code fields} and {@code prettyPrint} to a JSON answer. */
  private static Reply format(Exchange ex, Reply reply) throws ApiError {
    String type = reply.headers().getOrDefault("Content-Type", "");
    if (!type.startsWith("application/json") || reply.body().length == 0) {
      return reply;
    }
    String fields = ex.param("fields");
    boolean pretty = !"false".equals(ex.param("prettyPrint"));
    if ((fields == null || fields.isBlank()) && pretty) {
      return reply;
    }
    JsonNode node = Jsons.read(reply.body());
    if (fields != null && !fields.isBlank()) {
      node = Fields.select(node, fields);
    }
    Reply formatted = Reply.json(reply.status(), node, pretty);
    reply.headers().forEach(formatted::header);
    return formatted;
  }

  // ---- Filters, paging and parts -------------------------------------------------------------

  /** Checks that exactly one of the filters is set, as list methods require; returns its name. */
  static String oneFilter(Call call, String... names) throws ApiError {
    List<String> present = new ArrayList<>();
    for (String name : names) {
      if (call.has(name)) {
        present.add(name);
      }
    }
    if (present.isEmpty()) {
      throw ApiError.missingFilter(String.join(", ", names));
    }
    if (present.size() > 1) {
      throw ApiError.incompatibleParameters(String.join(", ", present));
    }
    return present.get(0);
  }

  /** {@code resource} with only the requested parts: {@code kind}, {@code etag}, {@code id}. */
  static ObjectNode project(ObjectNode resource, Set<String> parts) {
    ObjectNode content = Jsons.object();
    if (resource.has("kind")) {
      content.set("kind", resource.get("kind"));
    }
    if (resource.has("id")) {
      content.set("id", resource.get("id"));
    }
    resource
        .properties()
        .forEach(
            field -> {
              String name = field.getKey();
              if (!name.equals("kind")
                  && !name.equals("id")
                  && !name.equals("etag")
                  && parts.contains(name)) {
                content.set(name, field.getValue());
              }
            });
    return withEtag(content);
  }

  /** The node with an {@code etag} (of its content) after its {@code kind}. */
  static ObjectNode withEtag(ObjectNode content) {
    String etag = Jsons.etag(content);
    ObjectNode out = Jsons.object();
    if (content.has("kind")) {
      out.set("kind", content.get("kind"));
    }
    out.put("etag", etag);
    content
        .properties()
        .forEach(
            field -> {
              if (!field.getKey().equals("kind")) {
                out.set(field.getKey(), field.getValue());
              }
            });
    return out;
  }

  /**
   * A list answer: the page of {@code items} that {@code pageToken} and {@code maxResults} select,
   * each seen through {@code view} and cut to the requested parts; {@code pageInfo}, page tokens,
   * an etag, and 304 for a matching {@code If-None-Match}.
   */
  static Reply list(Call call, List<ObjectNode> items, Function<ObjectNode, ObjectNode> view)
      throws ApiError {
    return list(call, items, view, null);
  }

  static Reply list(
      Call call, List<ObjectNode> items, Function<ObjectNode, ObjectNode> view, ObjectNode extra)
      throws ApiError {
    return list(call, items, view, extra, items.size());
  }

  /** {@link #list}, with a {@code totalResults} other than the items' count (search's). */
  static Reply list(
      Call call,
      List<ObjectNode> items,
      Function<ObjectNode, ObjectNode> view,
      ObjectNode extra,
      long totalResults)
      throws ApiError {
    Method spec = call.spec;
    Set<String> parts = call.parts();
    ObjectNode content = Jsons.object();
    content.put("kind", spec.kind());
    List<ObjectNode> page = items;
    if (spec.paged()) {
      int offset = 0;
      String token = call.param("pageToken");
      if (token != null) {
        offset = decodePageToken(token);
        if (offset > items.size()) {
          throw ApiError.invalidPageToken();
        }
      }
      long max = call.integer("maxResults", 5);
      int end = (int) Math.min(items.size(), offset + max);
      page = items.subList(offset, end);
      if (end < items.size() && max > 0) {
        content.put("nextPageToken", pageToken(end, false));
      }
      if (offset > 0) {
        content.put("prevPageToken", pageToken((int) Math.max(0, offset - max), true));
      }
      if (extra != null) {
        content.setAll(extra);
      }
      content.set("pageInfo", Jsons.of("totalResults", totalResults, "resultsPerPage", (int) max));
    } else if (extra != null) {
      content.setAll(extra);
    }
    ArrayNode array = content.putArray("items");
    for (ObjectNode item : page) {
      ObjectNode seen = view == null ? item : view.apply(item);
      array.add(parts.isEmpty() ? withEtag(seen.deepCopy()) : project(seen, parts));
    }
    return conditional(call.ex, withEtag(content));
  }

  /** 304 when {@code If-None-Match} names the answer's etag; the answer otherwise. */
  static Reply conditional(Exchange ex, ObjectNode answer) {
    String etag = answer.path("etag").asText();
    String match = ex.header("If-None-Match");
    if (match != null) {
      for (String candidate : match.split(",")) {
        String bare = candidate.trim();
        if (bare.startsWith("W/")) {
          bare = bare.substring(2);
        }
        if (bare.length() >= 2 && bare.startsWith("\"") && bare.endsWith("\"")) {
          bare = bare.substring(1, bare.length() - 1);
        }
        if (bare.equals(etag) || bare.equals("*")) {
          return Reply.empty(304).header("ETag", "\"" + etag + "\"");
        }
      }
    }
    return Reply.json(200, answer, true).header("ETag", "\"" + etag + "\"");
  }

  /** A single resource answer (insert, update), cut to the requested parts. */
  static Reply one(Call call, ObjectNode resource) {
    Set<String> parts = call.parts();
    ObjectNode out = parts.isEmpty() ? withEtag(resource.deepCopy()) : project(resource, parts);
    return Reply.json(200, out, true);
  }

  /**
   * A page token as YouTube's look: the protocol buffer {@code {1: offset, 2: direction}}, base64
   * without padding ({@code CAUQAA} is the second page of five).
   */
  static String pageToken(int offset, boolean previous) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(0x08);
    int value = offset;
    while ((value & ~0x7f) != 0) {
      bytes.write((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    bytes.write(value);
    bytes.write(0x10);
    bytes.write(previous ? 1 : 0);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
  }

  /** {@link #decodePageToken} for tests: -1 for a bad token. */
  static int decodePageTokenUnchecked(String token) {
    try {
      return decodePageToken(token);
    } catch (ApiError e) {
      return -1;
    }
  }

  static int decodePageToken(String token) throws ApiError {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalidPageToken();
    }
    if (bytes.length < 4 || bytes[0] != 0x08) {
      throw ApiError.invalidPageToken();
    }
    int offset = 0;
    int shift = 0;
    int i = 1;
    while (i < bytes.length) {
      int b = bytes[i++] & 0xff;
      offset |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
      if (shift > 28) {
        throw ApiError.invalidPageToken();
      }
    }
    if (i + 2 != bytes.length || bytes[i] != 0x10 || (bytes[i + 1] != 0 && bytes[i + 1] != 1)) {
      throw ApiError.invalidPageToken();
    }
    return offset;
  }
}
