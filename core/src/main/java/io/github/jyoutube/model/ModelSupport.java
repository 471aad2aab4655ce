package io.github.jyoutube.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for the generated records: copying in their compact constructors, and the scalar readers
 * and writers their generated {@code readJson} and {@code writeJson} call.
 *
 * <p>Readers take the parser positioned on the value's token and return {@code null} for a JSON
 * null. They accept what the API writes (numbers and {@code int64} strings either way round) and
 * reject anything else with a {@link JsonParseException} that names the property.
 */
final class ModelSupport {

  private ModelSupport() {}

  static <T> List<T> copy(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  static <V> Map<String, V> copy(Map<String, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static Map<String, Object> additionalProperties(Map<String, Object> properties) {
    return properties == null || properties.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  // ------------------------------------------------------------------ reading

  /** Whether an object starts here; {@code false} for a JSON null. */
  static boolean startObject(JsonParser json, String where) throws IOException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return true;
    }
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    throw unexpected(json, where, "an object");
  }

  /** Whether an array starts here; {@code false} for a JSON null. */
  static boolean startArray(JsonParser json, String where) throws IOException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.START_ARRAY) {
      return true;
    }
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    throw unexpected(json, where, "an array");
  }

  static String readString(JsonParser json, String where) throws IOException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return json.getText();
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != null && token.isScalarValue()) {
      return json.getText(); // a number or boolean where text was declared: kept as written
    }
    throw unexpected(json, where, "a string");
  }

  static Integer readInteger(JsonParser json, String where) throws IOException {
    return switch (integral(json, where)) {
      case VALUE_NUMBER_INT -> {
        if (json.getNumberType() != JsonParser.NumberType.INT) {
          throw new JsonParseException(json, where + ": " + json.getText() + " is not an int32");
        }
        yield json.getIntValue();
      }
      case VALUE_STRING -> {
        try {
          yield parseIntegral(json, where).intValueExact();
        } catch (ArithmeticException e) {
          throw new JsonParseException(json, where + ": " + json.getText() + " is not an int32");
        }
      }
      default -> null;
    };
  }

  static Long readLong(JsonParser json, String where) throws IOException {
    return switch (integral(json, where)) {
      case VALUE_NUMBER_INT -> {
        JsonParser.NumberType type = json.getNumberType();
        if (type == JsonParser.NumberType.BIG_INTEGER) {
          throw new JsonParseException(json, where + ": " + json.getText() + " is not an int64");
        }
        yield json.getLongValue();
      }
      case VALUE_STRING -> {
        try {
          yield parseIntegral(json, where).longValueExact();
        } catch (ArithmeticException e) {
          throw new JsonParseException(json, where + ": " + json.getText() + " is not an int64");
        }
      }
      default -> null;
    };
  }

  static BigInteger readBigInteger(JsonParser json, String where) throws IOException {
    return switch (integral(json, where)) {
      case VALUE_NUMBER_INT -> json.getBigIntegerValue();
      case VALUE_STRING -> parseIntegral(json, where);
      default -> null;
    };
  }

  static Double readDouble(JsonParser json, String where) throws IOException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
      return json.getDoubleValue();
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token == JsonToken.VALUE_STRING) {
      try {
        return Double.valueOf(json.getText().trim());
      } catch (NumberFormatException e) {
        throw new JsonParseException(json, where + ": \"" + json.getText() + "\" is not a number");
      }
    }
    throw unexpected(json, where, "a number");
  }

  static Boolean readBoolean(JsonParser json, String where) throws IOException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = json.getText();
      if (text.equals("true") || text.equals("false")) {
        return text.equals("true");
      }
    }
    throw unexpected(json, where, "a boolean");
  }

  static DateTime readDateTime(JsonParser json, String where) throws IOException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return new DateTime(json.getText());
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    throw unexpected(json, where, "a date-time string");
  }

  /** Adds the value of a property the record does not know to {@code into}, created if needed. */
  static Map<String, Object> readUnknown(JsonParser json, String name, Map<String, Object> into)
      throws IOException {
    Map<String, Object> map = into != null ? into : new LinkedHashMap<>();
    map.put(name, readAny(json));
    return map;
  }

  /** Any JSON value as maps (in document order), lists, strings, numbers and booleans. */
  static Object readAny(JsonParser json) throws IOException {
    JsonToken token = json.currentToken();
    if (token == null) {
      throw new JsonParseException(json, "unexpected end of input");
    }
    switch (token) {
      case START_OBJECT:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            json.nextToken();
            map.put(name, readAny(json));
          }
          return map;
        }
      case START_ARRAY:
        {
          List<Object> list = new ArrayList<>();
          while (json.nextToken() != JsonToken.END_ARRAY) {
            list.add(readAny(json));
          }
          return list;
        }
      case VALUE_STRING:
        return json.getText();
      case VALUE_NUMBER_INT:
        return json.getNumberValue(); // Integer, Long or BigInteger: the smallest that holds it
      case VALUE_NUMBER_FLOAT:
        return json.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new JsonParseException(json, "unexpected " + token);
    }
  }

  private static JsonToken integral(JsonParser json, String where) throws IOException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT
        || token == JsonToken.VALUE_STRING
        || token == JsonToken.VALUE_NULL) {
      return token;
    }
    throw unexpected(json, where, "an integer");
  }

  private static BigInteger parseIntegral(JsonParser json, String where) throws IOException {
    String text = json.getText().trim();
    try {
      return new BigInteger(text);
    } catch (NumberFormatException e) {
      throw new JsonParseException(json, where + ": \"" + text + "\" is not an integer");
    }
  }

  private static JsonParseException unexpected(JsonParser json, String where, String expected) {
    JsonToken token = json.currentToken();
    String found =
        token == null
            ? "the end of the input"
            : switch (token) {
              case START_OBJECT -> "an object";
              case START_ARRAY -> "an array";
              case VALUE_STRING -> "a string";
              case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
              case VALUE_TRUE, VALUE_FALSE -> "a boolean";
              default -> token.toString();
            };
    return new JsonParseException(json, where + ": expected " + expected + " but found " + found);
  }

  // ------------------------------------------------------------------ writing

  static void writeString(JsonGenerator json, String value) throws IOException {
    json.writeString(value); // writes null for null
  }

  static void writeInteger(JsonGenerator json, Integer value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else {
      json.writeNumber(value.intValue());
    }
  }

  static void writeLong(JsonGenerator json, Long value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else {
      json.writeNumber(value.longValue());
    }
  }

  /** An {@code int64} the API sends as a string, written back as one. */
  static void writeLongAsString(JsonGenerator json, Long value) throws IOException {
    json.writeString(value == null ? null : value.toString());
  }

  /** A {@code uint64} the API sends as a string, written back as one. */
  static void writeBigIntegerAsString(JsonGenerator json, BigInteger value) throws IOException {
    json.writeString(value == null ? null : value.toString());
  }

  static void writeDouble(JsonGenerator json, Double value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else {
      json.writeNumber(value.doubleValue());
    }
  }

  static void writeBoolean(JsonGenerator json, Boolean value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else {
      json.writeBoolean(value);
    }
  }

  static void writeDateTime(JsonGenerator json, DateTime value) throws IOException {
    json.writeString(value == null ? null : value.value());
  }

  static void writeEnum(JsonGenerator json, ApiEnum value) throws IOException {
    json.writeString(value == null ? null : value.value());
  }

  /** Writes the properties a record kept without knowing them, as they were read or set. */
  static void writeUnknown(JsonGenerator json, Map<String, Object> properties) throws IOException {
    for (Map.Entry<String, Object> property : properties.entrySet()) {
      json.writeFieldName(property.getKey());
      writeAny(json, property.getValue());
    }
  }

  /** Writes plain Java values, the records and enums of this package and Java times. */
  static void writeAny(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof Boolean flag) {
      json.writeBoolean(flag);
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      json.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof BigInteger big) {
      json.writeNumber(big);
    } else if (value instanceof BigDecimal decimal) {
      json.writeNumber(decimal);
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String name)) {
          throw new IllegalArgumentException(
              "cannot write a map key of " + typeName(entry.getKey()) + " as JSON");
        }
        json.writeFieldName(name);
        writeAny(json, entry.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof Collection<?> list) {
      json.writeStartArray();
      for (Object element : list) {
        writeAny(json, element);
      }
      json.writeEndArray();
    } else if (value instanceof ApiEnum constant) {
      json.writeString(constant.value());
    } else if (value instanceof DateTime dateTime) {
      json.writeString(dateTime.value());
    } else if (value instanceof Instant instant) {
      json.writeString(DateTimeFormatter.ISO_INSTANT.format(instant));
    } else if (value instanceof OffsetDateTime dateTime) {
      json.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime));
    } else if (!ModelJson.write(json, value)) {
      throw new IllegalArgumentException("cannot write " + typeName(value) + " as JSON");
    }
  }

  private static String typeName(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
