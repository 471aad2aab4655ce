package io.github.jyoutube.codegen;

import io.github.jyoutube.codegen.DiscoveryDocument.Method;
import io.github.jyoutube.codegen.DiscoveryDocument.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates one Java record per schema of a discovery document, in package {@value #PACKAGE}.
 *
 * <p>The conventions (which the hand-written client code relies on):
 *
 * <ul>
 *   <li>one component per property, in document order, named as the JSON property unless that is
 *       not a usable Java name ({@link Naming#memberName}); a last component {@code
 *       additionalProperties} keeps unknown properties;
 *   <li>each record reads and writes itself with Jackson's streaming API (package-private {@code
 *       readJson} and {@code writeJson}, helped by the hand-written {@code ModelSupport}); the
 *       generated {@code ModelJson} dispatches by class, so no reflection is involved;
 *   <li>boxed types throughout; {@code int64} and {@code uint64} strings are {@code Long} and
 *       {@code BigInteger} kept as JSON strings; dates are {@code DateTime}, the wire text;
 *   <li>enumerated strings are nested extensible enum classes extending {@code ApiEnum};
 *   <li>list responses ({@code items} of a schema plus {@code nextPageToken}) implement {@code
 *       Page};
 *   <li>schemas reachable from a method's request body get a builder.
 * </ul>
 */
public final class ModelGenerator {

  /** The package of the generated records. */
  public static final String PACKAGE = "io.github.jyoutube.model";

  /** Hand-written types of {@link #PACKAGE} the generated code uses. */
  static final String API_ENUM = "ApiEnum";

  static final String MODEL_SUPPORT = "ModelSupport";

  /** The generated class that reads and writes any record by its class. */
  static final String MODEL_JSON = "ModelJson";

  private static final String PAGE = "io.github.jyoutube.paging.Page";
  private static final String PARSER = "com.fasterxml.jackson.core.JsonParser";
  private static final String GENERATOR = "com.fasterxml.jackson.core.JsonGenerator";
  private static final String TOKEN = "com.fasterxml.jackson.core.JsonToken";
  private static final String IO_EXCEPTION = "java.io.IOException";

  /** Names no generated member may take: they are methods of every record or of its builder. */
  private static final Set<String> RESERVED_MEMBERS =
      Set.of(
          "additionalProperties",
          "additionalProperty",
          "readJson",
          "writeJson",
          "build",
          "builder",
          "toBuilder",
          "hashCode",
          "equals",
          "toString",
          "getClass",
          "notify",
          "notifyAll",
          "wait",
          "clone",
          "finalize");

  /** Simple names generated files may use, which nested types must therefore not shadow. */
  private static final Set<String> USED_NAMES =
      Set.of(
          "ApiEnum",
          "ModelSupport",
          "Page",
          "Builder",
          "List",
          "Map",
          "LinkedHashMap",
          "Objects",
          "BigInteger",
          "DateTime",
          "Instant",
          "Object",
          "String",
          "Long",
          "Integer",
          "Double",
          "Boolean",
          "ArrayList",
          "IOException",
          "JsonParser",
          "JsonGenerator",
          "JsonToken",
          "ModelJson");

  /**
   * The scalar types the records hold, by the name of their {@code ModelSupport} reader and writer:
   * {@code read<Name>} and {@code write<Name>}, {@code write<Name>AsString} for the integers the
   * API sends as strings.
   */
  private static final Map<String, String> SCALARS =
      Map.of(
          "java.lang.String",
          "String",
          "java.lang.Integer",
          "Integer",
          "java.lang.Long",
          "Long",
          "java.lang.Double",
          "Double",
          "java.lang.Boolean",
          "Boolean",
          "java.math.BigInteger",
          "BigInteger",
          "java.lang.Object",
          "Any",
          PACKAGE + ".DateTime",
          "DateTime");

  private final DiscoveryDocument doc;
  private final Set<String> withBuilder;
  private final Set<String> packageTypes = new HashSet<>();
  private final List<String[]> recordNames = new ArrayList<>();
  private int records;
  private int enums;
  private int builders;
  private int pages;

  /** A generator for the schemas of {@code doc}. */
  public ModelGenerator(DiscoveryDocument doc) {
    this.doc = doc;
    List<String> requestBodies = new ArrayList<>();
    for (Method method : doc.allMethods()) {
      if (method.requestRef() != null) {
        requestBodies.add(method.requestRef());
      }
    }
    this.withBuilder = doc.reachableSchemas(requestBodies);
    packageTypes.addAll(doc.schemas().keySet());
    packageTypes.add(API_ENUM);
    packageTypes.add(MODEL_SUPPORT);
    packageTypes.add(MODEL_JSON);
    for (String id : doc.schemas().keySet()) {
      if (!Naming.isUsableIdentifier(id) || !Character.isUpperCase(id.charAt(0))) {
        throw new IllegalArgumentException("schema id is not a usable type name: " + id);
      }
      if (id.equals(API_ENUM) || id.equals(MODEL_SUPPORT) || id.equals(MODEL_JSON)) {
        throw new IllegalArgumentException("schema id clashes with a hand-written type: " + id);
      }
    }
  }

  /**
   * Counts of what {@link #generate} produced.
   *
   * @param records records, including nested records for inline object schemas
   * @param enums nested enum classes
   * @param builders builders
   * @param pages records implementing {@code Page}
   */
  public record Stats(int records, int enums, int builders, int pages) {}

  /** The schema ids that get a builder: those reachable from a request body. */
  public Set<String> schemasWithBuilder() {
    return withBuilder;
  }

  /** Generates one file per schema, in document order. */
  public List<GeneratedFile> generate() {
    records = 0;
    enums = 0;
    builders = 0;
    pages = 0;
    recordNames.clear();
    List<GeneratedFile> files = new ArrayList<>();
    for (Map.Entry<String, Schema> entry : doc.schemas().entrySet()) {
      files.add(generate(entry.getKey(), entry.getValue()));
    }
    files.add(modelJson());
    return files;
  }

  /** Counts of the last {@link #generate()} run. */
  public Stats stats() {
    return new Stats(records, enums, builders, pages);
  }

  /** The first lines of every generated file. */
  String header() {
    String source =
        doc.name() != null && doc.version() != null
            ? "the " + doc.name() + " " + doc.version() + " discovery document"
            : "a discovery document";
    String revision = doc.revision() != null ? " (revision " + doc.revision() + ")" : "";
    return SourceTree.MARKER
        + " from "
        + source
        + revision
        + ".\n"
        + "// Do not edit; see codegen/README.md to regenerate.\n";
  }

  private GeneratedFile generate(String id, Schema schema) {
    Set<String> refs = new LinkedHashSet<>();
    collectRefs(schema, refs);
    RecordSpec spec = new RecordSpec(id, schema, withBuilder.contains(id), Set.of(), refs);
    Set<String> taken = new HashSet<>(packageTypes);
    spec.collectTypeNames(taken);
    Imports imports = new Imports(PACKAGE, taken);
    JavaWriter w = new JavaWriter();
    writeRecord(w, spec, imports, "");
    String body = w.toString();
    StringBuilder out = new StringBuilder();
    out.append(header()).append('\n');
    out.append("package ").append(PACKAGE).append(";\n\n");
    String importLines = imports.render();
    if (!importLines.isEmpty()) {
      out.append(importLines).append('\n');
    }
    out.append(body);
    return new GeneratedFile(PACKAGE, id, out.toString());
  }

  private static void collectRefs(Schema schema, Set<String> out) {
    List<String> refs = new ArrayList<>();
    schema.collectRefs(refs);
    out.addAll(refs);
  }

  // ---------------------------------------------------------------- specs

  /** A Java type: a class (qualified or nested simple name), or a list or map of a type. */
  private record JType(Kind kind, String name, JType element, boolean asString) {

    enum Kind {
      CLASS,
      NESTED,
      LIST,
      MAP
    }

    static JType of(String qualifiedName) {
      return new JType(Kind.CLASS, qualifiedName, null, false);
    }

    String render(Imports imports) {
      return switch (kind) {
        case CLASS -> imports.use(name);
        case NESTED -> name;
        case LIST -> imports.use("java.util.List") + "<" + element.render(imports) + ">";
        case MAP ->
            imports.use("java.util.Map")
                + "<"
                + imports.use("java.lang.String")
                + ", "
                + element.render(imports)
                + ">";
      };
    }

    boolean isCollection() {
      return kind == Kind.LIST || kind == Kind.MAP;
    }

    /** Whether the scalar at the bottom of the type is written as a JSON string. */
    boolean leafAsString() {
      return element != null ? element.leafAsString() : asString;
    }
  }

  private record Component(String jsonName, String javaName, Schema schema, JType type) {}

  private record EnumSpec(String name, String propertyJsonName, Schema schema) {}

  /** A record to write: a top-level schema or an inline object property. */
  private final class RecordSpec {
    final String name;
    final Schema schema;
    final boolean builder;
    final Set<String> enclosing;
    final List<Component> components = new ArrayList<>();
    final List<EnumSpec> enums = new ArrayList<>();
    final List<RecordSpec> nested = new ArrayList<>();
    final String pageItem;
    private final Set<String> nestedNames = new HashSet<>();
    private final Set<String> refs;

    RecordSpec(
        String name, Schema schema, boolean builder, Set<String> enclosing, Set<String> refs) {
      this.name = name;
      this.schema = schema;
      this.builder = builder;
      this.enclosing = enclosing;
      this.refs = refs;
      Set<String> memberNames = new HashSet<>();
      for (Map.Entry<String, Schema> property : schema.properties().entrySet()) {
        String javaName = Naming.memberName(property.getKey());
        if (RESERVED_MEMBERS.contains(javaName)) {
          javaName = javaName + "Value";
        }
        String unique = javaName;
        for (int i = 2; !memberNames.add(unique); i++) {
          unique = javaName + i;
        }
        components.add(
            new Component(
                property.getKey(),
                unique,
                property.getValue(),
                typeOf(property, property.getValue())));
      }
      Schema items = schema.properties().get("items");
      Schema token = schema.properties().get("nextPageToken");
      pageItem =
          items != null
                  && "array".equals(items.type())
                  && items.items() != null
                  && items.items().ref() != null
                  && token != null
                  && "string".equals(token.type())
                  && token.format() == null
              ? items.items().ref()
              : null;
    }

    private JType typeOf(Map.Entry<String, Schema> property, Schema s) {
      if (s.ref() != null) {
        return JType.of(PACKAGE + "." + s.ref());
      }
      String type = s.type() == null ? "any" : s.type();
      String format = s.format() == null ? "" : s.format();
      switch (type) {
        case "string":
          if (s.isEnum()) {
            String nestedName = nestedName(property.getKey());
            enums.add(new EnumSpec(nestedName, property.getKey(), s));
            return new JType(JType.Kind.NESTED, nestedName, null, false);
          }
          return switch (format) {
            // Kept as the wire text (the API mixes Z and +00:00, seconds and microseconds).
            case "date-time", "google-datetime" -> JType.of(PACKAGE + ".DateTime");
            case "int64" -> new JType(JType.Kind.CLASS, "java.lang.Long", null, true);
            case "uint64" -> new JType(JType.Kind.CLASS, "java.math.BigInteger", null, true);
            default -> JType.of("java.lang.String");
          };
        case "integer":
          return JType.of(
              format.equals("uint32") || format.equals("int64") || format.equals("uint64")
                  ? "java.lang.Long"
                  : "java.lang.Integer");
        case "number":
          return JType.of("java.lang.Double");
        case "boolean":
          return JType.of("java.lang.Boolean");
        case "array":
          return new JType(
              JType.Kind.LIST,
              null,
              s.items() == null ? JType.of("java.lang.Object") : typeOf(property, s.items()),
              false);
        case "object":
          if (s.additionalProperties() != null) {
            return new JType(
                JType.Kind.MAP, null, typeOf(property, s.additionalProperties()), false);
          }
          if (!s.properties().isEmpty()) {
            String nestedName = nestedName(property.getKey());
            Set<String> outer = new HashSet<>(enclosing);
            outer.add(name);
            nested.add(new RecordSpec(nestedName, s, builder, outer, refs));
            return new JType(JType.Kind.NESTED, nestedName, null, false);
          }
          return JType.of("java.lang.Object");
        default:
          return JType.of("java.lang.Object");
      }
    }

    /**
     * A nested type name for a property: its upper camel case, with {@code Type} (and a number if
     * needed) appended when that would clash with the record, an enclosing or sibling type, or a
     * type the file refers to.
     */
    private String nestedName(String jsonName) {
      String base = Naming.typeName(jsonName);
      String candidate = base;
      for (int i = 1; clashes(candidate); i++) {
        candidate = base + "Type" + (i == 1 ? "" : i);
      }
      nestedNames.add(candidate);
      return candidate;
    }

    private boolean clashes(String candidate) {
      return candidate.equals(name)
          || enclosing.contains(candidate)
          || nestedNames.contains(candidate)
          || refs.contains(candidate)
          || USED_NAMES.contains(candidate);
    }

    void collectTypeNames(Set<String> out) {
      out.add(name);
      out.addAll(nestedNames);
      for (RecordSpec r : nested) {
        r.collectTypeNames(out);
      }
    }
  }

  // ---------------------------------------------------------------- writing

  private void writeRecord(JavaWriter w, RecordSpec r, Imports im, String outer) {
    records++;
    String sourceName = outer.isEmpty() ? r.name : outer + "." + r.name;
    recordNames.add(new String[] {sourceName, PACKAGE + "." + sourceName.replace('.', '$')});
    if (r.builder) {
      builders++;
    }
    Javadoc doc = new Javadoc();
    if (r.schema.description() != null && !r.schema.description().isBlank()) {
      doc.text(r.schema.description());
    } else if (r.enclosing.isEmpty()) {
      doc.paragraph("The " + Javadoc.code(r.name) + " schema of the API.");
    } else {
      doc.paragraph("The value of an inline object property.");
    }
    if (r.schema.deprecated()) {
      doc.paragraph("Deprecated by the API.");
    }
    for (Component c : r.components) {
      doc.param(c.javaName(), componentDoc(c));
    }
    doc.param(
        "additionalProperties",
        "properties this version of the model does not know, kept so that they are written back;"
            + " never {@code null}");
    w.javadoc(doc);

    List<String> params = new ArrayList<>();
    for (Component c : r.components) {
      params.add(componentDeclaration(c, im));
    }
    params.add(
        im.use("java.util.Map")
            + "<"
            + im.use("java.lang.String")
            + ", "
            + im.use("java.lang.Object")
            + "> additionalProperties");
    String clause = "";
    if (r.pageItem != null) {
      pages++;
      clause = "implements " + im.use(PAGE) + "<" + im.use(PACKAGE + "." + r.pageItem) + ">";
    }
    w.typeHead("public record " + r.name, params, clause);
    w.indent();

    w.blank();
    Javadoc constructorDoc =
        new Javadoc()
            .paragraph(
                "Creates an instance, copying lists and maps into unmodifiable collections.");
    for (Component c : r.components) {
      constructorDoc.param(c.javaName(), componentParam(c.javaName()));
    }
    constructorDoc.param("additionalProperties", componentParam("additionalProperties"));
    w.javadoc(constructorDoc);
    w.open("public " + r.name + " {");
    for (Component c : r.components) {
      if (c.type().isCollection()) {
        w.line(c.javaName() + " = " + MODEL_SUPPORT + ".copy(" + c.javaName() + ");");
      }
    }
    w.line(
        "additionalProperties = " + MODEL_SUPPORT + ".additionalProperties(additionalProperties);");
    w.close("}");

    if (r.builder) {
      w.blank();
      w.javadoc(
          new Javadoc()
              .paragraph("Returns a builder with no properties set.")
              .returns("a new builder"));
      w.open("public static Builder builder() {");
      w.line("return new Builder();");
      w.close("}");
      w.blank();
      w.javadoc(
          new Javadoc()
              .paragraph("Returns a builder initialized with this record's values.")
              .returns("a new builder"));
      w.open("public Builder toBuilder() {");
      w.line("return new Builder(this);");
      w.close("}");
    }

    for (EnumSpec e : r.enums) {
      w.blank();
      writeEnum(w, e, im);
    }
    for (RecordSpec n : r.nested) {
      w.blank();
      writeRecord(w, n, im, sourceName);
    }
    w.blank();
    writeReader(w, r, im);
    w.blank();
    writeWriter(w, r, im);
    if (r.builder) {
      w.blank();
      writeBuilder(w, r, im);
    }
    w.close("}");
  }

  /** The {@code @param} text of a record component in the canonical constructor, as javadoc's. */
  private static String componentParam(String name) {
    return "the value for the " + Javadoc.code(name) + " record component";
  }

  private static String componentDoc(Component c) {
    StringBuilder text = new StringBuilder();
    Schema s = c.schema();
    String description = s.description();
    boolean described = description != null && !description.isBlank();
    if (described) {
      text.append(Javadoc.escape(description.strip()));
    } else {
      text.append("the JSON property ").append(Javadoc.code(c.jsonName()));
    }
    if (described && !c.javaName().equals(c.jsonName())) {
      text.append(ending(text))
          .append(" The JSON property is ")
          .append(Javadoc.code(c.jsonName()))
          .append('.');
    }
    if (s.deprecated()) {
      text.append(ending(text)).append(" Deprecated by the API.");
    }
    return text.toString();
  }

  /** What to append before another sentence: a period if the text does not end with one. */
  private static String ending(CharSequence text) {
    char last = text.charAt(text.length() - 1);
    return last == '.' || last == '!' || last == '?' || last == ':' ? "" : ".";
  }

  private static String componentDeclaration(Component c, Imports im) {
    return c.type().render(im) + " " + c.javaName();
  }

  private void writeEnum(JavaWriter w, EnumSpec e, Imports im) {
    enums++;
    Schema s = e.schema();
    String list = im.use("java.util.List");
    String string = im.use("java.lang.String");

    List<String> constants = new ArrayList<>();
    Set<String> used = new HashSet<>();
    String prefix = Naming.upperSnake(e.name());
    for (String value : s.enumValues()) {
      String base = Naming.constantName(value, prefix);
      String unique = base;
      for (int i = 2; !used.add(unique); i++) {
        unique = base + "_" + i;
      }
      constants.add(unique);
    }
    String valuesField = "VALUES";
    while (used.contains(valuesField)) {
      valuesField = "KNOWN_" + valuesField;
    }

    w.javadoc(
        new Javadoc()
            .paragraph(
                "The values of the "
                    + Javadoc.code(e.propertyJsonName())
                    + " property. {@link #of} also accepts values this version of the library"
                    + " does not know, so that none are lost."));
    w.open("public static final class " + e.name() + " extends " + API_ENUM + " {");
    for (int i = 0; i < constants.size(); i++) {
      w.blank();
      Javadoc doc = new Javadoc();
      String description = s.enumDescription(i);
      if (!description.isBlank()) {
        doc.text(description);
      } else if (!s.enumValueDeprecated(i)) {
        doc.paragraph("The value " + Javadoc.code(s.enumValues().get(i)) + ".");
      }
      if (s.enumValueDeprecated(i)) {
        doc.paragraph("Deprecated by the API.");
      }
      w.javadoc(doc);
      w.assign(
          "public static final " + e.name() + " " + constants.get(i),
          "new " + e.name() + "(" + Naming.stringLiteral(s.enumValues().get(i)) + ", true);");
    }
    w.blank();
    w.assign(
        "private static final " + list + "<" + e.name() + "> " + valuesField,
        list + ".of",
        constants,
        ";");
    w.blank();
    w.open("private " + e.name() + "(" + string + " value, boolean known) {");
    w.line("super(value, known);");
    w.close("}");
    w.blank();
    w.javadoc(
        new Javadoc()
            .paragraph(
                "Returns the constant for {@code value}, or a new instance for a value this"
                    + " version of the library does not know.")
            .param("value", "the value as the API writes it")
            .returns("the value's constant or instance"));
    w.open("public static " + e.name() + " of(" + string + " value) {");
    w.open("for (" + e.name() + " known : " + valuesField + ") {");
    w.open("if (known.value().equals(value)) {");
    w.line("return known;");
    w.close("}");
    w.close("}");
    w.line("return new " + e.name() + "(value, false);");
    w.close("}");
    w.blank();
    w.javadoc(
        new Javadoc()
            .paragraph(
                "Returns the values this version of the library knows, in the order the API"
                    + " lists them.")
            .returns("the known values"));
    w.open("public static " + list + "<" + e.name() + "> values() {");
    w.line("return " + valuesField + ";");
    w.close("}");
    w.close("}");
  }

  private void writeBuilder(JavaWriter w, RecordSpec r, Imports im) {
    String map = im.use("java.util.Map");
    String string = im.use("java.lang.String");
    String object = im.use("java.lang.Object");
    w.javadoc(
        new Javadoc()
            .paragraph(
                "Builds {@link "
                    + r.name
                    + "} values; properties that are not set are left out of the JSON."));
    w.open("public static final class Builder {");
    w.blank();
    for (Component c : r.components) {
      w.declare("private " + c.type().render(im), c.javaName());
    }
    w.line(
        "private final "
            + map
            + "<"
            + string
            + ", "
            + object
            + "> additionalProperties = new "
            + im.use("java.util.LinkedHashMap")
            + "<>();");
    w.blank();
    w.line("private Builder() {}");
    w.blank();
    w.open("private Builder(" + r.name + " source) {");
    for (Component c : r.components) {
      w.line("this." + c.javaName() + " = source." + c.javaName() + "();");
    }
    w.line("this.additionalProperties.putAll(source.additionalProperties());");
    w.close("}");
    for (Component c : r.components) {
      w.blank();
      w.javadoc(
          new Javadoc()
              .paragraph("Sets " + Javadoc.code(c.javaName()) + "; {@code null} leaves it out.")
              .param(c.javaName(), "the value, or {@code null}")
              .returns("this builder"));
      w.call(
          "public Builder " + c.javaName(),
          List.of(c.type().render(im) + " " + c.javaName()),
          " {");
      w.indent();
      w.line("this." + c.javaName() + " = " + c.javaName() + ";");
      w.line("return this;");
      w.close("}");
      if (c.type().render(im).equals("DateTime")) {
        w.blank();
        w.javadoc(
            new Javadoc()
                .paragraph(
                    "Sets "
                        + Javadoc.code(c.javaName())
                        + " to an instant, written in UTC; {@code null} leaves it out.")
                .param(c.javaName(), "the instant, or {@code null}")
                .returns("this builder"));
        w.call(
            "public Builder " + c.javaName(),
            List.of(im.use("java.time.Instant") + " " + c.javaName()),
            " {");
        w.indent();
        w.line(
            "this."
                + c.javaName()
                + " = "
                + c.javaName()
                + " == null ? null : DateTime.of("
                + c.javaName()
                + ");");
        w.line("return this;");
        w.close("}");
      }
    }
    w.blank();
    w.javadoc(
        new Javadoc()
            .paragraph(
                "Sets a property this version of the model does not know; it is written as"
                    + " given.")
            .param("name", "the JSON property name")
            .param(
                "value",
                "the value: a string, number, boolean, list, map, model record or {@code null}")
            .returns("this builder"));
    w.open("public Builder additionalProperty(" + string + " name, " + object + " value) {");
    w.line(
        "additionalProperties.put("
            + im.use("java.util.Objects")
            + ".requireNonNull(name, \"name\"), value);");
    w.line("return this;");
    w.close("}");
    w.blank();
    w.javadoc(
        new Javadoc()
            .paragraph("Returns a new {@link " + r.name + "} with the values set.")
            .returns("the new record"));
    w.open("public " + r.name + " build() {");
    List<String> args = new ArrayList<>();
    for (Component c : r.components) {
      args.add(c.javaName());
    }
    args.add("additionalProperties");
    w.call("return new " + r.name, args, ";");
    w.close("}");
    w.close("}");
  }

  // ---------------------------------------------------------------- JSON

  /** Local variable names of one generated method, kept apart from the record's components. */
  private static final class Locals {
    private final Set<String> used = new HashSet<>();

    Locals(RecordSpec r) {
      for (Component c : r.components) {
        used.add(c.javaName());
      }
      used.add("additionalProperties");
    }

    String fresh(String base) {
      String name = base;
      for (int i = 2; !used.add(name); i++) {
        name = base + i;
      }
      return name;
    }
  }

  private void writeReader(JavaWriter w, RecordSpec r, Imports im) {
    Locals locals = new Locals(r);
    String json = locals.fresh("json");
    String field = locals.fresh("field");
    String where = locals.fresh("where");
    String string = im.use("java.lang.String");
    w.javadoc(
        new Javadoc()
            .paragraph(
                "Reads an instance from {@code "
                    + json
                    + "}, positioned on its first token; {@code null} for a JSON null. {@code "
                    + where
                    + "} names the value in error messages."));
    w.open(
        "static "
            + r.name
            + " readJson("
            + im.use(PARSER)
            + " "
            + json
            + ", "
            + string
            + " "
            + where
            + ") throws "
            + im.use(IO_EXCEPTION)
            + " {");
    w.open("if (!" + MODEL_SUPPORT + ".startObject(" + json + ", " + where + ")) {");
    w.line("return null;");
    w.close("}");
    for (Component c : r.components) {
      w.line(c.type().render(im) + " " + c.javaName() + " = null;");
    }
    w.line(
        im.use("java.util.Map")
            + "<"
            + string
            + ", "
            + im.use("java.lang.Object")
            + "> additionalProperties = null;");
    openFieldLoop(w, im, json, field);
    w.open("switch (" + field + ") {");
    for (Component c : r.components) {
      String leaf = leafRead(r, im, c.type(), json, where(r.name, c.jsonName()));
      if (leaf != null) {
        w.line(
            "case "
                + Naming.stringLiteral(c.jsonName())
                + " -> "
                + c.javaName()
                + " = "
                + leaf
                + ";");
      } else {
        w.open("case " + Naming.stringLiteral(c.jsonName()) + " -> {");
        emitRead(
            w, r, im, locals, json, c.type(), c.javaName() + " = %s;", where(r.name, c.jsonName()));
        w.close("}");
      }
    }
    w.line(
        "default -> additionalProperties = "
            + MODEL_SUPPORT
            + ".readUnknown("
            + json
            + ", "
            + field
            + ", additionalProperties);");
    w.close("}");
    w.close("}");
    List<String> args = new ArrayList<>();
    for (Component c : r.components) {
      args.add(c.javaName());
    }
    args.add("additionalProperties");
    w.call("return new " + r.name, args, ";");
    w.close("}");
  }

  /**
   * Opens a loop over the properties of the object {@code json} is in, with the name in {@code
   * name} and the parser on the value.
   */
  private static void openFieldLoop(JavaWriter w, Imports im, String json, String name) {
    String next = json + ".nextFieldName()";
    w.open(
        "for ("
            + im.use("java.lang.String")
            + " "
            + name
            + " = "
            + next
            + "; "
            + name
            + " != null; "
            + name
            + " = "
            + next
            + ") {");
    w.line(json + ".nextToken();");
  }

  /** The string literal naming a property in error messages. */
  private static String where(String record, String property) {
    return Naming.stringLiteral(record + "." + property);
  }

  /** An expression reading a value of {@code t}, or {@code null} if it takes statements. */
  private String leafRead(RecordSpec r, Imports im, JType t, String json, String where) {
    switch (t.kind()) {
      case LIST, MAP:
        return null;
      case NESTED:
        return isEnum(r, t) ? null : t.name() + ".readJson(" + json + ", " + where + ")";
      default:
        break;
    }
    String scalar = SCALARS.get(t.name());
    if (scalar == null) {
      if (!t.name().startsWith(PACKAGE + ".")) {
        throw new IllegalStateException("no JSON reader for " + t.name());
      }
      return im.use(t.name()) + ".readJson(" + json + ", " + where + ")";
    }
    return scalar.equals("Any")
        ? MODEL_SUPPORT + ".readAny(" + json + ")"
        : MODEL_SUPPORT + ".read" + scalar + "(" + json + ", " + where + ")";
  }

  private static boolean isEnum(RecordSpec r, JType t) {
    for (EnumSpec e : r.enums) {
      if (e.name().equals(t.name())) {
        return true;
      }
    }
    return false;
  }

  /** Writes statements reading a value of {@code t} and passing it to {@code sink}. */
  private void emitRead(
      JavaWriter w,
      RecordSpec r,
      Imports im,
      Locals locals,
      String json,
      JType t,
      String sink,
      String where) {
    String leaf = leafRead(r, im, t, json, where);
    if (leaf != null) {
      w.line(String.format(sink, leaf));
      return;
    }
    String token = im.use(TOKEN);
    switch (t.kind()) {
      case LIST -> {
        String list = locals.fresh("list");
        w.open("if (" + MODEL_SUPPORT + ".startArray(" + json + ", " + where + ")) {");
        w.line(t.render(im) + " " + list + " = new " + im.use("java.util.ArrayList") + "<>();");
        w.open("while (" + json + ".nextToken() != " + token + ".END_ARRAY) {");
        emitRead(w, r, im, locals, json, t.element(), list + ".add(%s);", where);
        w.close("}");
        w.line(String.format(sink, list));
        w.close("} else {");
        w.indent();
        w.line(String.format(sink, "null"));
        w.close("}");
      }
      case MAP -> {
        String map = locals.fresh("map");
        String key = locals.fresh("key");
        w.open("if (" + MODEL_SUPPORT + ".startObject(" + json + ", " + where + ")) {");
        w.line(t.render(im) + " " + map + " = new " + im.use("java.util.LinkedHashMap") + "<>();");
        openFieldLoop(w, im, json, key);
        emitRead(w, r, im, locals, json, t.element(), map + ".put(" + key + ", %s);", where);
        w.close("}");
        w.line(String.format(sink, map));
        w.close("} else {");
        w.indent();
        w.line(String.format(sink, "null"));
        w.close("}");
      }
      default -> {
        // A nested extensible enum: read as text, then mapped to the constant.
        String text = locals.fresh("text");
        w.line(
            im.use("java.lang.String")
                + " "
                + text
                + " = "
                + MODEL_SUPPORT
                + ".readString("
                + json
                + ", "
                + where
                + ");");
        w.line(String.format(sink, text + " == null ? null : " + t.name() + ".of(" + text + ")"));
      }
    }
  }

  private void writeWriter(JavaWriter w, RecordSpec r, Imports im) {
    w.javadoc(
        new Javadoc()
            .paragraph(
                "Writes {@code value} to {@code json}, leaving out absent properties; a JSON null"
                    + " for {@code null}."));
    w.open(
        "static void writeJson("
            + im.use(GENERATOR)
            + " json, "
            + r.name
            + " value) throws "
            + im.use(IO_EXCEPTION)
            + " {");
    w.open("if (value == null) {");
    w.line("json.writeNull();");
    w.line("return;");
    w.close("}");
    w.line("json.writeStartObject();");
    for (Component c : r.components) {
      String access = "value." + c.javaName() + "()";
      w.open("if (" + access + " != null) {");
      w.line("json.writeFieldName(" + Naming.stringLiteral(c.jsonName()) + ");");
      emitWrite(w, r, im, c.type(), access, 0);
      w.close("}");
    }
    w.line(MODEL_SUPPORT + ".writeUnknown(json, value.additionalProperties());");
    w.line("json.writeEndObject();");
    w.close("}");
  }

  /** Writes statements writing {@code value} (an expression of type {@code t}, maybe null). */
  private void emitWrite(JavaWriter w, RecordSpec r, Imports im, JType t, String value, int depth) {
    switch (t.kind()) {
      case LIST -> {
        String element = "element" + (depth == 0 ? "" : depth);
        w.line("json.writeStartArray();");
        w.open("for (var " + element + " : " + value + ") {");
        emitWriteOrNull(w, r, im, t.element(), element, depth + 1);
        w.close("}");
        w.line("json.writeEndArray();");
      }
      case MAP -> {
        String entry = "entry" + (depth == 0 ? "" : depth);
        w.line("json.writeStartObject();");
        w.open("for (var " + entry + " : " + value + ".entrySet()) {");
        w.line("json.writeFieldName(" + entry + ".getKey());");
        emitWriteOrNull(w, r, im, t.element(), entry + ".getValue()", depth + 1);
        w.close("}");
        w.line("json.writeEndObject();");
      }
      case NESTED -> {
        if (isEnum(r, t)) {
          w.line(MODEL_SUPPORT + ".writeEnum(json, " + value + ");");
        } else {
          w.line(t.name() + ".writeJson(json, " + value + ");");
        }
      }
      default -> {
        String scalar = SCALARS.get(t.name());
        if (scalar == null) {
          w.line(im.use(t.name()) + ".writeJson(json, " + value + ");");
        } else {
          String writer = "write" + scalar + (t.asString() ? "AsString" : "");
          w.line(MODEL_SUPPORT + "." + writer + "(json, " + value + ");");
        }
      }
    }
  }

  /** Like {@link #emitWrite}, for collection elements, which may be null. */
  private void emitWriteOrNull(
      JavaWriter w, RecordSpec r, Imports im, JType t, String value, int depth) {
    if (!t.isCollection()) {
      emitWrite(w, r, im, t, value, depth); // the leaf writers write null themselves
      return;
    }
    w.open("if (" + value + " == null) {");
    w.line("json.writeNull();");
    w.close("} else {");
    w.indent();
    emitWrite(w, r, im, t, value, depth);
    w.close("}");
  }

  /** The class that reads and writes every record by its class, without reflection. */
  private GeneratedFile modelJson() {
    Imports im = new Imports(PACKAGE, new HashSet<>(packageTypes));
    String parser = im.use(PARSER);
    String generator = im.use(GENERATOR);
    String io = im.use(IO_EXCEPTION);
    JavaWriter w = new JavaWriter();
    w.javadoc(
        new Javadoc()
            .paragraph(
                "Reads and writes the records of this package with Jackson's streaming API,"
                    + " choosing the record's own reader and writer by its class.")
            .paragraph(
                "{@code io.github.jyoutube.Json} is the entry point for callers; this class is"
                    + " its generated part and is public only so that it can reach it."));
    w.open("public final class " + MODEL_JSON + " {");
    w.blank();
    w.line("private " + MODEL_JSON + "() {}");
    w.blank();
    w.javadoc(
        new Javadoc()
            .paragraph(
                "Reads a {@code type} from {@code json}, positioned on the value's first token.")
            .param("<T>", "the record type")
            .param("json", "the parser")
            .param("type", "a record of this package")
            .returns("the value, or {@code null} for a JSON null")
            .throwsClause(io, "if the input is not JSON of that shape")
            .throwsClause(
                "IllegalArgumentException", "if {@code type} is not a record of this package"));
    w.open("public static <T> T read(" + parser + " json, Class<T> type) throws " + io + " {");
    w.line("Object value =");
    w.continuation();
    w.open("switch (type.getName()) {");
    for (String[] names : recordNames) {
      w.line(
          "case "
              + Naming.stringLiteral(names[1])
              + " -> "
              + names[0]
              + ".readJson(json, "
              + Naming.stringLiteral(names[0])
              + ");");
    }
    w.line(
        "default -> throw new IllegalArgumentException(type.getName() + \" is not a model"
            + " type\");");
    w.close("};");
    w.endContinuation();
    w.line("return type.cast(value);");
    w.close("}");
    w.blank();
    w.javadoc(
        new Javadoc()
            .paragraph("Writes {@code value} if it is a record of this package.")
            .param("json", "the generator")
            .param("value", "any value")
            .returns("whether {@code value} was a record of this package, and so was written")
            .throwsClause(io, "if the generator fails"));
    w.open("public static boolean write(" + generator + " json, Object value) throws " + io + " {");
    w.open("switch (value.getClass().getName()) {");
    for (String[] names : recordNames) {
      w.line(
          "case "
              + Naming.stringLiteral(names[1])
              + " -> "
              + names[0]
              + ".writeJson(json, ("
              + names[0]
              + ") value);");
    }
    w.open("default -> {");
    w.line("return false;");
    w.close("}");
    w.close("}");
    w.line("return true;");
    w.close("}");
    w.blank();
    w.javadoc(
        new Javadoc()
            .paragraph(
                "Reads any JSON value as plain Java values: {@code Map<String, Object>} in"
                    + " document order, {@code List<Object>}, {@code String}, {@code Integer},"
                    + " {@code Long}, {@code BigInteger}, {@code Double}, {@code Boolean}.")
            .param("json", "the parser, positioned on the value's first token")
            .returns("the value, or {@code null} for a JSON null")
            .throwsClause(io, "if the input is not JSON"));
    w.open("public static Object readTree(" + parser + " json) throws " + io + " {");
    w.line("return " + MODEL_SUPPORT + ".readAny(json);");
    w.close("}");
    w.blank();
    w.javadoc(
        new Javadoc()
            .paragraph(
                "Writes plain Java values (maps, collections, strings, numbers, booleans,"
                    + " {@code null}), the records and enums of this package, {@code DateTime},"
                    + " {@code Instant} and {@code OffsetDateTime}.")
            .param("json", "the generator")
            .param("value", "the value")
            .throwsClause(io, "if the generator fails")
            .throwsClause(
                "IllegalArgumentException", "if {@code value} holds a type it cannot write"));
    w.open(
        "public static void writeTree(" + generator + " json, Object value) throws " + io + " {");
    w.line(MODEL_SUPPORT + ".writeAny(json, value);");
    w.close("}");
    w.close("}");
    StringBuilder out = new StringBuilder();
    out.append(header()).append('\n');
    out.append("package ").append(PACKAGE).append(";\n\n");
    out.append(im.render()).append('\n');
    out.append(w);
    return new GeneratedFile(PACKAGE, MODEL_JSON, out.toString());
  }
}
