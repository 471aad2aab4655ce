package io.github.jyoutube.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copying helpers for the compact constructors of the generated records. */
final class ModelSupport {

  private ModelSupport() {}

  /** An unmodifiable copy of {@code list} (which may contain nulls), or null. */
  static <T> List<T> copy(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** An unmodifiable copy of {@code map} in the same order, or null. */
  static <V> Map<String, V> copy(Map<String, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** An unmodifiable copy of {@code properties} in the same order; empty for null. */
  static Map<String, Object> additionalProperties(Map<String, Object> properties) {
    return properties == null || properties.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }
}
