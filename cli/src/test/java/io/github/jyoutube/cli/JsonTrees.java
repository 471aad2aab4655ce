package io.github.jyoutube.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the CLI's JSON output as Jackson trees, for assertions that walk paths. */
final class JsonTrees {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonTrees() {}

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
