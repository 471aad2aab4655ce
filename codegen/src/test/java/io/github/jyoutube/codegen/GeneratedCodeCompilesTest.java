package io.github.jyoutube.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the generated records with the project's strict compiler flags and doclint, against
 * stand-ins for the hand-written support types, then reads and writes JSON with them.
 */
class GeneratedCodeCompilesTest {

  private static final String API_ENUM =
      """
      package io.github.jyoutube.model;

      import com.fasterxml.jackson.annotation.JsonValue;

      /** Stand-in for the hand-written base class. */
      public abstract class ApiEnum {
        private final String value;
        private final boolean known;

        /**
         * Creates a value.
         *
         * @param value the value
         * @param known whether it is a constant
         */
        protected ApiEnum(String value, boolean known) {
          this.value = java.util.Objects.requireNonNull(value);
          this.known = known;
        }

        /** @return the value */
        @JsonValue
        public final String value() {
          return value;
        }

        /** @return whether known */
        public final boolean isKnown() {
          return known;
        }

        @Override
        public final boolean equals(Object o) {
          return o != null && o.getClass() == getClass() && ((ApiEnum) o).value.equals(value);
        }

        @Override
        public final int hashCode() {
          return value.hashCode();
        }
      }
      """;

  private static final String MODEL_SUPPORT =
      """
      package io.github.jyoutube.model;

      import java.util.*;

      final class ModelSupport {
        private ModelSupport() {}

        static <T> List<T> copy(List<T> list) {
          return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
        }

        static <V> Map<String, V> copy(Map<String, V> map) {
          return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }

        static Map<String, Object> additionalProperties(Map<String, Object> map) {
          return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
      }
      """;

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
    Generate.run(
        discovery, src, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    write(src, "io/github/jyoutube/model/ApiEnum.java", API_ENUM);
    write(src, "io/github/jyoutube/model/ModelSupport.java", MODEL_SUPPORT);
    write(src, "io/github/jyoutube/paging/Page.java", PAGE);

    Path classes = Files.createDirectories(root.resolve("classes"));
    compile(src, classes);

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      ObjectMapper mapper =
          JsonMapper.builder()
              .defaultPropertyInclusion(
                  JsonInclude.Value.construct(
                      JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
              .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .build();
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

      assertThat(mapper.readTree(mapper.writeValueAsString(value)))
          .isEqualTo(mapper.readTree(json));
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
    }
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
                "-Xdoclint:-missing",
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
}
