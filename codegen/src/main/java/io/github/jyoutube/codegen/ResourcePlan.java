package io.github.jyoutube.codegen;

import io.github.jyoutube.codegen.DiscoveryDocument.Method;
import io.github.jyoutube.codegen.DiscoveryDocument.Parameter;
import io.github.jyoutube.codegen.DiscoveryDocument.Resource;
import io.github.jyoutube.codegen.DiscoveryDocument.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the resource stage generates, decided once from the discovery document and shared by the
 * writers of the resource classes, of the accessors of {@code YouTubeClient} and of the generated
 * test: one {@link Api} per top-level resource, one {@link Operation} per method.
 *
 * <p>Methods of the nested container {@code <name>.<version>} (such as {@code
 * youtube.youtube.v3.liveChat.messages.stream}) join the top-level resource their remaining path
 * names ({@code liveChat.messages} joins {@code liveChatMessages}); other nested resources become
 * resources of their own named by their whole path ({@code things.parts} becomes {@code
 * thingsParts}).
 */
final class ResourcePlan {

  /** The package of the resource classes. */
  static final String PACKAGE = "io.github.jyoutube.resource";

  /** The package of the model records. */
  static final String MODEL_PACKAGE = ModelGenerator.PACKAGE;

  /** Parts that only the owner of a resource may read, left out of the default {@code part}. */
  static final Set<String> OWNER_ONLY_PARTS =
      Set.of(
          "fileDetails", "processingDetails", "suggestions", "auditDetails", "contentOwnerDetails");

  /** Methods renamed after their documented name, by method name within a nested container. */
  static final Map<String, String> NESTED_METHOD_NAMES = Map.of("stream", "streamList");

  /** Hand-written types of {@link #PACKAGE}. */
  static final Set<String> HAND_WRITTEN =
      Set.of("ApiRequest", "ReadRequest", "PagedRequest", "MethodSpec");

  /** Methods of the request base classes, which setters must not take as names. */
  static final Set<String> REQUEST_MEMBERS =
      Set.of(
          "fields",
          "quotaUser",
          "execute",
          "executeAsync",
          "executeIfModified",
          "ifNoneMatch",
          "set",
          "setBounded",
          "setRepeated",
          "required",
          "header",
          "get",
          "query",
          "context",
          "responseType",
          "toCall",
          "partsPresent",
          "self",
          "pageToken",
          "maxItems",
          "pages",
          "stream",
          "toString",
          "hashCode",
          "equals",
          "getClass",
          "notify",
          "notifyAll",
          "wait",
          "clone",
          "finalize");

  /** Simple names a resource file uses, which nested types must not take. */
  static final Set<String> USED_NAMES =
      Set.of(
          "ApiRequest",
          "ReadRequest",
          "PagedRequest",
          "MethodSpec",
          "ClientContext",
          "QuotaBucket",
          "QuotaCost",
          "List",
          "Set",
          "Objects",
          "Instant",
          "OffsetDateTime",
          "String",
          "Object",
          "Override",
          "Void",
          "Integer",
          "Long",
          "Boolean");

  /** How a request reads its answer. */
  enum Kind {
    /** A list method that pages: {@code PagedRequest}. */
    PAGED,
    /** Another {@code GET} with a JSON answer: {@code ReadRequest}. */
    READ,
    /** Everything else: {@code ApiRequest}. */
    PLAIN
  }

  /** The Java shape of a parameter. */
  enum ParamKind {
    STRING,
    STRINGS,
    BOOLEAN,
    INT,
    LONG,
    DATE_TIME,
    ENUM,
    ENUMS
  }

  /**
   * A generated resource class.
   *
   * @param name the accessor name, e.g. {@code commentThreads}
   * @param className e.g. {@code CommentThreadsResource}
   * @param summary what the resource is, as plain text, or null
   * @param operations the methods, in document order
   * @param enums the enum types of its parameters
   * @param partSets the default {@code part} constants
   */
  record Api(
      String name,
      String className,
      String summary,
      List<Operation> operations,
      List<EnumType> enums,
      List<PartSet> partSets) {}

  /**
   * One API method.
   *
   * @param method the document's method
   * @param javaName the resource method name, e.g. {@code streamList}
   * @param requestClass e.g. {@code StreamListRequest}
   * @param specConstant e.g. {@code STREAM_LIST}
   * @param path the path under the API base, e.g. {@code captions/{id}}
   * @param kind the request base class
   * @param responseType a schema id, {@code Void} or {@code byte[]}
   * @param itemType the page item schema id of a paged method, else null
   * @param maxPageSize the largest page of a paged method
   * @param bodySchema the request body schema id, or null
   * @param bodyArg the name of the body argument, or null
   * @param params the setters: {@code part} first, then document order ({@code pageToken} left out
   *     of paged methods)
   * @param arguments the required parameters other than {@code part}, in parameter order
   * @param partDefault the default {@code part}, or null
   * @param cost what a request costs
   */
  record Operation(
      Method method,
      String javaName,
      String requestClass,
      String specConstant,
      String path,
      Kind kind,
      String responseType,
      String itemType,
      int maxPageSize,
      String bodySchema,
      String bodyArg,
      List<Param> params,
      List<Param> arguments,
      PartSet partDefault,
      QuotaTable.Cost cost) {

    /** Whether the answer is a JSON schema. */
    boolean hasJsonResponse() {
      return !responseType.equals("Void") && !responseType.equals("byte[]");
    }
  }

  /**
   * A parameter.
   *
   * @param parameter the document's parameter
   * @param javaName the setter and argument name
   * @param kind the Java shape
   * @param enumType the enum of an enumerated parameter, else null
   * @param minimum the checked minimum of an integer, or null if unchecked
   * @param maximum the checked maximum of an integer, or null if unchecked
   */
  record Param(
      Parameter parameter,
      String javaName,
      ParamKind kind,
      EnumType enumType,
      Long minimum,
      Long maximum) {

    String name() {
      return parameter.name();
    }

    boolean repeated() {
      return kind == ParamKind.STRINGS || kind == ParamKind.ENUMS;
    }
  }

  /**
   * A Java enum nested in a resource class.
   *
   * @param name e.g. {@code Order} or {@code ListBroadcastStatus}
   * @param parameter the parameter it is the type of (the first, if several share it)
   * @param values the wire values
   * @param constants the constant names, index by index
   */
  record EnumType(String name, Parameter parameter, List<String> values, List<String> constants) {

    String description(int index) {
      List<String> descriptions = parameter.enumDescriptions();
      return index < descriptions.size() ? descriptions.get(index) : "";
    }
  }

  /**
   * A default for {@code part}: the readable parts of a response item, sent as they are, or the
   * object parts of a body, of which the parts the body carries are sent.
   *
   * @param constant the constant's name, e.g. {@code READABLE_PARTS}
   * @param body whether these are the parts of a request body
   * @param schema the schema they are the parts of
   * @param parts the part names, sorted
   */
  record PartSet(String constant, boolean body, String schema, List<String> parts) {

    /** The comma-joined parts. */
    String joined() {
      return String.join(",", parts);
    }
  }

  private final DiscoveryDocument doc;
  private final QuotaTable quota;
  private final List<Api> apis = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private ResourcePlan(DiscoveryDocument doc, QuotaTable quota) {
    this.doc = doc;
    this.quota = quota;
  }

  /** Plans the resources of {@code doc}, with costs from {@code quota}. */
  static ResourcePlan of(DiscoveryDocument doc, QuotaTable quota) {
    ResourcePlan plan = new ResourcePlan(doc, quota);
    plan.build();
    return plan;
  }

  /** The resources, in document order. */
  List<Api> apis() {
    return apis;
  }

  /** Every operation, resource by resource. */
  List<Operation> operations() {
    List<Operation> all = new ArrayList<>();
    for (Api api : apis) {
      all.addAll(api.operations());
    }
    return all;
  }

  /** Remarks for the person running the generator, such as methods without a quota cost. */
  List<String> warnings() {
    return warnings;
  }

  DiscoveryDocument doc() {
    return doc;
  }

  // ---------------------------------------------------------------- grouping

  /** A method and the method name it gets. */
  private record Placed(Method method, String name) {}

  private void build() {
    Map<String, List<Placed>> groups = new LinkedHashMap<>();
    for (Resource resource : doc.resources().values()) {
      place(resource, List.of(resource.name()), groups);
    }
    Set<String> classNames = new HashSet<>();
    for (Map.Entry<String, List<Placed>> group : groups.entrySet()) {
      String name = group.getKey();
      String className = Naming.typeName(name) + "Resource";
      if (HAND_WRITTEN.contains(className) || !classNames.add(className)) {
        throw new IllegalArgumentException("resource class name clash: " + className);
      }
      if (!Naming.isUsableIdentifier(name)) {
        throw new IllegalArgumentException("resource name is not a usable Java name: " + name);
      }
      apis.add(planApi(name, className, group.getValue()));
    }
    Set<String> ids = new HashSet<>();
    for (Operation op : operations()) {
      ids.add(op.method().id());
      if (!quota.lists(op.method().id())) {
        warnings.add(
            "no quota cost for "
                + op.method().id()
                + " in the quota table; using the rule of thumb ("
                + op.cost().units()
                + (op.cost().units() == 1 ? " unit" : " units")
                + ", estimated)");
      }
    }
    for (String listed : quota.costs().keySet()) {
      if (listed.startsWith(doc.name() + ".") && !ids.contains(listed)) {
        warnings.add("the quota table lists " + listed + ", which the document does not have");
      }
    }
  }

  private void place(Resource resource, List<String> path, Map<String, List<Placed>> groups) {
    if (!resource.methods().isEmpty()) {
      boolean container =
          path.size() > 2 && path.get(0).equals(doc.name()) && path.get(1).equals(doc.version());
      String name;
      if (container) {
        name = camel(path.subList(2, path.size()));
      } else {
        name = camel(path);
      }
      for (Method method : resource.methods().values()) {
        String methodName =
            container
                ? NESTED_METHOD_NAMES.getOrDefault(method.name(), method.name())
                : method.name();
        groups.computeIfAbsent(name, n -> new ArrayList<>()).add(new Placed(method, methodName));
      }
    }
    for (Resource nested : resource.resources().values()) {
      List<String> nestedPath = new ArrayList<>(path);
      nestedPath.add(nested.name());
      place(nested, nestedPath, groups);
    }
  }

  private static String camel(List<String> words) {
    StringBuilder out = new StringBuilder(words.get(0));
    for (int i = 1; i < words.size(); i++) {
      out.append(Naming.capitalize(words.get(i)));
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- one resource

  private Api planApi(String name, String className, List<Placed> placed) {
    Set<String> methodNames = new HashSet<>();
    for (Placed p : placed) {
      if (!methodNames.add(p.name())) {
        throw new IllegalArgumentException("two methods named " + p.name() + " in " + name);
      }
    }
    Set<String> taken = new HashSet<>(USED_NAMES);
    taken.add(className);
    for (Placed p : placed) {
      taken.add(Naming.typeName(p.name()) + "Request");
    }
    Map<String, EnumType> enumsByKey = planEnums(placed, taken);
    Map<String, PartSet> partSets = new LinkedHashMap<>();
    List<Operation> operations = new ArrayList<>();
    for (Placed p : placed) {
      operations.add(planOperation(p, enumsByKey, partSets));
    }
    List<PartSet> sets = nameParts(List.copyOf(partSets.values()));
    List<Operation> named = new ArrayList<>();
    for (Operation op : operations) {
      PartSet renamed = op.partDefault() == null ? null : find(sets, op.partDefault());
      named.add(
          new Operation(
              op.method(),
              op.javaName(),
              op.requestClass(),
              op.specConstant(),
              op.path(),
              op.kind(),
              op.responseType(),
              op.itemType(),
              op.maxPageSize(),
              op.bodySchema(),
              op.bodyArg(),
              op.params(),
              op.arguments(),
              renamed,
              op.cost()));
    }
    List<EnumType> enums = List.copyOf(new LinkedHashSet<>(enumsByKey.values()));
    return new Api(name, className, summary(placed), named, enums, sets);
  }

  private static PartSet find(List<PartSet> sets, PartSet unnamed) {
    for (PartSet set : sets) {
      if (set.body() == unnamed.body() && set.schema().equals(unnamed.schema())) {
        return set;
      }
    }
    throw new IllegalStateException("no part set for " + unnamed);
  }

  /**
   * Names the part constants: {@code READABLE_PARTS} and {@code BODY_PARTS} when a resource has one
   * of the kind, else prefixed with the schema, e.g. {@code VIDEO_STAT_READABLE_PARTS}.
   */
  private static List<PartSet> nameParts(List<PartSet> all) {
    List<PartSet> sets = new ArrayList<>();
    for (PartSet set : all) {
      long sameKind = all.stream().filter(s -> s.body() == set.body()).count();
      String base = set.body() ? "BODY_PARTS" : "READABLE_PARTS";
      String constant = sameKind == 1 ? base : Naming.upperSnake(set.schema()) + "_" + base;
      sets.add(new PartSet(constant, set.body(), set.schema(), set.parts()));
    }
    return Collections.unmodifiableList(sets);
  }

  /** The enums of a resource, by {@code methodName/parameterName}. */
  private Map<String, EnumType> planEnums(List<Placed> placed, Set<String> taken) {
    // parameter name -> distinct value lists, in order of first use
    Map<String, List<List<String>>> valueSets = new LinkedHashMap<>();
    for (Placed p : placed) {
      for (Parameter parameter : p.method().parameters().values()) {
        if (isEnum(parameter)) {
          List<List<String>> sets =
              valueSets.computeIfAbsent(parameter.name(), n -> new ArrayList<>());
          if (!sets.contains(parameter.enumValues())) {
            sets.add(parameter.enumValues());
          }
        }
      }
    }
    Map<String, EnumType> byKey = new LinkedHashMap<>();
    Map<List<Object>, EnumType> created = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    for (Placed p : placed) {
      for (Parameter parameter : p.method().parameters().values()) {
        if (!isEnum(parameter)) {
          continue;
        }
        List<Object> key = List.of(parameter.name(), parameter.enumValues());
        EnumType type = created.get(key);
        if (type == null) {
          boolean shared = valueSets.get(parameter.name()).size() == 1;
          String base =
              (shared ? "" : Naming.typeName(p.name())) + Naming.typeName(parameter.name());
          String name = base;
          for (int i = 2; taken.contains(name) || names.contains(name); i++) {
            name = base + (i == 2 ? "Param" : "Param" + i);
          }
          names.add(name);
          type = new EnumType(name, parameter, parameter.enumValues(), constants(name, parameter));
          created.put(key, type);
        }
        byKey.put(p.name() + "/" + parameter.name(), type);
      }
    }
    taken.addAll(names);
    return byKey;
  }

  private static List<String> constants(String enumName, Parameter parameter) {
    List<String> constants = new ArrayList<>();
    Set<String> used = new HashSet<>();
    String prefix = Naming.upperSnake(enumName);
    for (String value : parameter.enumValues()) {
      String base = Naming.constantName(value, prefix);
      String unique = base;
      for (int i = 2; !used.add(unique); i++) {
        unique = base + "_" + i;
      }
      constants.add(unique);
    }
    return constants;
  }

  private static boolean isEnum(Parameter parameter) {
    return "string".equals(parameter.type()) && !parameter.enumValues().isEmpty();
  }

  /** What the resource is: the first sentence of its main schema's description. */
  private String summary(List<Placed> placed) {
    String main = null;
    for (Placed p : placed) {
      if (p.name().equals("list") && p.method().responseRef() != null) {
        main = itemSchema(p.method().responseRef());
        break;
      }
    }
    for (Placed p : placed) {
      if (main == null && p.method().requestRef() != null) {
        main = p.method().requestRef();
      }
    }
    for (Placed p : placed) {
      if (main == null && p.method().responseRef() != null) {
        main = itemSchema(p.method().responseRef());
      }
    }
    return main == null ? null : Descriptions.summary(doc.schema(main).description());
  }

  // ---------------------------------------------------------------- one method

  private Operation planOperation(
      Placed placed, Map<String, EnumType> enums, Map<String, PartSet> partSets) {
    Method method = placed.method();
    if (method.id() == null || method.httpMethod() == null || method.path() == null) {
      throw new IllegalArgumentException("method without id, httpMethod or path: " + placed.name());
    }
    String javaName = Naming.memberName(placed.name());
    String requestClass = Naming.typeName(placed.name()) + "Request";
    String constant = Naming.upperSnake(Naming.typeName(placed.name()));
    String path = relativePath(method);

    Map<String, Parameter> parameters = method.parameters();
    String response = method.responseRef();
    String item = response == null ? null : pageItem(doc.schema(response));
    boolean get = "GET".equals(method.httpMethod());
    Kind kind;
    if (get && response != null && item != null && parameters.containsKey("pageToken")) {
      kind = Kind.PAGED;
    } else if (get && response != null) {
      kind = Kind.READ;
    } else {
      kind = Kind.PLAIN;
    }
    String responseType =
        response != null ? response : method.supportsMediaDownload() ? "byte[]" : "Void";
    int maxPageSize = 0;
    if (kind == Kind.PAGED) {
      Parameter maxResults = parameters.get("maxResults");
      maxPageSize =
          maxResults != null && maxResults.maximum() != null
              ? Integer.parseInt(maxResults.maximum())
              : 50;
    } else {
      item = null;
    }

    Set<String> setterNames = new HashSet<>();
    List<Param> params = new ArrayList<>();
    Map<String, Param> byName = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    if (parameters.containsKey("part")) {
      order.add("part");
    }
    for (String name : parameters.keySet()) {
      if (!name.equals("part") && !(kind == Kind.PAGED && name.equals("pageToken"))) {
        order.add(name);
      }
    }
    for (String name : order) {
      Parameter parameter = parameters.get(name);
      String javaParam = Naming.memberName(name);
      if (REQUEST_MEMBERS.contains(javaParam)) {
        javaParam = javaParam + "Param";
      }
      if (!setterNames.add(javaParam)) {
        throw new IllegalArgumentException(
            "two parameters of " + method.id() + " are named " + javaParam);
      }
      Param param = param(parameter, javaParam, enums.get(placed.name() + "/" + name));
      params.add(param);
      byName.put(name, param);
    }

    String body = method.requestRef();
    String bodyArg = null;
    List<Param> arguments = new ArrayList<>();
    for (String name : method.parameterOrder()) {
      Param param = byName.get(name);
      if (param == null) {
        throw new IllegalArgumentException(
            method.id() + " lists " + name + " in parameterOrder but does not define it");
      }
      if (!name.equals("part")) {
        arguments.add(param);
      }
    }
    if (body != null) {
      doc.schema(body);
      bodyArg = Naming.memberName(Character.toLowerCase(body.charAt(0)) + body.substring(1));
      Set<String> argNames = new HashSet<>();
      arguments.forEach(a -> argNames.add(a.javaName()));
      while (argNames.contains(bodyArg) || bodyArg.equals("context")) {
        bodyArg = bodyArg + "Body";
      }
    }
    for (Param argument : arguments) {
      if (argument.javaName().equals("context")) {
        throw new IllegalArgumentException(method.id() + ": an argument may not be named context");
      }
    }

    PartSet partDefault = null;
    if (parameters.containsKey("part")) {
      partDefault = partDefault(body, response, partSets);
    }
    return new Operation(
        method,
        javaName,
        requestClass,
        constant,
        path,
        kind,
        responseType,
        item,
        maxPageSize,
        body,
        bodyArg,
        Collections.unmodifiableList(params),
        Collections.unmodifiableList(arguments),
        partDefault,
        quota.cost(method));
  }

  private PartSet partDefault(String body, String response, Map<String, PartSet> partSets) {
    if (body != null) {
      List<String> parts = objectParts(doc.schema(body), false);
      if (parts.isEmpty()) {
        return null;
      }
      return partSets.computeIfAbsent(
          "body/" + body, k -> new PartSet("BODY_PARTS", true, body, parts));
    }
    if (response == null) {
      return null;
    }
    String item = itemSchema(response);
    Schema schema = doc.schema(item);
    TreeSet<String> parts = new TreeSet<>(objectParts(schema, true));
    if (schema.properties().containsKey("id")) {
      parts.add("id");
    }
    parts.removeAll(OWNER_ONLY_PARTS);
    if (parts.isEmpty()) {
      return null;
    }
    List<String> sorted = List.copyOf(parts);
    return partSets.computeIfAbsent(
        "read/" + item, k -> new PartSet("READABLE_PARTS", false, item, sorted));
  }

  /**
   * The top-level properties of {@code schema} that are objects (a {@code $ref}, a map or an inline
   * object), sorted; {@code readable} leaves out deprecated ones.
   */
  static List<String> objectParts(Schema schema, boolean readable) {
    TreeSet<String> parts = new TreeSet<>();
    for (Map.Entry<String, Schema> property : schema.properties().entrySet()) {
      Schema s = property.getValue();
      boolean object =
          s.ref() != null
              || ("object".equals(s.type())
                  && (s.additionalProperties() != null || !s.properties().isEmpty()));
      if (object && !(readable && s.deprecated())) {
        parts.add(property.getKey());
      }
    }
    return List.copyOf(parts);
  }

  /** The item schema of a list response ({@code items} of a {@code $ref}), else the schema. */
  String itemSchema(String response) {
    Schema items = doc.schema(response).properties().get("items");
    if (items != null
        && "array".equals(items.type())
        && items.items() != null
        && items.items().ref() != null) {
      return items.items().ref();
    }
    return response;
  }

  /** The item of a page, as {@code ModelGenerator} decides which records implement {@code Page}. */
  static String pageItem(Schema schema) {
    Schema items = schema.properties().get("items");
    Schema token = schema.properties().get("nextPageToken");
    return items != null
            && "array".equals(items.type())
            && items.items() != null
            && items.items().ref() != null
            && token != null
            && "string".equals(token.type())
            && token.format() == null
        ? items.items().ref()
        : null;
  }

  private String relativePath(Method method) {
    String full = (doc.servicePath() == null ? "" : doc.servicePath()) + method.path();
    String base = doc.name() + "/" + doc.version() + "/";
    if (!full.startsWith(base)) {
      throw new IllegalArgumentException(
          method.id() + ": path " + full + " is not under the API base " + base);
    }
    return full.substring(base.length());
  }

  private static Param param(Parameter parameter, String javaName, EnumType enumType) {
    String type = parameter.type() == null ? "string" : parameter.type();
    String format = parameter.format() == null ? "" : parameter.format();
    boolean repeated = parameter.repeated();
    switch (type) {
      case "boolean":
        return new Param(parameter, javaName, ParamKind.BOOLEAN, null, null, null);
      case "integer":
        {
          boolean unsigned = format.equals("uint32") || format.equals("uint64");
          Long min = parameter.minimum() == null ? null : Long.parseLong(parameter.minimum());
          Long max = parameter.maximum() == null ? null : Long.parseLong(parameter.maximum());
          boolean wide =
              format.equals("int64")
                  || format.equals("uint64")
                  || (max != null && max > Integer.MAX_VALUE)
                  || (min != null && min < Integer.MIN_VALUE);
          if (min == null && max == null && !unsigned) {
            return new Param(
                parameter, javaName, wide ? ParamKind.LONG : ParamKind.INT, null, null, null);
          }
          long lower = min != null ? min : unsigned ? 0 : wide ? Long.MIN_VALUE : Integer.MIN_VALUE;
          long upper = max != null ? max : wide ? Long.MAX_VALUE : Integer.MAX_VALUE;
          return new Param(
              parameter, javaName, wide ? ParamKind.LONG : ParamKind.INT, null, lower, upper);
        }
      default:
        if (enumType != null) {
          return new Param(
              parameter,
              javaName,
              repeated ? ParamKind.ENUMS : ParamKind.ENUM,
              enumType,
              null,
              null);
        }
        if (!repeated && (format.equals("date-time") || format.equals("google-datetime"))) {
          return new Param(parameter, javaName, ParamKind.DATE_TIME, null, null, null);
        }
        return new Param(
            parameter, javaName, repeated ? ParamKind.STRINGS : ParamKind.STRING, null, null, null);
    }
  }
}
