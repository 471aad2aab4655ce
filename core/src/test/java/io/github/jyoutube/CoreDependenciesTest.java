package io.github.jyoutube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core depends on the JDK and jackson-core alone: Micrometer and OpenTelemetry belong to the
 * observability module, which builds on the core's listener, never the other way round.
 */
class CoreDependenciesTest {

  private static final List<String> FOREIGN = List.of("io/micrometer/", "io/opentelemetry/");

  /** The core's compiled classes: {@code target/classes}. */
  private static Path classes() throws Exception {
    return Path.of(YouTubeClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void theRuntimeClassPathMavenResolvesIsJacksonCoreAlone() throws Exception {
    // Written by maven-dependency-plugin (build-classpath, runtime scope) before the tests run.
    Path file = classes().resolveSibling("runtime-classpath.txt");
    assertThat(file).as("written by the build before the tests").exists();

    List<String> jars =
        Stream.of(Files.readString(file, StandardCharsets.UTF_8).trim().split(File.pathSeparator))
            .filter(entry -> !entry.isBlank())
            .map(entry -> Path.of(entry).getFileName().toString())
            .toList();

    assertThat(jars).hasSize(1);
    assertThat(jars.get(0)).matches("jackson-core-[0-9][^/]*\\.jar");
  }

  @Test
  void theModuleRequiresTheJdkAndJacksonCoreAlone() throws Exception {
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(classes().resolve("module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }
    List<String> requires =
        module.requires().stream().map(ModuleDescriptor.Requires::name).sorted().toList();

    assertThat(module.name()).isEqualTo("io.github.jyoutube");
    assertThat(requires)
        .containsExactly(
            "com.fasterxml.jackson.core",
            "java.base",
            "java.net.http",
            "java.sql",
            "java.xml",
            "jdk.httpserver");
    assertThat(requires)
        .filteredOn(name -> !name.startsWith("java.") && !name.startsWith("jdk."))
        .containsExactly("com.fasterxml.jackson.core");
  }

  @Test
  void noMicrometerOrOpenTelemetryClassIsOnTheTestClassPath() throws IOException {
    // Surefire runs the tests from a manifest jar; it names the real class path here.
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> found = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = Path.of(entry);
      if (Files.isDirectory(path)) {
        for (String prefix : FOREIGN) {
          if (Files.exists(path.resolve(prefix))) {
            found.add(entry + " holds " + prefix);
          }
        }
      } else if (Files.isRegularFile(path) && entry.endsWith(".jar")) {
        try (JarFile jar = new JarFile(path.toFile())) {
          jar.stream()
              .map(JarEntry::getName)
              .filter(name -> FOREIGN.stream().anyMatch(name::startsWith))
              .findFirst()
              .ifPresent(name -> found.add(entry + " holds " + name));
        }
      }
    }

    assertThat(classPath).contains("jackson-core");
    assertThat(found).isEmpty();
    assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("io.opentelemetry.api.OpenTelemetry"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void noCoreClassRefersToMicrometerOrOpenTelemetry() throws Exception {
    List<Path> compiled;
    try (Stream<Path> walk = Files.walk(classes())) {
      compiled = walk.filter(p -> p.toString().endsWith(".class")).toList();
    }
    List<String> referring = new ArrayList<>();
    for (Path file : compiled) {
      // Class references are in the constant pool as internal names: io/micrometer/...
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      if (FOREIGN.stream().anyMatch(text::contains)) {
        referring.add(classes().relativize(file).toString());
      }
    }

    assertThat(compiled).hasSizeGreaterThan(100);
    assertThat(referring).as("classes referring to Micrometer or OpenTelemetry").isEmpty();
  }
}
