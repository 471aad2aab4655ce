package io.github.jyoutube.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The parts of a Google API discovery document (REST description) the generators use.
 *
 * <p>Maps keep the document's order (schema properties are alphabetical in Google's documents).
 * Only the keys the generators need are read; everything else is ignored.
 *
 * @param name the API name, e.g. {@code youtube}
 * @param version the API version, e.g. {@code v3}
 * @param title the API title, e.g. {@code YouTube Data API v3}
 * @param revision the document revision, e.g. {@code 20260924}
 * @param rootUrl the root URL, e.g. {@code https://youtube.googleapis.com/}
 * @param servicePath the service path, e.g. {@code youtube/v3/}
 * @param parameters the parameters every method accepts, by name
 * @param schemas the schemas, by id
 * @param resources the top-level resources, by name
 */
public record DiscoveryDocument(
    String name,
    String version,
    String title,
    String revision,
    String rootUrl,
    String servicePath,
    Map<String, Parameter> parameters,
    Map<String, Schema> schemas,
    Map<String, Resource> resources) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Reads a discovery document from a file. */
  public static DiscoveryDocument read(Path file) throws IOException {
    return parse(Files.readString(file));
  }

  /** Parses a discovery document from JSON text. */
  public static DiscoveryDocument parse(String json) throws IOException {
    return from(MAPPER.readTree(json));
  }

  /** Reads a discovery document from a parsed JSON tree. */
  public static DiscoveryDocument from(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a discovery document must be a JSON object");
    }
    return new DiscoveryDocument(
        text(root, "name"),
        text(root, "version"),
        text(root, "title"),
        text(root, "revision"),
        text(root, "rootUrl"),
        text(root, "servicePath"),
        named(root.get("parameters"), Parameter::from),
        map(root.get("schemas"), Schema::from),
        named(root.get("resources"), Resource::from));
  }

  /** Returns the schema with the given id, failing if the document does not define it. */
  public Schema schema(String id) {
    Schema schema = schemas.get(id);
    if (schema == null) {
      throw new IllegalArgumentException("the document has no schema " + id);
    }
    return schema;
  }

  /** Returns every method of the document, depth-first in document order. */
  public List<Method> allMethods() {
    List<Method> methods = new ArrayList<>();
    for (Resource resource : resources.values()) {
      resource.collectMethods(methods);
    }
    return methods;
  }

  /**
   * Returns the ids of the schemas reachable from {@code roots} through {@code $ref}, array items,
   * map values and inline object properties, including the roots themselves.
   */
  public Set<String> reachableSchemas(Iterable<String> roots) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> pending = new ArrayList<>();
    roots.forEach(pending::add);
    while (!pending.isEmpty()) {
      String id = pending.remove(pending.size() - 1);
      if (seen.add(id)) {
        schema(id).collectRefs(pending);
      }
    }
    return seen;
  }

  /**
   * A JSON schema: a top-level schema, a property, an array's items or a map's values.
   *
   * @param id the schema id, for top-level schemas only
   * @param type {@code object}, {@code string}, {@code integer}, {@code number}, {@code boolean},
   *     {@code array}, {@code any}, or null for a {@code $ref}
   * @param format the format of a scalar, e.g. {@code int64} or {@code date-time}
   * @param ref the referenced schema id, or null
   * @param description the description, or null
   * @param properties the properties of an object, in document order
   * @param items the schema of an array's items, or null
   * @param additionalProperties the schema of a map's values, or null
   * @param enumValues the allowed values of an enumerated string, or empty
   * @param enumDescriptions the descriptions of {@code enumValues}, index by index, or empty
   * @param enumDeprecated which of {@code enumValues} are deprecated, index by index, or empty
   * @param deprecated whether the API marks this schema or property deprecated
   * @param readOnly whether the API marks this property output only
   */
  public record Schema(
      String id,
      String type,
      String format,
      String ref,
      String description,
      Map<String, Schema> properties,
      Schema items,
      Schema additionalProperties,
      List<String> enumValues,
      List<String> enumDescriptions,
      List<Boolean> enumDeprecated,
      boolean deprecated,
      boolean readOnly) {

    static Schema from(JsonNode node) {
      return new Schema(
          text(node, "id"),
          text(node, "type"),
          text(node, "format"),
          text(node, "$ref"),
          text(node, "description"),
          map(node.get("properties"), Schema::from),
          node.has("items") ? from(node.get("items")) : null,
          node.path("additionalProperties").isObject()
              ? from(node.get("additionalProperties"))
              : null,
          strings(node.get("enum")),
          strings(node.get("enumDescriptions")),
          booleans(node.get("enumDeprecated")),
          node.path("deprecated").asBoolean(false),
          node.path("readOnly").asBoolean(false));
    }

    /** Whether this is a string with a fixed list of values. */
    public boolean isEnum() {
      return !enumValues.isEmpty();
    }

    /** Whether this is an object with declared properties (a top-level or inline record). */
    public boolean isRecord() {
      return ref == null
          && additionalProperties == null
          && ("object".equals(type) || (type == null && !properties.isEmpty()));
    }

    /** The description of enum value {@code index}, or an empty string. */
    public String enumDescription(int index) {
      return index < enumDescriptions.size() ? enumDescriptions.get(index) : "";
    }

    /** Whether enum value {@code index} is deprecated. */
    public boolean enumValueDeprecated(int index) {
      return index < enumDeprecated.size() && enumDeprecated.get(index);
    }

    void collectRefs(List<String> out) {
      if (ref != null) {
        out.add(ref);
      }
      if (items != null) {
        items.collectRefs(out);
      }
      if (additionalProperties != null) {
        additionalProperties.collectRefs(out);
      }
      for (Schema property : properties.values()) {
        property.collectRefs(out);
      }
    }
  }

  /**
   * A resource: a group of methods and nested resources, e.g. {@code playlists}.
   *
   * @param name the resource name
   * @param methods the methods, by name
   * @param resources the nested resources, by name
   */
  public record Resource(
      String name, Map<String, Method> methods, Map<String, Resource> resources) {

    static Resource from(String name, JsonNode node) {
      return new Resource(
          name,
          named(node.get("methods"), Method::from),
          named(node.get("resources"), Resource::from));
    }

    void collectMethods(List<Method> out) {
      out.addAll(methods.values());
      for (Resource resource : resources.values()) {
        resource.collectMethods(out);
      }
    }
  }

  /**
   * A method, e.g. {@code youtube.playlists.list}.
   *
   * @param name the method name within its resource, e.g. {@code list}
   * @param id the full id, e.g. {@code youtube.playlists.list}
   * @param httpMethod the HTTP method
   * @param path the path template relative to the service path
   * @param flatPath the flat path template, or null
   * @param description the description, or null
   * @param parameters the parameters, by name
   * @param parameterOrder the names of the required parameters, in order
   * @param requestRef the schema id of the request body, or null
   * @param responseRef the schema id of the response body, or null
   * @param scopes the OAuth scopes that allow the method
   * @param supportsMediaUpload whether the method accepts a media upload
   * @param supportsMediaDownload whether the method can return media
   * @param mediaUploadAccept the accepted upload MIME patterns, or empty
   * @param mediaUploadMaxSize the upload size limit, e.g. {@code 256GB}, or null
   * @param mediaUploadPaths the upload protocol paths ({@code simple}, {@code resumable}), by
   *     protocol
   */
  public record Method(
      String name,
      String id,
      String httpMethod,
      String path,
      String flatPath,
      String description,
      Map<String, Parameter> parameters,
      List<String> parameterOrder,
      String requestRef,
      String responseRef,
      List<String> scopes,
      boolean supportsMediaUpload,
      boolean supportsMediaDownload,
      List<String> mediaUploadAccept,
      String mediaUploadMaxSize,
      Map<String, String> mediaUploadPaths) {

    static Method from(String name, JsonNode node) {
      JsonNode upload = node.path("mediaUpload");
      Map<String, String> uploadPaths = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> protocol : upload.path("protocols").properties()) {
        uploadPaths.put(protocol.getKey(), text(protocol.getValue(), "path"));
      }
      return new Method(
          name,
          text(node, "id"),
          text(node, "httpMethod"),
          text(node, "path"),
          text(node, "flatPath"),
          text(node, "description"),
          named(node.get("parameters"), Parameter::from),
          strings(node.get("parameterOrder")),
          text(node.path("request"), "$ref"),
          text(node.path("response"), "$ref"),
          strings(node.get("scopes")),
          node.path("supportsMediaUpload").asBoolean(false),
          node.path("supportsMediaDownload").asBoolean(false),
          strings(upload.get("accept")),
          text(upload, "maxSize"),
          Collections.unmodifiableMap(uploadPaths));
    }
  }

  /**
   * A method or global parameter.
   *
   * @param name the parameter name as sent on the wire
   * @param type {@code string}, {@code integer}, {@code boolean}, ...
   * @param format the format, e.g. {@code uint32} or {@code date-time}, or null
   * @param location {@code query} or {@code path}
   * @param description the description, or null
   * @param required whether the parameter is required
   * @param repeated whether the parameter may be given several times
   * @param defaultValue the default value as text, or null
   * @param minimum the minimum as text, or null
   * @param maximum the maximum as text, or null
   * @param pattern the pattern the value must match, or null
   * @param enumValues the allowed values, or empty
   * @param enumDescriptions the descriptions of {@code enumValues}, or empty
   * @param deprecated whether the API marks the parameter deprecated
   */
  public record Parameter(
      String name,
      String type,
      String format,
      String location,
      String description,
      boolean required,
      boolean repeated,
      String defaultValue,
      String minimum,
      String maximum,
      String pattern,
      List<String> enumValues,
      List<String> enumDescriptions,
      boolean deprecated) {

    static Parameter from(String name, JsonNode node) {
      return new Parameter(
          name,
          text(node, "type"),
          text(node, "format"),
          text(node, "location"),
          text(node, "description"),
          node.path("required").asBoolean(false),
          node.path("repeated").asBoolean(false),
          text(node, "default"),
          text(node, "minimum"),
          text(node, "maximum"),
          text(node, "pattern"),
          strings(node.get("enum")),
          strings(node.get("enumDescriptions")),
          node.path("deprecated").asBoolean(false));
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(e -> out.add(e.asText()));
    }
    return Collections.unmodifiableList(out);
  }

  private static List<Boolean> booleans(JsonNode array) {
    List<Boolean> out = new ArrayList<>();
    if (array != null) {
      array.forEach(e -> out.add(e.asBoolean(false)));
    }
    return Collections.unmodifiableList(out);
  }

  private static <T> Map<String, T> map(JsonNode object, Function<JsonNode, T> reader) {
    return named(object, (name, node) -> reader.apply(node));
  }

  private static <T> Map<String, T> named(JsonNode object, BiFunction<String, JsonNode, T> reader) {
    Map<String, T> out = new LinkedHashMap<>();
    if (object != null && object.isObject()) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        out.put(field.getKey(), reader.apply(field.getKey(), field.getValue()));
      }
    }
    return Collections.unmodifiableMap(out);
  }
}
