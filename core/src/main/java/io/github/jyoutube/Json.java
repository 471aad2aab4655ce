package io.github.jyoutube;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.auth.UserInfo;
import io.github.jyoutube.error.DecodeException;
import io.github.jyoutube.model.ModelJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON codec the client uses, public so that callers can read and write the same models.
 *
 * <p>Absent properties stay absent when written ({@code null} components are omitted), properties a
 * model does not know are kept and written back, and date-times are ISO-8601 strings. {@link
 * #parse} throws {@link DecodeException} for input that is not JSON or not of the expected shape.
 *
 * <p>It reads and writes with Jackson's streaming parser and the readers and writers generated with
 * the models: no reflection, and no data-binding library on the class path.
 */
public final class Json {

  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /**
   * Reads {@code json} as an instance of {@code type}: a record of {@code
   * io.github.jyoutube.model}, {@link AccessToken}, {@link UserInfo}, or {@code Object} / {@code
   * Map} for a {@link #tree}.
   *
   * @param <T> the type to read
   * @param json the JSON text
   * @param type the class of the value
   * @return the value, or {@code null} for a JSON {@code null}
   * @throws DecodeException if the text is not JSON, or not of that shape (a JSON {@code null}
   *     included)
   * @throws IllegalArgumentException if {@code type} is none of the above
   */
  public static <T> T parse(String json, Class<T> type) {
    Objects.requireNonNull(json, "json == null");
    Objects.requireNonNull(type, "type == null");
    try (JsonParser parser = FACTORY.createParser(json)) {
      return read(parser, type);
    } catch (IOException e) {
      throw new DecodeException(type.getSimpleName(), -1, json, e);
    }
  }

  /**
   * Reads UTF-8 {@code json} bytes as an instance of {@code type}; see {@link
   * #parse(String,Class)}.
   *
   * @param <T> the type to read
   * @param json the JSON text, UTF-8 encoded
   * @param type the class of the value
   * @return the value, or {@code null} for a JSON {@code null}
   */
  public static <T> T parse(byte[] json, Class<T> type) {
    Objects.requireNonNull(json, "json == null");
    Objects.requireNonNull(type, "type == null");
    try (JsonParser parser = FACTORY.createParser(json)) {
      return read(parser, type);
    } catch (IOException e) {
      throw new DecodeException(
          type.getSimpleName(), -1, new String(json, StandardCharsets.UTF_8), e);
    }
  }

  /**
   * Reads {@code json} as plain Java values, for callers that want the raw structure: objects are
   * {@code Map<String, Object>} in document order, arrays {@code List<Object>}, numbers {@code
   * Integer}, {@code Long}, {@code BigInteger} or {@code Double}, and the JSON {@code null} is
   * {@code null}. Two trees are equal when the JSON texts hold the same values.
   *
   * @param json the JSON text
   * @return the value as maps, lists, strings, numbers, booleans and {@code null}
   * @throws DecodeException if the text is not JSON
   */
  public static Object tree(String json) {
    Objects.requireNonNull(json, "json == null");
    try (JsonParser parser = FACTORY.createParser(json)) {
      start(parser);
      return finish(parser, ModelJson.readTree(parser));
    } catch (IOException e) {
      throw new DecodeException("JSON", -1, json, e);
    }
  }

  /**
   * Writes {@code value} as compact JSON: a model record, an {@link AccessToken}, a {@link
   * UserInfo}, or plain Java values (maps, collections, strings, numbers, booleans) holding them.
   *
   * @param value the value to write
   * @return the JSON text
   * @throws IllegalArgumentException if {@code value} holds a type that has no JSON form
   */
  public static String write(Object value) {
    Objects.requireNonNull(value, "value == null");
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      writeValue(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
    }
    return out.toString();
  }

  /**
   * Writes {@code value} as compact UTF-8 JSON bytes; see {@link #write}.
   *
   * @param value the value to write
   * @return the JSON text as UTF-8 bytes
   */
  public static byte[] writeBytes(Object value) {
    Objects.requireNonNull(value, "value == null");
    try (ByteArrayBuilder out = new ByteArrayBuilder()) {
      try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
        writeValue(generator, value);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T read(JsonParser parser, Class<T> type) throws IOException {
    start(parser);
    Object value;
    if (type == Object.class || type == Map.class) {
      value = ModelJson.readTree(parser);
      if (type == Map.class && !(value instanceof Map)) {
        throw new JsonParseException(parser, "expected a JSON object");
      }
    } else if (type == AccessToken.class) {
      value = accessToken(object(parser, "AccessToken"));
    } else if (type == UserInfo.class) {
      value = userInfo(object(parser, "UserInfo"));
    } else {
      value = ModelJson.read(parser, type);
    }
    if (value == null) {
      throw new JsonParseException(parser, "expected " + type.getSimpleName() + " but found null");
    }
    return type.cast(finish(parser, value));
  }

  private static void start(JsonParser parser) throws IOException {
    if (parser.nextToken() == null) {
      throw new JsonParseException(parser, "no JSON value (empty input)");
    }
  }

  private static Object finish(JsonParser parser, Object value) throws IOException {
    if (parser.nextToken() != null) {
      throw new JsonParseException(parser, "unexpected content after the JSON value");
    }
    return value;
  }

  private static void writeValue(JsonGenerator generator, Object value) throws IOException {
    if (value instanceof AccessToken token) {
      ModelJson.writeTree(generator, fields(token));
    } else if (value instanceof UserInfo info) {
      ModelJson.writeTree(generator, fields(info));
    } else {
      ModelJson.writeTree(generator, value);
    }
  }

  // The two OAuth types are few and small: read through a map rather than generated code.

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(JsonParser parser, String target) throws IOException {
    Object value = ModelJson.readTree(parser);
    if (value != null && !(value instanceof Map)) {
      throw new JsonParseException(parser, "expected a JSON object for " + target);
    }
    return (Map<String, Object>) value;
  }

  private static AccessToken accessToken(Map<String, Object> map) throws IOException {
    if (map == null) {
      return null;
    }
    Object accessToken = map.get("access_token");
    if (!(accessToken instanceof String text) || text.isEmpty()) {
      throw new JsonParseException(null, "access_token is missing");
    }
    try {
      return new AccessToken(
          text,
          longValue(map, "expires_in"),
          text(map, "token_type"),
          text(map, "refresh_token"),
          text(map, "scope"),
          text(map, "id_token"),
          instant(map, "expires_at"));
    } catch (IllegalArgumentException e) {
      // The record names the part that is wrong, never its value.
      throw new JsonParseException(null, e.getMessage());
    }
  }

  private static Map<String, Object> fields(AccessToken token) {
    Map<String, Object> map = new LinkedHashMap<>();
    putIfPresent(map, "access_token", token.accessToken());
    putIfPresent(map, "expires_in", token.expiresIn());
    putIfPresent(map, "token_type", token.tokenType());
    putIfPresent(map, "refresh_token", token.refreshToken());
    putIfPresent(map, "scope", token.scope());
    putIfPresent(map, "id_token", token.idToken());
    putIfPresent(map, "expires_at", token.expiresAt());
    return map;
  }

  private static UserInfo userInfo(Map<String, Object> map) throws IOException {
    if (map == null) {
      return null;
    }
    Map<String, Object> rest = new LinkedHashMap<>(map);
    return new UserInfo(
        text(rest, "sub"),
        text(rest, "name"),
        text(rest, "given_name"),
        text(rest, "family_name"),
        text(rest, "picture"),
        text(rest, "locale"),
        text(rest, "email"),
        bool(rest, "email_verified"),
        rest);
  }

  private static Map<String, Object> fields(UserInfo info) {
    Map<String, Object> map = new LinkedHashMap<>();
    putIfPresent(map, "sub", info.sub());
    putIfPresent(map, "name", info.name());
    putIfPresent(map, "given_name", info.givenName());
    putIfPresent(map, "family_name", info.familyName());
    putIfPresent(map, "picture", info.picture());
    putIfPresent(map, "locale", info.locale());
    putIfPresent(map, "email", info.email());
    putIfPresent(map, "email_verified", info.emailVerified());
    map.putAll(info.additionalProperties());
    return map;
  }

  private static void putIfPresent(Map<String, Object> map, String name, Object value) {
    if (value != null) {
      map.put(name, value);
    }
  }

  // The readers below remove what they read, so that the rest is what the type does not know.

  private static String text(Map<String, Object> map, String name) throws IOException {
    Object value = map.remove(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw new JsonParseException(null, name + ": expected a string");
  }

  private static Long longValue(Map<String, Object> map, String name) throws IOException {
    Object value = map.remove(name);
    if (value == null) {
      return null;
    }
    try {
      if (value instanceof Number number && !(value instanceof Double)) {
        return new java.math.BigInteger(number.toString()).longValueExact();
      }
      if (value instanceof String text) {
        return Long.valueOf(text.trim());
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    throw new JsonParseException(null, name + ": expected an integer");
  }

  private static Boolean bool(Map<String, Object> map, String name) throws IOException {
    Object value = map.remove(name);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.valueOf((String) value);
    }
    throw new JsonParseException(null, name + ": expected a boolean");
  }

  private static Instant instant(Map<String, Object> map, String name) throws IOException {
    String text = text(map, name);
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new JsonParseException(null, name + ": \"" + text + "\" is not an ISO-8601 date-time");
    }
  }
}
