package io.github.jyoutube.emulator;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a fresh {@link YouTubeEmulator} for each test class and injects it
 * into test constructors and methods.
 *
 * <pre>{@code
 * @ExtendWith(YouTubeEmulatorExtension.class)
 * class MyTest {
 *   @Test
 *   void lists(YouTubeEmulator emulator) { ... emulator.endpoints() ... }
 * }
 *
 * class MyOtherTest {
 *   @RegisterExtension
 *   static final YouTubeEmulatorExtension EMULATOR =
 *       new YouTubeEmulatorExtension(b -> b.autoApprove(true).dailyQuota(500));
 *   ... EMULATOR.emulator().baseUri() ...
 * }
 * }</pre>
 *
 * <p>Registered on an instance field instead of a static one, it starts an emulator for each test
 * method that asks for one.
 */
public final class YouTubeEmulatorExtension
    implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(YouTubeEmulatorExtension.class);
  private static final String KEY = "emulator";
  private static final String LAZY = "lazy-emulator";

  private final UnaryOperator<YouTubeEmulator.Builder> configure;
  private volatile YouTubeEmulator emulator;

  /** An extension with the emulator's defaults. */
  public YouTubeEmulatorExtension() {
    this(builder -> builder);
  }

  /**
   * An extension whose emulators are configured by {@code configure}.
   *
   * @param configure changes the default builder, such as {@code b -> b.autoApprove(true)}
   */
  public YouTubeEmulatorExtension(UnaryOperator<YouTubeEmulator.Builder> configure) {
    this.configure = Objects.requireNonNull(configure, "configure == null");
  }

  /**
   * {@return the running emulator of the current test class}
   *
   * @throws IllegalStateException outside a test class's lifetime
   */
  public YouTubeEmulator emulator() {
    YouTubeEmulator running = emulator;
    if (running == null) {
      throw new IllegalStateException("no emulator is running: use it inside a test");
    }
    return running;
  }

  private YouTubeEmulator newEmulator() {
    return configure.apply(YouTubeEmulator.builder()).start();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    YouTubeEmulator started = newEmulator();
    context.getStore(NAMESPACE).put(KEY, started);
    emulator = started;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    YouTubeEmulator running = context.getStore(NAMESPACE).remove(KEY, YouTubeEmulator.class);
    if (running != null) {
      running.close();
    }
    emulator = null;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    YouTubeEmulator lazy = context.getStore(NAMESPACE).remove(LAZY, YouTubeEmulator.class);
    if (lazy != null) {
      lazy.close();
      context.getStore(NAMESPACE).remove(KEY, YouTubeEmulator.class);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == YouTubeEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    YouTubeEmulator running = context.getStore(NAMESPACE).get(KEY, YouTubeEmulator.class);
    if (running == null) {
      running = newEmulator();
      context.getStore(NAMESPACE).put(KEY, running);
      context.getStore(NAMESPACE).put(LAZY, running);
      emulator = running;
    }
    return running;
  }
}
