package io.github.jyoutube;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.jyoutube.error.DecodeException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The JSON codec the client uses, public so that callers can read and write the same models.
 *
 * <p>Absent properties stay absent when written ({@code null} components are omitted), properties a
 * model does not know are kept and written back, and date-times are ISO-8601 strings. {@link
 * #parse} throws {@link DecodeException} for input that is not JSON or not of the expected shape.
 */
public final class Json {

  private static final ObjectMapper MAPPER = newMapper();

  private Json() {}

  /** Reads {@code json} as an instance of {@code type}. */
  public static <T> T parse(String json, Class<T> type) {
    Objects.requireNonNull(json, "json == null");
    Objects.requireNonNull(type, "type == null");
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new DecodeException(type.getSimpleName(), -1, json, e);
    }
  }

  /** Reads UTF-8 {@code json} bytes as an instance of {@code type}. */
  public static <T> T parse(byte[] json, Class<T> type) {
    Objects.requireNonNull(json, "json == null");
    Objects.requireNonNull(type, "type == null");
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new DecodeException(
          type.getSimpleName(), -1, new String(json, java.nio.charset.StandardCharsets.UTF_8), e);
    }
  }

  /** Reads {@code json} as a tree, for callers that want the raw structure. */
  public static JsonNode tree(String json) {
    Objects.requireNonNull(json, "json == null");
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new DecodeException("JSON", -1, json, e);
    }
  }

  /** Writes {@code value} as compact JSON. */
  public static String write(Object value) {
    Objects.requireNonNull(value, "value == null");
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes {@code value} as compact UTF-8 JSON bytes. */
  public static byte[] writeBytes(Object value) {
    Objects.requireNonNull(value, "value == null");
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectMapper newMapper() {
    SimpleModule time = new SimpleModule("jyoutube-time");
    time.addSerializer(OffsetDateTime.class, new OffsetDateTimeSerializer());
    time.addDeserializer(OffsetDateTime.class, new OffsetDateTimeDeserializer());
    time.addSerializer(Instant.class, new InstantSerializer());
    time.addDeserializer(Instant.class, new InstantDeserializer());
    return JsonMapper.builder()
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .addModule(time)
        .build();
  }

  private static final class OffsetDateTimeSerializer extends JsonSerializer<OffsetDateTime> {
    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }
  }

  private static final class InstantSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(
          DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atOffset(ZoneOffset.UTC)));
    }
  }

  private static final class OffsetDateTimeDeserializer extends JsonDeserializer<OffsetDateTime> {
    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      String text = p.getValueAsString();
      if (text == null || text.isEmpty()) {
        return null;
      }
      try {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException e) {
        throw ctxt.weirdStringException(text, OffsetDateTime.class, "not an ISO-8601 date-time");
      }
    }
  }

  private static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null || text.isEmpty()) {
        return null;
      }
      try {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        throw ctxt.weirdStringException(text, Instant.class, "not an ISO-8601 date-time");
      }
    }
  }
}
