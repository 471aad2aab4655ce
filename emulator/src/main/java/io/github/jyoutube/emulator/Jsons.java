package io.github.jyoutube.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/** JSON trees: the emulator keeps every resource as a tree and writes trees. */
final class Jsons {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final ObjectMapper PRETTY = JsonMapper.builder().build();

  /** Google's layout: two spaces, {@code "name": value}, arrays broken over lines. */
  private static final ObjectWriter PRETTY_WRITER =
      PRETTY.writer(
          new DefaultPrettyPrinter()
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
              .withArrayIndenter(new DefaultIndenter("  ", "\n"))
              .withObjectIndenter(new DefaultIndenter("  ", "\n")));

  private Jsons() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Reads JSON text; {@code null} if it is not JSON. */
  static JsonNode read(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }

  static JsonNode read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] bytes(JsonNode node, boolean pretty) {
    try {
      return pretty ? PRETTY_WRITER.writeValueAsBytes(node) : MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(JsonNode node) {
    return new String(bytes(node, false), StandardCharsets.UTF_8);
  }

  /** A strong etag: 27 characters of the SHA-1 of the node's compact JSON, as YouTube's look. */
  static String etag(JsonNode node) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(bytes(node, false));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An RFC 3339 time as YouTube writes it: UTC, seconds, {@code Z}. */
  static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  static String time(String iso) {
    return time(Instant.parse(iso));
  }

  static String timeUtc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** The text at a dotted path ({@code snippet.channelId}), or {@code null}. */
  static String str(JsonNode node, String path) {
    JsonNode at = at(node, path);
    return at == null || at.isNull() || at.isContainerNode() ? null : at.asText();
  }

  static JsonNode at(JsonNode node, String path) {
    JsonNode current = node;
    for (String name : path.split("\\.")) {
      if (current == null || !current.isObject()) {
        return null;
      }
      current = current.get(name);
    }
    return current;
  }

  /** The object at a dotted path, created as needed. */
  static ObjectNode obj(ObjectNode node, String path) {
    ObjectNode current = node;
    for (String name : path.split("\\.")) {
      JsonNode child = current.get(name);
      if (!(child instanceof ObjectNode)) {
        child = current.putObject(name);
      }
      current = (ObjectNode) child;
    }
    return current;
  }

  /** Builds an object from name-value pairs; {@code null} values are left out. */
  static ObjectNode of(Object... pairs) {
    ObjectNode node = object();
    for (int i = 0; i < pairs.length; i += 2) {
      put(node, (String) pairs[i], pairs[i + 1]);
    }
    return node;
  }

  static void put(ObjectNode node, String name, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof JsonNode json) {
      node.set(name, json);
    } else if (value instanceof String text) {
      node.put(name, text);
    } else if (value instanceof Integer number) {
      node.put(name, number);
    } else if (value instanceof Long number) {
      node.put(name, number);
    } else if (value instanceof Boolean flag) {
      node.put(name, flag);
    } else if (value instanceof Double number) {
      node.put(name, number);
    } else {
      node.put(name, String.valueOf(value));
    }
  }
}
