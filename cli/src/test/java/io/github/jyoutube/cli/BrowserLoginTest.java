package io.github.jyoutube.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jyoutube.Json;
import io.github.jyoutube.auth.AccessToken;
import io.github.jyoutube.emulator.YouTubeEmulator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code jyoutube auth login --no-browser} with a real browser: headless Chromium, driven by
 * Selenium, opens the printed consent URL of the emulator, picks the second account and clicks
 * Allow; the emulator redirects Chromium to the CLI's loopback receiver, and the token lands in the
 * store. Screenshots of the consent page and of the receiver's page go to {@code target/}.
 */
class BrowserLoginTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path home;
  @TempDir Path profile;

  @Test
  void chromiumSignsInThroughTheLoopbackReceiver() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "headless Chromium is not installed (/usr/bin/chromium and /usr/bin/chromedriver):"
            + " apt-get install chromium chromium-driver, as .ci/run does");
    Path config = home.resolve("config");
    try (YouTubeEmulator emulator = YouTubeEmulator.builder().port(0).start()) {
      CliRunner cli =
          new CliRunner(
              home, "--endpoint", emulator.baseUri().toString(), "--config-dir", config.toString());
      CliRunner.Running login = cli.start("auth", "login", "--no-browser", "--timeout", "120");
      String url = login.awaitErr(AuthCommandTest.AUTH_URL, WAIT);

      WebDriver driver = chromium();
      try {
        driver.get(url);
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        WebElement allow = wait.until(ExpectedConditions.elementToBeClickable(By.id("allow")));
        assertThat(driver.getTitle()).contains("Sign in");
        assertThat(driver.findElement(By.id("app")).getText()).isEqualTo("jyoutube emulator app");
        WebElement bob = driver.findElement(By.id("account-1"));
        bob.click();
        assertThat(bob.isSelected()).isTrue();
        screenshot(driver, Path.of("target", "consent-page.png"));

        allow.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), "Signed in"));
        assertThat(driver.getCurrentUrl()).startsWith("http://127.0.0.1:").contains("code=");
        assertThat(driver.findElement(By.id("message")).getText())
            .contains("You can close this window");
        screenshot(driver, Path.of("target", "login-done-page.png"));
      } finally {
        driver.quit();
      }

      CliRunner.Result result = login.await(WAIT);
      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.out()).contains("Signed in as Bob Example (channel Bob Example, @bob).");
      Path tokenFile = config.resolve("jyoutube/token.json");
      assertThat(Files.getPosixFilePermissions(tokenFile))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      AccessToken token = Json.parse(Files.readString(tokenFile), AccessToken.class);
      assertThat(token.isRefreshable()).isTrue();

      CliRunner.Result channels = cli.run("channels", "list", "--mine");
      assertThat(channels.out()).contains("UCbob00emulator0channel", "Bob Example");
    }
  }

  private WebDriver chromium() {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(java.io.OutputStream.nullOutputStream())
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1000,800",
        "--user-data-dir=" + profile);
    return new ChromeDriver(service, options);
  }

  private static void screenshot(WebDriver driver, Path target) throws Exception {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }
}
