package io.github.jyoutube.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the generated records, resources and client region with the project's strict compiler
 * flags and all of doclint (comments, {@code @param} and {@code @return} included, as the build
 * checks core), against stand-ins for the hand-written support types, then reads and writes JSON
 * with the records and builds requests with the resources.
 */
class GeneratedCodeCompilesTest {

  /** The hand-written model support the generated records use, taken from core's sources. */
  private static final Path MODEL_SOURCES =
      Path.of("../core/src/main/java/io/github/jyoutube/model");

  private static final String PAGE =
      """
      package io.github.jyoutube.paging;

      import java.util.List;

      /**
       * Stand-in for the client's page interface.
       *
       * @param <T> the item type
       */
      public interface Page<T> {
        /** @return the items */
        List<T> items();

        /** @return the token */
        String nextPageToken();
      }
      """;

  @TempDir Path root;

  @Test
  void generatedSourcesCompileCleanlyAndRoundTripJson() throws Exception {
    Path discovery = root.resolve("things.json");
    Files.writeString(discovery, Fragment.JSON);
    Path src = Files.createDirectories(root.resolve("src"));
    StandIns.writeClient(src);
    StandIns.writeResourceSupport(src);
    Generate.run(
        discovery, src, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(src.resolve("io/github/jyoutube/resource/ApiRequest.java")).exists();
    for (String handWritten : List.of("ApiEnum", "ModelSupport", "DateTime")) {
      Path source = MODEL_SOURCES.resolve(handWritten + ".java");
      write(src, "io/github/jyoutube/model/" + handWritten + ".java", Files.readString(source));
    }
    write(src, "io/github/jyoutube/paging/Page.java", PAGE);

    Path classes = Files.createDirectories(root.resolve("classes"));
    compile(src, classes);

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Codec mapper = new Codec(loader.loadClass("io.github.jyoutube.model.ModelJson"));
      ObjectMapper trees = new ObjectMapper();
      Class<?> thing = loader.loadClass("io.github.jyoutube.model.Thing");
      Class<?> privacy = loader.loadClass("io.github.jyoutube.model.Thing$PrivacyStatus");
      String json =
          """
          {"class":"c","content-type":"text/plain","count":"9007199254740993",
           "default":{"url":"u","width":4,"extra":[1]},"privacyStatus":"public",
           "reasons":["spam","newReason"],"views":"18446744073709551615",
           "labels":{"a":"b"},"any":{"deep":[true]},"inline":{"mode":"on","x":1},
           "unknown":{"nested":null}}
          """;
      Object value = mapper.readValue(json, thing);

      assertThat(trees.readTree(mapper.writeValueAsString(value))).isEqualTo(trees.readTree(json));
      assertThat(thing.getMethod("count").invoke(value)).isEqualTo(9007199254740993L);
      assertThat(thing.getMethod("classValue").invoke(value)).isEqualTo("c");
      assertThat(thing.getMethod("privacyStatus").invoke(value))
          .isSameAs(privacy.getField("PUBLIC").get(null));
      assertThat(privacy.getMethod("of", String.class).invoke(null, "public"))
          .isSameAs(privacy.getField("PUBLIC").get(null));
      assertThat((List<?>) privacy.getMethod("values").invoke(null)).hasSize(5);
      List<?> reasons = (List<?>) thing.getMethod("reasons").invoke(value);
      assertThat(reasons.get(1).getClass().getMethod("isKnown").invoke(reasons.get(1)))
          .isEqualTo(false);
      Map<?, ?> unknown = (Map<?, ?>) thing.getMethod("additionalProperties").invoke(value);
      assertThat(List.copyOf(unknown.keySet())).isEqualTo(List.of("unknown"));

      Object builder = thing.getMethod("builder").invoke(null);
      Class<?> builderClass = builder.getClass();
      builderClass.getMethod("classValue", String.class).invoke(builder, "x");
      builderClass
          .getMethod("additionalProperty", String.class, Object.class)
          .invoke(builder, "y", 2);
      Object built = builderClass.getMethod("build").invoke(builder);
      assertThat(mapper.writeValueAsString(built)).isEqualTo("{\"class\":\"x\",\"y\":2}");

      buildsRequestsWithTheGeneratedResources(loader, mapper);
    }
  }

  private static void buildsRequestsWithTheGeneratedResources(ClassLoader loader, Codec mapper)
      throws Exception {
    Class<?> contextType = loader.loadClass("io.github.jyoutube.http.ClientContext");
    Object client =
        loader
            .loadClass("io.github.jyoutube.YouTubeClient")
            .getConstructor(contextType)
            .newInstance(contextType.getConstructor().newInstance());
    Object things = call(client, "things");
    assertThat(things.getClass().getSimpleName()).isEqualTo("ThingsResource");
    assertThat(call(client, "thingsParts").getClass().getSimpleName())
        .isEqualTo("ThingsPartsResource");

    // A paged list: part defaults to the readable parts; enum, bounded int, date-time, repeated.
    Object list = call(things, "list");
    call(list, "order", constant(loader, "ThingsResource$ListOrder", "LIST_ORDER_2D"));
    call(list, "maxResults", 50);
    call(list, "publishedAfter", Instant.parse("2024-01-02T03:04:05Z"));
    call(list, "id", (Object) new String[] {"a", "b"});
    call(list, "mine", true);
    call(list, "pageToken", "next");
    assertThat(parameters(list))
        .containsExactly(
            Map.entry("part", "default,inline,labels"),
            Map.entry("order", "2d"),
            Map.entry("maxResults", "50"),
            Map.entry("publishedAfter", "2024-01-02T03:04:05Z"),
            Map.entry("id", "a,b"),
            Map.entry("mine", "true"),
            Map.entry("pageToken", "next"));
    assertThat(call(list, "maxPageSize")).isEqualTo(50);
    assertThat(call(list, "spec")).isEqualTo("things.things.list GET things [part]");
    call(list, "order", "newValue");
    assertThat(parameters(list)).containsEntry("order", "newValue");
    assertThatThrownBy(() -> call(list, "maxResults", 51))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxResults");

    // An insert: part defaults to the object parts the body carries.
    Class<?> thing = loader.loadClass("io.github.jyoutube.model.Thing");
    Object body = mapper.readValue("{\"default\":{\"url\":\"u\"},\"class\":\"c\"}", thing);
    Object insert = call(things, "insert", body);
    assertThat(parameters(insert)).containsExactly(Map.entry("part", "default"));
    assertThat(call(insert, "body")).isSameAs(body);
    assertThatThrownBy(() -> call(things, "insert", (Object) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'thing'");

    // Required arguments: a repeated one before the last is a list.
    Object moderate =
        call(
            things,
            "moderate",
            List.of("c1", "c2"),
            constant(loader, "ThingsResource$Status", "PUBLISHED"));
    assertThat(parameters(moderate))
        .containsExactly(Map.entry("id", "c1,c2"), Map.entry("status", "published"));
    assertThatThrownBy(() -> call(things, "delete", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'id'");

    // A download answers bytes; the nested stream method joins its top-level resource.
    Object download = call(things, "download", "t1");
    assertThat(call(download, "responseType")).isEqualTo(byte[].class);
    assertThat(call(download, "spec")).isEqualTo("things.things.download GET things/{id} [id]");
    Object stream = call(things, "streamList");
    assertThat(call(stream, "maxPageSize")).isEqualTo(2000);
    assertThat(parameters(stream)).containsExactly(Map.entry("part", "default,inline,labels"));
  }

  /** Calls the public method {@code name} that accepts {@code args}. */
  private static Object call(Object target, String name, Object... args) throws Exception {
    for (Method method : target.getClass().getMethods()) {
      if (method.getName().equals(name) && accepts(method.getParameterTypes(), args)) {
        try {
          return method.invoke(target, args);
        } catch (InvocationTargetException e) {
          if (e.getCause() instanceof Exception cause) {
            throw cause;
          }
          throw e;
        }
      }
    }
    throw new NoSuchMethodException(target.getClass().getName() + "." + name);
  }

  private static boolean accepts(Class<?>[] types, Object[] args) {
    if (types.length != args.length) {
      return false;
    }
    for (int i = 0; i < types.length; i++) {
      Class<?> type = types[i].isPrimitive() ? boxed(types[i]) : types[i];
      if (args[i] != null && !type.isInstance(args[i])) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> boxed(Class<?> primitive) {
    return primitive == int.class
        ? Integer.class
        : primitive == long.class ? Long.class : Boolean.class;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> parameters(Object request) throws Exception {
    return (Map<String, String>) call(request, "parameters");
  }

  private static Object constant(ClassLoader loader, String type, String name) throws Exception {
    return loader.loadClass("io.github.jyoutube.resource." + type).getField(name).get(null);
  }

  private static void write(Path root, String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static void compile(Path src, Path classes) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--release",
                "17",
                "-Xlint:all,-processing",
                "-Werror",
                "-Xdoclint:all/protected",
                "-implicit:none",
                "-proc:none",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString()));
    try (Stream<Path> files = Files.walk(src)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(output, true, StandardCharsets.UTF_8);
    int status = javac.run(null, stream, stream, args.toArray(String[]::new));
    assertThat(output.toString(StandardCharsets.UTF_8)).as("javac output").isEmpty();
    assertThat(status).as("javac status").isZero();
  }

  /** Reads and writes with the generated {@code ModelJson}, loaded from the compiled sources. */
  private static final class Codec {
    private final JsonFactory factory = new JsonFactory();
    private final Method read;
    private final Method write;

    Codec(Class<?> modelJson) throws NoSuchMethodException {
      read = modelJson.getMethod("read", JsonParser.class, Class.class);
      write = modelJson.getMethod("write", JsonGenerator.class, Object.class);
    }

    Object readValue(String json, Class<?> type) throws Exception {
      try (JsonParser parser = factory.createParser(json)) {
        parser.nextToken();
        return read.invoke(null, parser, type);
      }
    }

    String writeValueAsString(Object value) throws Exception {
      StringWriter out = new StringWriter();
      try (JsonGenerator generator = factory.createGenerator(out)) {
        assertThat(write.invoke(null, generator, value)).isEqualTo(true);
      }
      return out.toString();
    }
  }
}
