package io.github.jyoutube.codegen;

import io.github.jyoutube.codegen.DiscoveryDocument.Method;
import io.github.jyoutube.codegen.DiscoveryDocument.Parameter;
import io.github.jyoutube.codegen.ResourcePlan.Api;
import io.github.jyoutube.codegen.ResourcePlan.EnumType;
import io.github.jyoutube.codegen.ResourcePlan.Operation;
import io.github.jyoutube.codegen.ResourcePlan.Param;
import io.github.jyoutube.codegen.ResourcePlan.ParamKind;
import io.github.jyoutube.codegen.ResourcePlan.PartSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Generates one resource class per resource of a discovery document, in package {@value
 * ResourcePlan#PACKAGE}: a {@code MethodSpec} per method, a method returning a request builder per
 * method, the builders as nested classes, and the enumerated parameters as nested enums.
 *
 * <p>The classes build on the hand-written {@code ApiRequest}, {@code ReadRequest}, {@code
 * PagedRequest} and {@code MethodSpec} of the same package; see {@link ResourcePlan} for what is
 * decided how.
 */
public final class ResourceGenerator {

  /** The package of the generated classes. */
  public static final String PACKAGE = ResourcePlan.PACKAGE;

  private static final String QUOTA_BUCKET = "io.github.jyoutube.QuotaBucket";
  private static final String QUOTA_COST = "io.github.jyoutube.QuotaCost";
  private static final String CLIENT_CONTEXT = "io.github.jyoutube.http.ClientContext";
  private static final String CONSTRUCTORS = "io.github.jyoutube.http.Constructors";
  private static final String MEDIA_CONTENT = "io.github.jyoutube.media.MediaContent";
  private static final String MEDIA_LIMITS = "io.github.jyoutube.media.MediaLimits";

  private final ResourcePlan plan;
  private final String header;
  private int requests;
  private int enums;

  /** A generator for the resources of {@code doc}, with costs from {@code quota}. */
  public ResourceGenerator(DiscoveryDocument doc, QuotaTable quota) {
    this.plan = ResourcePlan.of(doc, quota);
    this.header = new ModelGenerator(doc).header();
  }

  /**
   * Counts of what {@link #generate} produced.
   *
   * @param resources resource classes
   * @param methods API methods
   * @param requests request builder classes
   * @param enums nested enums
   * @param estimated methods whose quota cost is the rule of thumb
   */
  public record Stats(int resources, int methods, int requests, int enums, int estimated) {}

  ResourcePlan plan() {
    return plan;
  }

  /** Remarks for the person running the generator, such as methods without a quota cost. */
  public List<String> warnings() {
    return plan.warnings();
  }

  /** Generates one file per resource, in document order. */
  public List<GeneratedFile> generate() {
    requests = 0;
    enums = 0;
    List<GeneratedFile> files = new ArrayList<>();
    for (Api api : plan.apis()) {
      files.add(generate(api));
    }
    return files;
  }

  /** Counts of the last {@link #generate()} run. */
  public Stats stats() {
    int estimated = 0;
    for (Operation op : plan.operations()) {
      if (op.cost().estimated()) {
        estimated++;
      }
    }
    return new Stats(plan.apis().size(), plan.operations().size(), requests, enums, estimated);
  }

  private GeneratedFile generate(Api api) {
    Set<String> taken = new HashSet<>(ResourcePlan.HAND_WRITTEN);
    for (Api other : plan.apis()) {
      taken.add(other.className());
    }
    for (EnumType e : api.enums()) {
      taken.add(e.name());
    }
    for (Operation op : api.operations()) {
      taken.add(op.requestClass());
    }
    Imports im = new Imports(PACKAGE, taken);
    JavaWriter w = new JavaWriter();
    writeClass(w, api, im);
    StringBuilder out = new StringBuilder();
    out.append(header).append('\n');
    out.append("package ").append(PACKAGE).append(";\n\n");
    String imports = im.render();
    if (!imports.isEmpty()) {
      out.append(imports).append('\n');
    }
    out.append(w);
    return new GeneratedFile(PACKAGE, api.className(), out.toString());
  }

  // ---------------------------------------------------------------- the class

  private void writeClass(JavaWriter w, Api api, Imports im) {
    Javadoc doc = new Javadoc();
    String intro = "The " + Javadoc.code(api.name()) + " resource.";
    if (api.summary() != null) {
      intro += " " + Javadoc.escape(api.summary());
    }
    doc.paragraph(intro);
    if (!api.partSets().isEmpty()) {
      doc.paragraph(
          "{@code part} defaults to the parts a caller may read on reads, and to the parts the"
              + " body carries on writes.");
    }
    w.javadoc(doc);
    w.open("public final class " + api.className() + " {");

    for (PartSet set : api.partSets()) {
      w.blank();
      writePartSet(w, set, im);
    }
    w.blank();
    for (Operation op : api.operations()) {
      writeSpec(w, op, im);
    }
    w.blank();
    String context = im.use(CLIENT_CONTEXT);
    w.line("private final " + context + " context;");
    w.blank();
    // The constructor takes an internal type, so it is not public: the client reaches it through
    // Constructors (the module does not export the http package).
    String constructors = im.use(CONSTRUCTORS);
    w.open("static {");
    w.call(
        constructors + ".handOver",
        List.of(
            api.className() + ".class",
            constructors + ".OfResource.class",
            api.className() + "::new"),
        ";");
    w.close("}");
    w.blank();
    w.javadoc(
        new Javadoc()
            .paragraph("Creates the resource.")
            .param("context", "where and how to send requests"));
    w.open(api.className() + "(" + context + " context) {");
    w.line(
        "this.context = "
            + im.use("java.util.Objects")
            + ".requireNonNull(context, \"context == null\");");
    w.close("}");

    for (Operation op : api.operations()) {
      w.blank();
      writeResourceMethod(w, op, im);
    }
    for (EnumType e : api.enums()) {
      w.blank();
      writeEnum(w, e);
    }
    for (Operation op : api.operations()) {
      w.blank();
      writeRequest(w, op, im);
    }
    w.close("}");
  }

  private static void writePartSet(JavaWriter w, PartSet set, Imports im) {
    String schema = Javadoc.code(set.schema());
    String string = im.use("java.lang.String");
    if (set.body()) {
      w.javadoc(
          new Javadoc()
              .paragraph(
                  "The parts of a "
                      + schema
                      + " body: those it carries are the default {@code part}."));
      List<String> literals = new ArrayList<>();
      for (String part : set.parts()) {
        literals.add(Naming.stringLiteral(part));
      }
      String setType = im.use("java.util.Set");
      w.assign(
          "static final " + setType + "<" + string + "> " + set.constant(),
          setType + ".of",
          literals,
          ";");
    } else {
      w.javadoc(
          new Javadoc()
              .paragraph(
                  "The parts of a "
                      + schema
                      + " that any caller may read: the default {@code part} of reads."));
      w.assign(
          "static final " + string + " " + set.constant(),
          Naming.stringLiteral(set.joined()) + ";");
    }
  }

  private static void writeSpec(JavaWriter w, Operation op, Imports im) {
    List<String> required = new ArrayList<>();
    for (String name : op.method().parameterOrder()) {
      required.add(Naming.stringLiteral(name));
    }
    List<String> scopes = new ArrayList<>();
    for (String scope : op.method().scopes()) {
      scopes.add(Naming.stringLiteral(scope));
    }
    String bucket = im.use(QUOTA_BUCKET);
    List<String> args =
        List.of(
            Naming.stringLiteral(op.method().id()),
            Naming.stringLiteral(op.method().httpMethod()),
            Naming.stringLiteral(op.path()),
            im.use("java.util.List") + ".of(" + String.join(", ", required) + ")",
            "new "
                + im.use(QUOTA_COST)
                + "("
                + bucket
                + "."
                + op.cost().bucket()
                + ", "
                + op.cost().units()
                + ", "
                + op.cost().estimated()
                + ")");
    w.assign(
        "private static final MethodSpec " + op.specConstant(),
        "new MethodSpec",
        args,
        im.use("java.util.List") + ".of",
        scopes,
        ";");
    Method method = op.method();
    if (method.supportsMediaUpload()) {
      List<String> accept = new ArrayList<>();
      for (String type : method.mediaUploadAccept()) {
        accept.add(Naming.stringLiteral(type));
      }
      w.assign(
          "private static final " + im.use(MEDIA_LIMITS) + " " + op.specConstant() + "_MEDIA",
          "new " + im.use(MEDIA_LIMITS),
          List.of(
              Naming.stringLiteral(method.id().substring(method.id().indexOf('.') + 1)),
              im.use("java.util.List") + ".of(" + String.join(", ", accept) + ")",
              bytes(method.mediaUploadMaxSize()) + "L"),
          ";");
    }
  }

  /**
   * Which scopes a token needs for the method, from the document: a 403 {@code
   * insufficientPermissions} names them too.
   */
  static String scopeSentence(List<String> scopes) {
    List<String> codes = new ArrayList<>();
    for (String scope : scopes) {
      codes.add(Javadoc.code(scope));
    }
    return (scopes.size() == 1
            ? "Needs a token with the scope "
            : "Needs a token with one of the scopes ")
        + String.join(", ", codes)
        + ".";
  }

  /** {@code 256GB}, {@code 100MB}, {@code 6MB} and the like, in bytes (binary multiples). */
  static long bytes(String size) {
    if (size == null || size.isEmpty()) {
      return Long.MAX_VALUE;
    }
    String unit = size.replaceAll("[0-9]", "").toUpperCase(java.util.Locale.ROOT);
    long number = Long.parseLong(size.replaceAll("[^0-9]", ""));
    int shift =
        switch (unit) {
          case "", "B" -> 0;
          case "KB", "K" -> 10;
          case "MB", "M" -> 20;
          case "GB", "G" -> 30;
          case "TB", "T" -> 40;
          default -> throw new IllegalArgumentException("unknown size unit in " + size);
        };
    return number << shift;
  }

  // ---------------------------------------------------------------- resource methods

  private void writeResourceMethod(JavaWriter w, Operation op, Imports im) {
    Method method = op.method();
    if (method.supportsMediaUpload()) {
      if (op.bodySchema() != null) {
        writeResourceMethod(w, op, im, false);
        w.blank();
      }
      writeResourceMethod(w, op, im, true);
    } else {
      writeResourceMethod(w, op, im, false);
    }
  }

  private void writeResourceMethod(JavaWriter w, Operation op, Imports im, boolean withMedia) {
    Method method = op.method();
    Javadoc doc = new Javadoc();
    String description = Descriptions.clean(method.description());
    if (description != null) {
      doc.text(description);
    } else {
      doc.paragraph("Calls " + Javadoc.code(method.id()) + ".");
    }
    List<String> parameters = new ArrayList<>();
    List<String> calls = new ArrayList<>();
    List<String> constructorArgs = new ArrayList<>(List.of("context"));
    if (op.bodySchema() != null) {
      String type = model(op.bodySchema(), im);
      doc.param(op.bodyArg(), "the request body");
      parameters.add(type + " " + op.bodyArg());
      constructorArgs.add(
          "ApiRequest.required(" + Naming.stringLiteral(op.bodyArg()) + ", " + op.bodyArg() + ")");
    }
    List<Param> arguments = op.arguments();
    for (int i = 0; i < arguments.size(); i++) {
      Param a = arguments.get(i);
      boolean last = i == arguments.size() - 1 && !withMedia;
      doc.param(a.javaName(), paramSummary(a.parameter()));
      parameters.add(argumentType(a, last, im) + " " + a.javaName());
      calls.add("." + a.javaName() + "(" + argumentValue(a, last, im) + ")");
    }
    if (withMedia) {
      doc.param("media", "the media to upload, checked against the method's types and size now");
      parameters.add(im.use(MEDIA_CONTENT) + " media");
      constructorArgs.add("ApiRequest.required(\"media\", media)");
    } else if (method.supportsMediaUpload()) {
      constructorArgs.add("null");
    }
    doc.returns("the request, to set optional parameters on and execute");
    w.javadoc(doc);
    w.call("public " + op.requestClass() + " " + op.javaName(), parameters, " {");
    w.indent();
    String constructor = "new " + op.requestClass();
    String first = constructor + "(" + String.join(", ", constructorArgs) + ")";
    if (calls.isEmpty() && w.column() + ("return " + first + ";").length() > Javadoc.WIDTH) {
      w.call("return " + constructor, constructorArgs, ";");
    } else {
      chain(w, "return ", first, calls, ";");
    }
    w.close("}");
  }

  /**
   * Writes {@code prefix first calls... suffix}: on one line if it fits, otherwise with each call
   * on a continuation line, as google-java-format breaks a method chain.
   */
  private static void chain(
      JavaWriter w, String prefix, String first, List<String> calls, String suffix) {
    String oneLine = prefix + first + String.join("", calls) + suffix;
    if (calls.isEmpty() || w.column() + oneLine.length() <= Javadoc.WIDTH) {
      w.line(oneLine);
      return;
    }
    w.line(prefix + first);
    for (int i = 0; i < calls.size(); i++) {
      w.line("    " + calls.get(i) + (i + 1 == calls.size() ? suffix : ""));
    }
  }

  private static String argumentType(Param a, boolean last, Imports im) {
    return switch (a.kind()) {
      case STRINGS ->
          last
              ? im.use("java.lang.String") + "..."
              : im.use("java.util.List") + "<" + im.use("java.lang.String") + ">";
      case ENUMS ->
          last
              ? a.enumType().name() + "..."
              : im.use("java.util.List") + "<" + a.enumType().name() + ">";
      default -> scalarType(a, im);
    };
  }

  private static String argumentValue(Param a, boolean last, Imports im) {
    String name = a.javaName();
    if (a.kind() == ParamKind.BOOLEAN || a.kind() == ParamKind.INT || a.kind() == ParamKind.LONG) {
      return name;
    }
    String checked = "ApiRequest.required(" + Naming.stringLiteral(a.name()) + ", " + name + ")";
    if (a.repeated() && !last) {
      String element =
          a.kind() == ParamKind.STRINGS ? im.use("java.lang.String") : a.enumType().name();
      return checked + ".toArray(new " + element + "[0])";
    }
    return checked;
  }

  /** The Java type of a single value of {@code a}. */
  private static String scalarType(Param a, Imports im) {
    return switch (a.kind()) {
      case STRING, STRINGS -> im.use("java.lang.String");
      case BOOLEAN -> "boolean";
      case INT -> "int";
      case LONG -> "long";
      case DATE_TIME -> im.use("java.time.Instant");
      case ENUM, ENUMS -> a.enumType().name();
    };
  }

  // ---------------------------------------------------------------- enums

  private void writeEnum(JavaWriter w, EnumType e) {
    enums++;
    Javadoc doc =
        new Javadoc()
            .paragraph(
                "The values of the "
                    + Javadoc.code(e.parameter().name())
                    + " parameter. Its setters also take a {@code String}, for values this"
                    + " version of the library does not know.");
    String summary = Descriptions.summary(e.parameter().description());
    if (summary != null) {
      doc.paragraph(Javadoc.escape(summary));
    }
    w.javadoc(doc);
    w.open("public enum " + e.name() + " {");
    for (int i = 0; i < e.values().size(); i++) {
      if (i > 0) {
        w.blank();
      }
      String description = Descriptions.clean(e.description(i));
      Javadoc constantDoc = new Javadoc();
      if (description != null) {
        constantDoc.text(description);
      } else {
        constantDoc.paragraph("The value " + Javadoc.code(e.values().get(i)) + ".");
      }
      w.javadoc(constantDoc);
      w.line(
          e.constants().get(i)
              + "("
              + Naming.stringLiteral(e.values().get(i))
              + ")"
              + (i + 1 == e.values().size() ? ";" : ","));
    }
    w.blank();
    w.line("private final String value;");
    w.blank();
    w.open(e.name() + "(String value) {");
    w.line("this.value = value;");
    w.close("}");
    w.blank();
    w.javadoc(
        new Javadoc()
            .paragraph("The value as the API sends and receives it.")
            .returns("the wire value"));
    w.open("public String value() {");
    w.line("return value;");
    w.close("}");
    w.blank();
    w.javadoc(new Javadoc().paragraph("Returns {@link #value()}.").returns("the wire value"));
    w.line("@Override");
    w.open("public String toString() {");
    w.line("return value;");
    w.close("}");
    w.close("}");
  }

  // ---------------------------------------------------------------- request classes

  private void writeRequest(JavaWriter w, Operation op, Imports im) {
    requests++;
    Method method = op.method();
    String self = op.requestClass();
    String response = responseType(op, im);
    Javadoc doc = new Javadoc();
    String servicePath = plan.doc().servicePath() == null ? "" : plan.doc().servicePath();
    String fullPath = servicePath + method.path();
    doc.paragraph(
        Javadoc.code(method.id())
            + ": "
            + Javadoc.code(method.httpMethod() + " " + fullPath)
            + ". "
            + quotaSentence(op, im));
    if (!method.scopes().isEmpty()) {
      doc.paragraph(scopeSentence(method.scopes()));
    }
    if (method.supportsMediaUpload()) {
      doc.paragraph(
          "With media, {@link #execute()} uploads it with the resumable protocol"
              + (method.mediaUploadAccept().isEmpty()
                  ? ""
                  : " (" + Javadoc.escape(String.join(", ", method.mediaUploadAccept())) + ")")
              + (method.mediaUploadMaxSize() == null
                  ? ""
                  : ", up to " + Javadoc.escape(method.mediaUploadMaxSize()))
              + (op.bodySchema() != null ? "; without, it sends the metadata only." : "."));
    }
    if (op.responseType().equals("byte[]")) {
      doc.paragraph(
          "{@code saveTo(Path)} and {@code writeTo(OutputStream)} stream the media; {@link"
              + " #execute()} returns it as bytes.");
    }
    w.javadoc(doc);

    boolean upload = method.supportsMediaUpload();
    boolean download = op.responseType().equals("byte[]");
    String superclass =
        upload
            ? "MediaRequest<" + response + ", " + self + ">"
            : download
                ? "MediaDownloadRequest<" + self + ">"
                : switch (op.kind()) {
                  case PAGED ->
                      "PagedRequest<"
                          + response
                          + ", "
                          + model(op.itemType(), im)
                          + ", "
                          + self
                          + ">";
                  case READ -> "ReadRequest<" + response + ", " + self + ">";
                  case PLAIN -> "ApiRequest<" + response + ", " + self + ">";
                };
    String head = "public static final class " + self;
    String oneLine = head + " extends " + superclass + " {";
    if (w.column() + oneLine.length() <= Javadoc.WIDTH) {
      w.line(oneLine);
    } else {
      w.line(head);
      w.line("    extends " + superclass + " {");
    }
    w.indent();
    w.blank();

    String context = im.use(CLIENT_CONTEXT);
    String responseClass = response + ".class";
    String mediaParam = upload ? ", " + im.use(MEDIA_CONTENT) + " media" : "";
    if (op.bodySchema() != null) {
      w.open(
          self
              + "("
              + context
              + " context, "
              + model(op.bodySchema(), im)
              + " body"
              + mediaParam
              + ") {");
    } else {
      w.open(self + "(" + context + " context" + mediaParam + ") {");
    }
    if (upload) {
      w.call(
          "super",
          List.of(
              "context",
              op.specConstant(),
              responseClass,
              op.bodySchema() != null ? "body" : "null",
              "media",
              op.specConstant() + "_MEDIA"),
          ";");
    } else if (download) {
      w.line("super(context, " + op.specConstant() + ");");
    } else
      switch (op.kind()) {
        case PAGED ->
            w.line(
                "super(context, "
                    + op.specConstant()
                    + ", "
                    + responseClass
                    + ", "
                    + op.maxPageSize()
                    + ");");
        case READ -> w.line("super(context, " + op.specConstant() + ", " + responseClass + ");");
        case PLAIN ->
            w.line(
                "super(context, "
                    + op.specConstant()
                    + ", "
                    + responseClass
                    + ", "
                    + (op.bodySchema() != null ? "body" : "null")
                    + ");");
      }
    PartSet part = op.partDefault();
    if (part != null) {
      if (part.body()) {
        w.line("set(\"part\", partsPresent(body, " + part.constant() + "));");
      } else {
        w.line("set(\"part\", " + part.constant() + ");");
      }
    }
    w.close("}");
    w.blank();
    w.line("@Override");
    w.open(self + " self() {");
    w.line("return this;");
    w.close("}");

    for (Param p : op.params()) {
      writeSetters(w, op, p, im);
    }
    w.close("}");
  }

  private static String responseType(Operation op, Imports im) {
    return switch (op.responseType()) {
      case "Void" -> "Void";
      case "byte[]" -> "byte[]";
      default -> model(op.responseType(), im);
    };
  }

  private static String quotaSentence(Operation op, Imports im) {
    QuotaTable.Cost cost = op.cost();
    StringBuilder out = new StringBuilder("Costs ");
    out.append(cost.units()).append(cost.units() == 1 ? " quota unit" : " quota units");
    if (!cost.bucket().equals("DEFAULT")) {
      out.append(" of the {@link ")
          .append(im.use(QUOTA_BUCKET))
          .append('#')
          .append(cost.bucket())
          .append("} bucket");
    }
    if (cost.estimated()) {
      out.append(" (estimated: not in Google's quota table)");
    }
    return out.append('.').toString();
  }

  private static void writeSetters(JavaWriter w, Operation op, Param p, Imports im) {
    String self = op.requestClass();
    String name = p.javaName();
    String wire = Naming.stringLiteral(p.name());
    String doc = setterDoc(op, p);
    String string = im.use("java.lang.String");
    switch (p.kind()) {
      case STRING, BOOLEAN -> setter(w, doc, self, name, scalarType(p, im), "set(" + wire + ", ");
      case STRINGS -> {
        setter(w, doc, self, name, string + "...", "setRepeated(" + wire + ", ");
        String collection = im.use("java.util.Collection") + "<" + string + ">";
        setter(w, collectionDoc(p), self, name, collection, "setRepeated(" + wire + ", ");
      }
      case INT, LONG -> {
        if (p.minimum() == null) {
          setter(w, doc, self, name, scalarType(p, im), "set(" + wire + ", ");
        } else {
          setter(
              w,
              doc,
              self,
              name,
              scalarType(p, im),
              "setBounded(" + wire + ", ",
              ", " + literal(p.minimum(), p.kind()) + ", " + literal(p.maximum(), p.kind()));
        }
      }
      case DATE_TIME -> {
        setter(w, doc, self, name, im.use("java.time.Instant"), "set(" + wire + ", ");
        setter(w, doc, self, name, im.use("java.time.OffsetDateTime"), "set(" + wire + ", ");
      }
      case ENUM -> {
        setter(w, doc, self, name, p.enumType().name(), "set(" + wire + ", ");
        setter(w, stringDoc(p), self, name, string, "set(" + wire + ", ");
      }
      case ENUMS -> {
        setter(w, doc, self, name, p.enumType().name() + "...", "setRepeated(" + wire + ", ");
        setter(w, stringDoc(p), self, name, string + "...", "setRepeated(" + wire + ", ");
      }
    }
  }

  private static void setter(
      JavaWriter w, String doc, String self, String name, String type, String call) {
    setter(w, doc, self, name, type, call, "");
  }

  private static void setter(
      JavaWriter w,
      String doc,
      String self,
      String name,
      String type,
      String call,
      String extraArgs) {
    w.blank();
    w.javadoc(
        new Javadoc()
            .paragraph(doc)
            .param(name, type.endsWith("...") ? "the values" : "the value")
            .returns("this request"));
    w.call("public " + self + " " + name, List.of(type + " " + name), " {");
    w.indent();
    String body = "return " + call + name + extraArgs + ");";
    if (w.column() + body.length() <= Javadoc.WIDTH) {
      w.line(body);
    } else {
      int open = call.indexOf('(');
      List<String> args = new ArrayList<>();
      for (String arg : (call.substring(open + 1) + name + extraArgs).split(", ")) {
        args.add(arg);
      }
      w.call("return " + call.substring(0, open), args, ";");
    }
    w.close("}");
  }

  private static String literal(long value, ParamKind kind) {
    if (kind == ParamKind.INT) {
      if (value == Integer.MAX_VALUE) {
        return "Integer.MAX_VALUE";
      }
      if (value == Integer.MIN_VALUE) {
        return "Integer.MIN_VALUE";
      }
      return Long.toString(value);
    }
    if (value == Long.MAX_VALUE) {
      return "Long.MAX_VALUE";
    }
    if (value == Long.MIN_VALUE) {
      return "Long.MIN_VALUE";
    }
    return value + "L";
  }

  /** The javadoc of a setter: the description's summary and what the document adds. */
  private static String setterDoc(Operation op, Param p) {
    Parameter parameter = p.parameter();
    StringBuilder doc = new StringBuilder(paramSummary(parameter));
    if (parameter.minimum() != null && parameter.maximum() != null) {
      doc.append(" From ")
          .append(parameter.minimum())
          .append(" to ")
          .append(parameter.maximum())
          .append('.');
    } else if (parameter.minimum() != null) {
      doc.append(" At least ").append(parameter.minimum()).append('.');
    } else if (parameter.maximum() != null) {
      doc.append(" At most ").append(parameter.maximum()).append('.');
    }
    if (parameter.defaultValue() != null) {
      doc.append(" The API's default is ")
          .append(Javadoc.code(parameter.defaultValue()))
          .append('.');
    }
    if (p.name().equals("part") && op.partDefault() != null) {
      PartSet set = op.partDefault();
      if (set.body()) {
        doc.append(" Defaults to the parts the body carries of ")
            .append(Javadoc.code(set.joined()))
            .append('.');
      } else {
        doc.append(" Defaults to ").append(Javadoc.code(set.joined())).append('.');
      }
    }
    if (parameter.deprecated()) {
      doc.append(" Deprecated by the API.");
    }
    return doc.toString();
  }

  private static String collectionDoc(Param p) {
    return "Sets " + Javadoc.code(p.name()) + " to the values of a collection, in its order.";
  }

  private static String stringDoc(Param p) {
    return "Sets "
        + Javadoc.code(p.name())
        + (p.repeated() ? " to values given as text" : " to a value given as text")
        + ", such as one the API added after this version of the library.";
  }

  /** A parameter's description, summarized and escaped, or a stand-in naming it. */
  static String paramSummary(Parameter parameter) {
    String summary = Descriptions.summary(parameter.description());
    if (summary == null) {
      return "The " + Javadoc.code(parameter.name()) + " parameter.";
    }
    return Javadoc.escape(summary);
  }

  private static String model(String schema, Imports im) {
    return im.use(ResourcePlan.MODEL_PACKAGE + "." + schema);
  }
}
