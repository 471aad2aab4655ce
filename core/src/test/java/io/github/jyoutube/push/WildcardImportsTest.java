package io.github.jyoutube.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file may import the models and the push package with wildcards: no simple name is in both, so
 * {@code Subscription} is the API's subscription and {@code HubSubscription} the hub's.
 */
class WildcardImportsTest {

  @Test
  void theModelsAndThePushPackageImportTogether(@TempDir Path classes) {
    String source =
        """
        import io.github.jyoutube.model.*;
        import io.github.jyoutube.push.*;

        class UsesBoth {
          Subscription model;
          io.github.jyoutube.model.Subscription same = model;
          HubSubscription hub = HubSubscription.subscribe("UC_x5XG1OV2P6uZZ5FSM9Ttw",
              "https://example.com/youtube", SubscribeOptions.defaults());
        }
        """;
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///UsesBoth.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    boolean compiled =
        javac
            .getTask(
                null,
                null,
                diagnostics,
                List.of("-proc:none", "-classpath", classPath, "-d", classes.toString()),
                null,
                List.of(file))
            .call();

    assertThat(diagnostics.getDiagnostics())
        .extracting(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
        .isEmpty();
    assertThat(compiled).isTrue();
  }
}
