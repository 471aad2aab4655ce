package io.github.jyoutube.resource;

import io.github.jyoutube.Json;
import io.github.jyoutube.QuotaCost;
import io.github.jyoutube.http.ClientContext;
import io.github.jyoutube.http.HttpCall;
import io.github.jyoutube.media.MediaContent;
import io.github.jyoutube.media.MediaDownload;
import io.github.jyoutube.media.MediaLimits;
import io.github.jyoutube.media.ResumableUpload;
import io.github.jyoutube.media.UploadOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Starts the media uploads and downloads of the resource methods: the one place that turns a
 * method's path and parameters into the upload or download request.
 *
 * <p>A media method's request calls it from {@code execute()}, for example {@code videos.insert}:
 *
 * <pre>{@code
 * ResumableUpload<Video> upload =
 *     MediaSupport.upload(context(), INSERT, query(), video, media,
 *         MediaLimits.VIDEOS_INSERT, options, Video.class);
 * return upload.execute();
 * }</pre>
 */
public final class MediaSupport {

  private MediaSupport() {}

  /**
   * A resumable upload to a media method: {@code httpMethod <upload base><path>?uploadType=
   * resumable&<query>}, with {@code metadata} as the JSON body. The media is checked against {@code
   * limits} now; nothing is sent until the upload is executed.
   *
   * @param context the client's executor and base URLs
   * @param httpMethod the method's HTTP method: {@code POST}, or {@code PUT} for the updates
   * @param path the method's path under the API base, such as {@code videos} or {@code
   *     thumbnails/set}; {@code {name}} placeholders are filled from {@code query}
   * @param query the method's parameters, such as {@code part}; {@code uploadType} is added
   * @param metadata the resource to send as JSON with the media, or {@code null} for none
   * @param quota what opening the session costs, or {@code null}
   * @param media the bytes
   * @param limits what the method accepts
   * @param options chunking, progress, timeouts
   * @param responseType the resource of the final answer; {@code Void.class} for none
   * @return the upload, not started
   * @throws IllegalArgumentException if the media's type or size is not accepted
   */
  public static <T> ResumableUpload<T> upload(
      ClientContext context,
      String httpMethod,
      String path,
      Map<String, String> query,
      Object metadata,
      QuotaCost quota,
      MediaContent media,
      MediaLimits limits,
      UploadOptions options,
      Class<T> responseType) {
    Objects.requireNonNull(context, "context == null");
    Objects.requireNonNull(limits, "limits == null");
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("uploadType", "resumable");
    parameters.putAll(query);
    URI uri = URI.create(context.upload() + fill(path, parameters) + encode(parameters));
    HttpCall call =
        metadata == null
            ? HttpCall.api(httpMethod, uri)
            : HttpCall.api(httpMethod, uri, Json.writeBytes(metadata));
    if (quota != null) {
      call = call.withQuota(quota);
    }
    return ResumableUpload.start(context, call, media, limits, options, responseType);
  }

  /**
   * {@link #upload(ClientContext, String, String, Map, Object, QuotaCost, MediaContent,
   * MediaLimits, UploadOptions, Class)} for a method of this package, after checking its required
   * parameters.
   */
  static <T> ResumableUpload<T> upload(
      ClientContext context,
      MethodSpec spec,
      Map<String, String> query,
      Object metadata,
      MediaContent media,
      MediaLimits limits,
      UploadOptions options,
      Class<T> responseType) {
    checkRequired(spec, query);
    return upload(
        context,
        spec.httpMethod(),
        spec.path(),
        query,
        metadata,
        spec.quota(),
        media,
        limits,
        options,
        responseType);
  }

  /**
   * Continues an upload that another client or process began, from its session URI.
   *
   * @see ResumableUpload#resume
   */
  public static <T> ResumableUpload<T> resume(
      ClientContext context,
      URI sessionUri,
      MediaContent media,
      UploadOptions options,
      Class<T> responseType) {
    return ResumableUpload.resume(context, sessionUri, media, options, responseType);
  }

  /**
   * A streaming download of a media method's body: {@code GET <API base><path>?<query>}, such as
   * {@code captions/{id}} with {@code tfmt} and {@code tlang}.
   *
   * @param context the client's executor and base URLs
   * @param path the path under the API base; {@code {name}} placeholders are filled from {@code
   *     query}
   * @param query the parameters
   * @param quota what the request costs, or {@code null}
   * @return the download, not yet sent
   */
  public static MediaDownload download(
      ClientContext context, String path, Map<String, String> query, QuotaCost quota) {
    Objects.requireNonNull(context, "context == null");
    Map<String, String> parameters = new LinkedHashMap<>(query);
    URI uri = URI.create(context.api() + fill(path, parameters) + encode(parameters));
    HttpCall call = HttpCall.api("GET", uri);
    if (quota != null) {
      call = call.withQuota(quota);
    }
    return MediaDownload.of(context, call);
  }

  /** {@link #download(ClientContext, String, Map, QuotaCost)} for a method of this package. */
  static MediaDownload download(ClientContext context, MethodSpec spec, Map<String, String> query) {
    checkRequired(spec, query);
    return download(context, spec.path(), query, spec.quota());
  }

  private static void checkRequired(MethodSpec spec, Map<String, String> query) {
    for (String name : spec.required()) {
      if (!query.containsKey(name)) {
        throw new IllegalArgumentException(
            "required parameter '" + name + "' is missing for " + spec.id());
      }
    }
  }

  /** Fills {@code {name}} placeholders from {@code parameters}, removing the values used. */
  private static String fill(String path, Map<String, String> parameters) {
    String filled = path;
    for (int open = filled.indexOf('{'); open >= 0; open = filled.indexOf('{')) {
      int close = filled.indexOf('}', open);
      String name = filled.substring(open + 1, close);
      String value = parameters.remove(name);
      if (value == null) {
        throw new IllegalArgumentException("required parameter '" + name + "' is missing");
      }
      filled = filled.substring(0, open) + escape(value) + filled.substring(close + 1);
    }
    return filled;
  }

  private static String encode(Map<String, String> parameters) {
    if (parameters.isEmpty()) {
      return "";
    }
    StringJoiner joined = new StringJoiner("&", "?", "");
    parameters.forEach((name, value) -> joined.add(escape(name) + "=" + escape(value)));
    return joined.toString();
  }

  /** RFC 3986 percent-encoding: spaces as {@code %20}, commas kept for readable part lists. */
  private static String escape(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%2C", ",");
  }
}
