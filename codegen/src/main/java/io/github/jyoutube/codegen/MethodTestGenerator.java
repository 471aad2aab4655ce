package io.github.jyoutube.codegen;

import io.github.jyoutube.codegen.ResourcePlan.Api;
import io.github.jyoutube.codegen.ResourcePlan.Operation;
import io.github.jyoutube.codegen.ResourcePlan.Param;
import io.github.jyoutube.codegen.ResourcePlan.ParamKind;
import io.github.jyoutube.codegen.ResourcePlan.PartSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates {@value #CLASS}, a JUnit 5 test of {@code core} with one test per API method. Each test
 * calls its method through a real {@code YouTubeClient} against the loopback fake {@code
 * FakeGoogle}: once with only the required arguments, checking the default {@code part}, and once
 * with every parameter set to a sample value, checking the HTTP method, the path, every query
 * parameter, the JSON body, the parsed answer and the quota meter.
 */
public final class MethodTestGenerator {

  /** The simple name of the generated test class. */
  public static final String CLASS = "AllMethodsTest";

  /** The instant date-time parameters get, and how it is sent. */
  static final String INSTANT = "2024-01-02T03:04:05Z";

  /** The offset date-time parameters get, and how it is sent. */
  static final String OFFSET_DATE_TIME = "2024-01-02T03:04:05+02:00";

  /** Local variable names of a test, which arguments must not take. */
  private static final Set<String> LOCALS =
      Set.of(
          "request",
          "response",
          "minimal",
          "full",
          "expected",
          "minimalQuery",
          "body",
          "bodyJson",
          "google",
          "cli");

  private final ResourcePlan plan;
  private final String header;

  MethodTestGenerator(ResourcePlan plan) {
    this.plan = plan;
    this.header = new ModelGenerator(plan.doc()).header();
  }

  /** Generates the test class. */
  public GeneratedFile generate() {
    Set<String> taken = new HashSet<>(ResourcePlan.HAND_WRITTEN);
    for (Api api : plan.apis()) {
      taken.add(api.className());
    }
    taken.add(CLASS);
    Imports im = new Imports(ResourcePlan.PACKAGE, taken);
    // The names the test itself uses come first, so that a model type never takes them.
    String test = im.use("org.junit.jupiter.api.Test");
    String afterEach = im.use("org.junit.jupiter.api.AfterEach");
    String fake = im.use("io.github.jyoutube.testing.FakeGoogle");
    String received = im.use("io.github.jyoutube.testing.FakeGoogle.Received");
    String reply = im.use("io.github.jyoutube.testing.FakeGoogle.Reply");
    String client = im.use("io.github.jyoutube.YouTubeClient");
    String map = im.use("java.util.Map");
    String instant = im.use("java.time.Instant");
    String offset = im.use("java.time.OffsetDateTime");
    Names names = new Names(im, test, received, reply, map);

    JavaWriter w = new JavaWriter();
    w.javadoc(
        new Javadoc()
            .paragraph(
                "One test per API method: each calls its method through a {@link "
                    + client
                    + "} against {@link "
                    + fake
                    + "}, first with its required arguments only, then with every parameter set,"
                    + " and checks the HTTP request, the parsed answer and the quota meter."));
    w.open("class " + CLASS + " {");
    w.blank();
    w.line(
        "private static final "
            + instant
            + " INSTANT = "
            + instant
            + ".parse(\""
            + INSTANT
            + "\");");
    w.assign(
        "private static final " + offset + " OFFSET_DATE_TIME",
        offset + ".parse(\"" + OFFSET_DATE_TIME + "\");");
    w.assign(
        "private static final " + reply + " ITEMS",
        reply + ".json(200, \"{\\\"items\\\":[],\\\"probe\\\":\\\"x\\\"}\");");
    w.assign(
        "private static final " + reply + " OBJECT",
        reply + ".json(200, \"{\\\"probe\\\":\\\"x\\\"}\");");
    w.assign(
        "private static final " + reply + " NO_CONTENT",
        "new " + reply + "(204, " + map + ".of(), new byte[0], 0);");
    w.assign(
        "private static final " + reply + " MEDIA",
        reply + ".of(200, \"application/octet-stream\", \"sample-media\");");
    w.blank();
    w.line("private final " + fake + " google = " + fake + ".start();");
    w.assign(
        "private final " + client + " cli",
        client + ".builder().accessToken(\"ya29.test\").endpoints(google.endpoints()).build();");
    w.blank();
    w.line("@" + afterEach);
    w.open("void stop() {");
    w.line("google.close();");
    w.close("}");
    for (Api api : plan.apis()) {
      for (Operation op : api.operations()) {
        w.blank();
        writeTest(w, api, op, names);
      }
    }
    w.close("}");

    StringBuilder out = new StringBuilder();
    out.append(header).append('\n');
    out.append("package ").append(ResourcePlan.PACKAGE).append(";\n\n");
    out.append("import static org.assertj.core.api.Assertions.assertThat;\n\n");
    out.append(im.render()).append('\n');
    out.append(w);
    return new GeneratedFile(ResourcePlan.PACKAGE, CLASS, out.toString());
  }

  /** The names a test writes, as the imports resolved them. */
  private record Names(Imports im, String test, String received, String reply, String map) {}

  private void writeTest(JavaWriter w, Api api, Operation op, Names n) {
    Imports im = n.im();
    // A media method without a body only makes sense with media: its test uploads a few bytes.
    boolean mediaOnly = op.method().supportsMediaUpload() && op.bodySchema() == null;
    String path =
        (mediaOnly ? "/upload" : "")
            + "/"
            + plan.doc().name()
            + "/"
            + plan.doc().version()
            + "/"
            + substitute(op);
    String reply =
        switch (op.responseType()) {
          case "Void" -> "NO_CONTENT";
          case "byte[]" -> "MEDIA";
          default -> hasItems(op) ? "ITEMS" : "OBJECT";
        };
    String bucket = im.use("io.github.jyoutube.QuotaBucket") + "." + op.cost().bucket();
    String defaultBucket = im.use("io.github.jyoutube.QuotaBucket") + ".DEFAULT";
    String accessor = "cli." + api.name() + "()." + op.javaName();

    w.line("@" + n.test());
    w.open("void " + api.name() + Naming.capitalize(op.javaName()) + "() {");
    if (mediaOnly) {
      w.call(
          "google.otherwise",
          List.of(
              Naming.stringLiteral(path),
              "r -> OBJECT.header(\"Location\", google.baseUri() + \"upload/session\")"),
          ";");
      w.call("google.otherwise", List.of("\"/upload/session\"", "r -> " + reply), ";");
    } else {
      w.call("google.otherwise", List.of(Naming.stringLiteral(path), "r -> " + reply), ";");
    }

    // The arguments of the resource method, as locals.
    List<String> args = new ArrayList<>();
    Map<String, String> minimalQuery = new LinkedHashMap<>();
    String bodyJson = null;
    if (op.bodySchema() != null) {
      String part = samplePart(op);
      bodyJson = part == null ? "{\"probe\":\"x\"}" : "{\"" + part + "\":{\"probe\":\"x\"}}";
      w.line("String bodyJson = " + Naming.stringLiteral(bodyJson) + ";");
      w.assign(
          "var body",
          im.use("io.github.jyoutube.Json")
              + ".parse(bodyJson, "
              + im.use(ResourcePlan.MODEL_PACKAGE + "." + op.bodySchema())
              + ".class);");
      args.add("body");
      if (op.partDefault() != null && op.partDefault().body()) {
        minimalQuery.put("part", part);
      }
    }
    for (int i = 0; i < op.arguments().size(); i++) {
      Param a = op.arguments().get(i);
      boolean last = i + 1 == op.arguments().size();
      String local = LOCALS.contains(a.javaName()) ? a.javaName() + "Arg" : a.javaName();
      Sample sample = sample(api, a, 0);
      String type;
      String value;
      if (a.repeated() && last) {
        type = sample.elementType() + "[]";
        value = "{" + String.join(", ", sample.values()) + "}";
      } else if (a.repeated()) {
        type = im.use("java.util.List") + "<" + sample.elementType() + ">";
        value = im.use("java.util.List") + ".of(" + String.join(", ", sample.values()) + ")";
      } else {
        type = "var";
        value = sample.values().get(0);
      }
      w.assign(type + " " + local, value + ";");
      args.add(local);
      if (!a.parameter().location().equals("path")) {
        minimalQuery.put(a.name(), sample.wire());
      }
    }
    PartSet part = op.partDefault();
    if (part != null && !part.body()) {
      minimalQuery.put("part", part.joined());
    }
    if (mediaOnly) {
      w.assign(
          "var media",
          im.use("io.github.jyoutube.media.MediaContent")
              + ".of(\"png\".getBytes("
              + im.use("java.nio.charset.StandardCharsets")
              + ".UTF_8), \"image/png\");");
      args.add("media");
    }
    String call = accessor + "(" + String.join(", ", args) + ")";

    // 1. Only the required arguments.
    w.blank();
    w.line(call + ".execute();");
    w.line(n.received() + " minimal = google.received().get(0);");
    requestAssertions(w, "minimal", op, path);
    if (mediaOnly) {
      minimalQuery.put("uploadType", "resumable");
    }
    writeExpected(w, "minimalQuery", minimalQuery, n);
    w.line("assertThat(minimal.query()).isEqualTo(minimalQuery);");
    w.line(
        "assertThat(cli.quota().spentToday(" + bucket + ")).isEqualTo(" + op.cost().units() + ");");

    // 2. Every parameter.
    w.blank();
    w.line("var request = " + call + ";");
    Map<String, String> fullQuery = new LinkedHashMap<>();
    for (Param a : op.arguments()) {
      if (!a.parameter().location().equals("path")) {
        fullQuery.put(a.name(), minimalQuery.get(a.name()));
      }
    }
    int dateTimes = 0;
    for (Param p : op.params()) {
      if (op.arguments().contains(p)) {
        continue;
      }
      Sample sample = sample(api, p, p.kind() == ParamKind.DATE_TIME ? dateTimes++ : 0);
      w.call("request." + p.javaName(), sample.values(), ";");
      fullQuery.put(p.name(), sample.wire());
    }
    String response = responseType(op, im);
    w.line(response + " response = request.execute();");
    // A media upload is the session-opening POST, then the PUT of the bytes.
    w.line(n.received() + " full = google.received().get(" + (mediaOnly ? 2 : 1) + ");");
    requestAssertions(w, "full", op, path);
    if (mediaOnly) {
      fullQuery.put("uploadType", "resumable");
      w.line("assertThat(google.received().get(3).body()).isEqualTo(\"png\");");
    }
    writeExpected(w, "expected", fullQuery, n);
    w.line("assertThat(full.query()).isEqualTo(expected);");
    w.line("assertThat(full.header(\"authorization\")).isEqualTo(\"Bearer ya29.test\");");
    if (bodyJson != null) {
      String json = im.use("io.github.jyoutube.Json");
      w.line("assertThat(" + json + ".tree(full.body())).isEqualTo(" + json + ".tree(bodyJson));");
    } else {
      w.line("assertThat(full.body()).isEmpty();");
    }
    switch (op.responseType()) {
      case "Void" -> w.line("assertThat(response).isNull();");
      case "byte[]" ->
          w.call(
              "assertThat",
              List.of(
                  "new String(response, "
                      + im.use("java.nio.charset.StandardCharsets")
                      + ".UTF_8)"),
              ".isEqualTo(\"sample-media\");");
      default -> {
        if (hasItems(op)) {
          w.line("assertThat(response.items()).isEmpty();");
        }
        w.line("assertThat(response.additionalProperties()).containsEntry(\"probe\", \"x\");");
      }
    }
    w.line(
        "assertThat(cli.quota().spentToday("
            + bucket
            + ")).isEqualTo("
            + 2 * op.cost().units()
            + ");");
    if (!op.cost().bucket().equals("DEFAULT")) {
      w.line("assertThat(cli.quota().spentToday(" + defaultBucket + ")).isZero();");
    }
    w.close("}");
  }

  private static void requestAssertions(JavaWriter w, String name, Operation op, String path) {
    w.line(
        "assertThat("
            + name
            + ".method()).isEqualTo("
            + Naming.stringLiteral(op.method().httpMethod())
            + ");");
    w.call(
        "assertThat", List.of(name + ".path()"), ".isEqualTo(" + Naming.stringLiteral(path) + ");");
  }

  private static void writeExpected(
      JavaWriter w, String local, Map<String, String> query, Names n) {
    String map = n.map();
    String string = n.im().use("java.lang.String");
    w.assign(
        map + "<" + string + ", " + string + "> " + local,
        "new " + n.im().use("java.util.LinkedHashMap") + "<>();");
    for (Map.Entry<String, String> entry : query.entrySet()) {
      w.call(
          local + ".put",
          List.of(Naming.stringLiteral(entry.getKey()), Naming.stringLiteral(entry.getValue())),
          ";");
    }
  }

  /** The path the request goes to, with path parameters replaced by their sample values. */
  private static String substitute(Operation op) {
    String path = op.path();
    for (Param p : op.params()) {
      path = path.replace("{" + p.name() + "}", "sample-" + p.name());
    }
    return path;
  }

  /** Whether the answer is a record with {@code items}, to which the fake answers an empty list. */
  private boolean hasItems(Operation op) {
    if (!op.hasJsonResponse()) {
      return false;
    }
    DiscoveryDocument.Schema items = plan.doc().schema(op.responseType()).properties().get("items");
    return items != null && "array".equals(items.type());
  }

  /**
   * The object part of the body the sample body sets, {@code {"part":{"probe":"x"}}}: the first
   * that is a {@code $ref}, else the first inline object; null when the body has no object parts.
   */
  private String samplePart(Operation op) {
    if (op.partDefault() == null || !op.partDefault().body()) {
      return null;
    }
    Map<String, DiscoveryDocument.Schema> properties =
        plan.doc().schema(op.bodySchema()).properties();
    for (String part : op.partDefault().parts()) {
      if (properties.get(part).ref() != null) {
        return part;
      }
    }
    for (String part : op.partDefault().parts()) {
      if (properties.get(part).additionalProperties() == null) {
        return part;
      }
    }
    throw new IllegalStateException(
        op.method().id() + ": the body has only map parts; the test cannot make a sample body");
  }

  private static String responseType(Operation op, Imports im) {
    return switch (op.responseType()) {
      case "Void" -> "Void";
      case "byte[]" -> "byte[]";
      default -> im.use(ResourcePlan.MODEL_PACKAGE + "." + op.responseType());
    };
  }

  /**
   * A sample value.
   *
   * @param values the Java expressions to pass (two for a repeated parameter)
   * @param elementType the Java type of one value
   * @param wire how the API receives it
   */
  private record Sample(List<String> values, String elementType, String wire) {}

  private static Sample sample(Api api, Param p, int index) {
    String name = p.name();
    return switch (p.kind()) {
      case STRING ->
          new Sample(List.of(Naming.stringLiteral("sample-" + name)), "String", "sample-" + name);
      case STRINGS ->
          new Sample(
              List.of(
                  Naming.stringLiteral("sample-" + name + "-1"),
                  Naming.stringLiteral("sample-" + name + "-2")),
              "String",
              "sample-" + name + "-1,sample-" + name + "-2");
      case BOOLEAN -> new Sample(List.of("true"), "boolean", "true");
      case INT, LONG -> {
        long value = p.maximum() != null ? p.maximum() : 7;
        String literal = p.kind() == ParamKind.LONG ? value + "L" : Long.toString(value);
        yield new Sample(List.of(literal), p.kind() == ParamKind.LONG ? "long" : "int", "" + value);
      }
      case DATE_TIME ->
          index % 2 == 0
              ? new Sample(List.of("INSTANT"), "Instant", INSTANT)
              : new Sample(List.of("OFFSET_DATE_TIME"), "OffsetDateTime", OFFSET_DATE_TIME);
      case ENUM -> {
        String type = api.className() + "." + p.enumType().name();
        yield new Sample(
            List.of(type + "." + p.enumType().constants().get(0)),
            type,
            p.enumType().values().get(0));
      }
      case ENUMS -> {
        String type = api.className() + "." + p.enumType().name();
        int second = p.enumType().values().size() > 1 ? 1 : 0;
        yield new Sample(
            List.of(
                type + "." + p.enumType().constants().get(0),
                type + "." + p.enumType().constants().get(second)),
            type,
            p.enumType().values().get(0) + "," + p.enumType().values().get(second));
      }
    };
  }
}
