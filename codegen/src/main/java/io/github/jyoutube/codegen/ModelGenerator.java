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
 *       not a usable Java name ({@link Naming#memberName}), in which case the component carries
 *       {@code @JsonProperty}; a last component {@code additionalProperties} keeps unknown
 *       properties;
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

  private static final String PAGE = "io.github.jyoutube.paging.Page";
  private static final String ANNOTATIONS = "com.fasterxml.jackson.annotation.";

  /** Names no generated member may take: they are methods of every record or of its builder. */
  private static final Set<String> RESERVED_MEMBERS =
      Set.of(
          "additionalProperties",
          "additionalProperty",
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
          "JsonProperty",
          "JsonFormat",
          "JsonAnySetter",
          "JsonAnyGetter",
          "JsonCreator");

  private final DiscoveryDocument doc;
  private final Set<String> withBuilder;
  private final Set<String> packageTypes = new HashSet<>();
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
    for (String id : doc.schemas().keySet()) {
      if (!Naming.isUsableIdentifier(id) || !Character.isUpperCase(id.charAt(0))) {
        throw new IllegalArgumentException("schema id is not a usable type name: " + id);
      }
      if (id.equals(API_ENUM) || id.equals(MODEL_SUPPORT)) {
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
    List<GeneratedFile> files = new ArrayList<>();
    for (Map.Entry<String, Schema> entry : doc.schemas().entrySet()) {
      files.add(generate(entry.getKey(), entry.getValue()));
    }
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
    writeRecord(w, spec, imports);
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

  private void writeRecord(JavaWriter w, RecordSpec r, Imports im) {
    records++;
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
        "@"
            + im.use(ANNOTATIONS + "JsonAnySetter")
            + " @"
            + im.use(ANNOTATIONS + "JsonAnyGetter")
            + " "
            + im.use("java.util.Map")
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
    w.javadoc(
        new Javadoc()
            .paragraph(
                "Creates an instance, copying lists and maps into unmodifiable collections."));
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
      w.javadoc(new Javadoc().paragraph("Returns a builder with no properties set."));
      w.open("public static Builder builder() {");
      w.line("return new Builder();");
      w.close("}");
      w.blank();
      w.javadoc(
          new Javadoc().paragraph("Returns a builder initialized with this record's values."));
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
      writeRecord(w, n, im);
    }
    if (r.builder) {
      w.blank();
      writeBuilder(w, r, im);
    }
    w.close("}");
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
    StringBuilder out = new StringBuilder();
    if (!c.javaName().equals(c.jsonName())) {
      out.append('@')
          .append(im.use(ANNOTATIONS + "JsonProperty"))
          .append("(")
          .append(Naming.stringLiteral(c.jsonName()))
          .append(") ");
    }
    if (c.type().leafAsString()) {
      String format = im.use(ANNOTATIONS + "JsonFormat");
      out.append('@').append(format).append("(shape = ").append(format).append(".Shape.STRING) ");
    }
    return out.append(c.type().render(im)).append(' ').append(c.javaName()).toString();
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
                    + " version of the library does not know."));
    String creator = im.use(ANNOTATIONS + "JsonCreator");
    w.line("@" + creator + "(mode = " + creator + ".Mode.DELEGATING)");
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
                    + " lists them."));
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
              .paragraph("Sets " + Javadoc.code(c.javaName()) + "; {@code null} leaves it out."));
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
                        + " to an instant, written in UTC; {@code null} leaves it out."));
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
                    + " given."));
    w.open("public Builder additionalProperty(" + string + " name, " + object + " value) {");
    w.line(
        "additionalProperties.put("
            + im.use("java.util.Objects")
            + ".requireNonNull(name, \"name\"), value);");
    w.line("return this;");
    w.close("}");
    w.blank();
    w.javadoc(new Javadoc().paragraph("Returns a new {@link " + r.name + "} with the values set."));
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
}
