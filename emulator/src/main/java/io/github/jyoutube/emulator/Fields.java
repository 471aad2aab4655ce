package io.github.jyoutube.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Partial responses: the {@code fields} parameter, such as {@code items(id,snippet/title)}. */
final class Fields {

  private static final Object WHOLE = new Object();

  private final String text;
  private int at;

  private Fields(String text) {
    this.text = text.replace(" ", "");
  }

  /** The parts of {@code node} that {@code fields} selects. */
  static JsonNode select(JsonNode node, String fields) throws ApiError {
    Fields parser = new Fields(fields);
    Map<String, Object> selection = new LinkedHashMap<>();
    parser.list(selection);
    if (parser.at != parser.text.length()) {
      throw invalid(fields);
    }
    return apply(node, selection);
  }

  private static ApiError invalid(String fields) {
    return ApiError.invalidParameter("fields", "Invalid field selection " + fields);
  }

  private void list(Map<String, Object> into) throws ApiError {
    item(into);
    while (at < text.length() && text.charAt(at) == ',') {
      at++;
      item(into);
    }
  }

  @SuppressWarnings("unchecked")
  private void item(Map<String, Object> into) throws ApiError {
    int start = at;
    while (at < text.length() && ",/()".indexOf(text.charAt(at)) < 0) {
      at++;
    }
    String name = text.substring(start, at);
    if (name.isEmpty()) {
      throw invalid(text);
    }
    if (at < text.length() && (text.charAt(at) == '/' || text.charAt(at) == '(')) {
      Object existing = into.get(name);
      if (existing == WHOLE) {
        Map<String, Object> ignored = new LinkedHashMap<>();
        nested(ignored);
        return;
      }
      Map<String, Object> sub =
          existing == null ? new LinkedHashMap<>() : (Map<String, Object>) existing;
      into.put(name, sub);
      nested(sub);
    } else {
      into.put(name, WHOLE);
    }
  }

  private void nested(Map<String, Object> sub) throws ApiError {
    if (text.charAt(at) == '/') {
      at++;
      item(sub);
    } else {
      at++;
      list(sub);
      if (at >= text.length() || text.charAt(at) != ')') {
        throw invalid(text);
      }
      at++;
    }
  }

  @SuppressWarnings("unchecked")
  private static JsonNode apply(JsonNode node, Map<String, Object> selection) {
    if (node instanceof ArrayNode array) {
      ArrayNode out = Jsons.array();
      array.forEach(element -> out.add(apply(element, selection)));
      return out;
    }
    if (!(node instanceof ObjectNode object)) {
      return node;
    }
    ObjectNode out = Jsons.object();
    object
        .properties()
        .forEach(
            field -> {
              Object sub = selection.get(field.getKey());
              if (sub == WHOLE) {
                out.set(field.getKey(), field.getValue());
              } else if (sub != null) {
                out.set(field.getKey(), apply(field.getValue(), (Map<String, Object>) sub));
              }
            });
    return out;
  }
}
