package io.github.jyoutube.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.core.JsonFactory;
import io.github.jyoutube.YouTubeClient;
import io.github.jyoutube.model.Playlist;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published modules on the module path, as an application that is a module itself uses them:
 * each test compiles a small application module with the JDK's compiler against the modules as
 * built (their classes directories or jars, with the jars they require) and runs it in a child JVM
 * with {@code --module-path}. An application that requires the core calls the API with typed
 * models; one that requires the emulator serves the API in process and reads its live chat over
 * gRPC; neither compiles when it names the internal packages.
 */
class ModulePathTest {

  /** The longest a child may run: it takes about a second. */
  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void anApplicationModuleThatRequiresTheCoreCallsTheApiWithTypedModels() throws Exception {
    String client =
        """
        package app.client;

        import io.github.jyoutube.Endpoints;
        import io.github.jyoutube.YouTubeClient;
        import io.github.jyoutube.error.NotFoundException;
        import io.github.jyoutube.media.MediaContent;
        import io.github.jyoutube.model.Playlist;
        import io.github.jyoutube.model.Video;
        import io.github.jyoutube.model.VideoSnippet;
        import java.net.URI;

        public final class Main {
          public static void main(String[] args) {
            System.out.println(
                Main.class.getModule() + " reads " + YouTubeClient.class.getModule());
            YouTubeClient cli =
                YouTubeClient.builder()
                    .endpoints(Endpoints.at(URI.create(args[0])))
                    .accessToken(args[1])
                    .build();
            for (Playlist playlist : cli.playlists().list().mine(true).execute().items()) {
              System.out.println(
                  playlist.getClass().getSimpleName()
                      + " "
                      + playlist.id()
                      + " "
                      + playlist.snippet().title());
            }
            byte[] clip = new byte[4096];
            byte[] head = {0, 0, 0, 8, 'f', 't', 'y', 'p', 0, 0, 15, -8, 'm', 'd', 'a', 't'};
            System.arraycopy(head, 0, clip, 0, head.length);
            Video video =
                cli.videos()
                    .insert(
                        Video.builder()
                            .snippet(VideoSnippet.builder().title("From a module").build())
                            .build(),
                        MediaContent.of(clip, "video/mp4"))
                    .execute();
            System.out.println(video.getClass().getSimpleName() + " " + video.snippet().title());
            System.out.println("hub " + cli.pushNotifications().hub());
            try {
              cli.playlists().delete("noSuchPlaylist").execute();
            } catch (NotFoundException e) {
              System.out.println(e.getClass().getSimpleName() + " " + e.reason());
            }
          }
        }
        """;
    Path app = compile("app.client", "requires io.github.jyoutube;", client, corePath());

    try (YouTubeEmulator emulator = YouTubeEmulator.start()) {
      String token = emulator.accessToken(Account.ALICE);
      List<String> expected = new ArrayList<>();
      expected.add("module app.client reads module io.github.jyoutube");
      YouTubeClient cli =
          YouTubeClient.builder().endpoints(emulator.endpoints()).accessToken(token).build();
      for (Playlist playlist : cli.playlists().list().mine(true).execute().items()) {
        expected.add("Playlist " + playlist.id() + " " + playlist.snippet().title());
      }
      expected.add("Video From a module");
      expected.add("hub " + emulator.endpoints().hub());
      expected.add("NotFoundException playlistNotFound");

      List<String> printed =
          run(app, corePath(), "app.client", emulator.baseUri().toString(), token);

      assertThat(expected).hasSizeGreaterThan(4);
      assertThat(printed).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void anApplicationModuleThatRequiresTheEmulatorServesTheApiAndStreamsItsChatOverGrpc()
      throws Exception {
    String embedded =
        """
        package app.embedded;

        import io.github.jyoutube.YouTubeClient;
        import io.github.jyoutube.emulator.Account;
        import io.github.jyoutube.emulator.YouTubeEmulator;
        import io.github.jyoutube.livechat.ChatEvent;
        import io.github.jyoutube.livechat.LiveChat;
        import io.github.jyoutube.livechat.LiveChatOptions;
        import io.github.jyoutube.livechat.Transport;

        public final class Main {
          public static void main(String[] args) {
            try (YouTubeEmulator emulator = YouTubeEmulator.start()) {
              System.out.println(
                  Main.class.getModule() + " reads " + YouTubeEmulator.class.getModule());
              YouTubeClient cli =
                  YouTubeClient.builder()
                      .endpoints(emulator.endpoints())
                      .accessToken(emulator.accessToken(Account.ALICE))
                      .build();
              System.out.println(
                  "channel " + cli.channels().list().mine(true).execute().items().get(0).id());
              LiveChatOptions options =
                  LiveChatOptions.forChat(YouTubeEmulator.SEEDED_LIVE_CHAT_ID)
                      .withTransport(Transport.GRPC);
              try (LiveChat chat = LiveChat.connect(cli, options)) {
                chat.events()
                    .limit(2)
                    .map(ChatEvent.TextMessage.class::cast)
                    .forEach(
                        message ->
                            System.out.println(
                                message.getClass().getSimpleName()
                                    + " "
                                    + message.author().displayName()
                                    + ": "
                                    + message.text()));
                System.out.println("over " + chat.transport());
              }
            }
          }
        }
        """;
    Path app =
        compile(
            "app.embedded",
            "requires io.github.jyoutube.emulator; requires io.github.jyoutube.livechat;",
            embedded,
            emulatorPath());

    List<String> printed = run(app, emulatorPath(), "app.embedded");

    assertThat(printed)
        .containsExactly(
            "module app.embedded reads module io.github.jyoutube.emulator",
            "channel " + Account.ALICE.channelId(),
            "TextMessage Bob Example: Hello from Bob!",
            "TextMessage Emulator News: What flour do you use?",
            "over GRPC");
  }

  @Test
  void theInternalPackagesAreNotVisibleToAnApplicationModule() throws Exception {
    String http =
        """
        package app.internal;

        import io.github.jyoutube.http.HttpExecutor;

        public final class Main {
          public static void main(String[] args) {
            System.out.println(HttpExecutor.class);
          }
        }
        """;
    assertThat(errors("app.internal", "requires io.github.jyoutube;", http, corePath()))
        .singleElement(STRING)
        .contains(
            "package io.github.jyoutube.http is not visible",
            "module io.github.jyoutube, which does not export it");

    // The protoc package of the live chat is exported to the emulator only.
    String proto =
        """
        package app.internal;

        import io.github.jyoutube.livechat.proto.LiveChatMessage;

        public final class Main {
          public static void main(String[] args) {
            System.out.println(LiveChatMessage.class);
          }
        }
        """;
    assertThat(
            errors("app.internal", "requires io.github.jyoutube.livechat;", proto, emulatorPath()))
        .singleElement(STRING)
        .contains(
            "package io.github.jyoutube.livechat.proto is not visible",
            "module io.github.jyoutube.livechat, which does not export it to module app.internal");
  }

  @Test
  void theLiveChatsProtocMessagesAreOpenToProtobufsReflection() throws Exception {
    // The emulator, to which the package is exported, stood in for by an application given the
    // same export: protobuf's toString and getAllFields call the messages' accessors reflectively.
    String reflective =
        """
        package app.proto;

        import io.github.jyoutube.livechat.proto.LiveChatMessage;

        public final class Main {
          public static void main(String[] args) {
            LiveChatMessage message = LiveChatMessage.newBuilder().setId("m1").build();
            System.out.println(message.getAllFields().size() + " " + message.toString().strip());
          }
        }
        """;
    List<String> export =
        List.of(
            "--add-exports",
            "io.github.jyoutube.livechat/io.github.jyoutube.livechat.proto=app.proto");
    Path app =
        compile(
            "app.proto",
            "requires io.github.jyoutube.livechat; requires com.google.protobuf;",
            reflective,
            emulatorPath(),
            export);

    assertThat(run(app, emulatorPath(), export, "app.proto")).containsExactly("1 id: \"m1\"");
  }

  /** The core and the jar it requires: its classes directory or jar, and Jackson's. */
  private static String corePath() throws URISyntaxException {
    return home(YouTubeClient.class) + File.pathSeparator + home(JsonFactory.class);
  }

  /** The emulator and every jar it runs with, which Maven lists in target/runtime-classpath.txt. */
  private static String emulatorPath() throws URISyntaxException, IOException {
    String runtime = Files.readString(Path.of("target", "runtime-classpath.txt")).strip();
    return home(YouTubeEmulator.class) + File.pathSeparator + runtime;
  }

  /** Where {@code type} was loaded from: a jar, or the classes directory of a module. */
  private static Path home(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Compiles the module {@code name} with one class, {@code name}.Main; fails on any error. */
  private Path compile(String name, String requires, String main, String modulePath)
      throws IOException {
    return compile(name, requires, main, modulePath, List.of());
  }

  /** {@link #compile(String, String, String, String)} with more javac {@code options}. */
  private Path compile(
      String name, String requires, String main, String modulePath, List<String> options)
      throws IOException {
    Path classes = dir.resolve(name + "-classes");
    List<String> errors = javac(name, requires, main, modulePath, options, classes);
    assertThat(errors).as("the errors compiling " + name).isEmpty();
    return classes;
  }

  /** The errors compiling the module {@code name}, which must not compile. */
  private List<String> errors(String name, String requires, String main, String modulePath)
      throws IOException {
    List<String> errors =
        javac(name, requires, main, modulePath, List.of(), dir.resolve(name + "-classes"));
    assertThat(errors).as("the errors compiling " + name).isNotEmpty();
    return errors;
  }

  private List<String> javac(
      String name,
      String requires,
      String main,
      String modulePath,
      List<String> options,
      Path classes)
      throws IOException {
    Path sources = dir.resolve(name + "-sources");
    Path descriptor = sources.resolve("module-info.java");
    Path mainClass = sources.resolve(name.replace('.', '/')).resolve("Main.java");
    Files.createDirectories(mainClass.getParent());
    Files.writeString(descriptor, "module " + name + " { " + requires + " }\n");
    Files.writeString(mainClass, main);
    Files.createDirectories(classes);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      // Not this JVM's class path, the default: only the module path.
      files.setLocation(StandardLocation.CLASS_PATH, List.of());
      List<String> all =
          new ArrayList<>(
              List.of(
                  "--release",
                  "17",
                  "--module-path",
                  modulePath,
                  "-d",
                  classes.toString(),
                  "-proc:none"));
      all.addAll(options);
      javac
          .getTask(
              null, files, diagnostics, all, null, files.getJavaFileObjects(descriptor, mainClass))
          .call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(d.getMessage(Locale.ROOT));
      }
    }
    return errors;
  }

  /** Runs {@code module}/{@code module}.Main on the module path; its output, line by line. */
  private List<String> run(Path app, String modulePath, String module, String... args)
      throws IOException, InterruptedException {
    return run(app, modulePath, List.of(), module, args);
  }

  /** {@link #run(Path, String, String, String...)} with more JVM {@code options}. */
  private List<String> run(
      Path app, String modulePath, List<String> options, String module, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "--module-path",
                app + File.pathSeparator + modulePath));
    command.addAll(options);
    command.addAll(List.of("--module", module + "/" + module + ".Main"));
    command.addAll(List.of(args));
    Path output = dir.resolve(module + ".out");
    Path errors = dir.resolve(module + ".err");
    Process child =
        new ProcessBuilder(command)
            .redirectOutput(output.toFile())
            .redirectError(errors.toFile())
            .start();
    boolean ended = child.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    if (!ended) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String printed = Files.readString(output) + Files.readString(errors);
    assertThat(ended).as("the child ended within " + LIMIT + "; it printed:\n" + printed).isTrue();
    assertThat(child.exitValue()).as("the child's exit status; it printed:\n" + printed).isZero();
    // Nothing on the standard error: no failure, and no library left without a module it uses.
    assertThat(Files.readString(errors)).as("the child's standard error").isEmpty();
    return Files.readString(output).lines().toList();
  }
}
