package dev.headroom.operator.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed by
 * scripts/install-deps), headless, with a fresh profile, driven through its own chromedriver:
 * nothing is downloaded and Selenium Manager is never asked.
 */
final class HeadlessChromium implements AutoCloseable {

  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("headroom.chromedriver", "/usr/bin/chromedriver"));
  static final Path CHROMIUM =
      Path.of(System.getProperty("headroom.chromium", "/usr/lib/chromium/chromium"));

  private final Path profile;
  private final ChromeDriver driver;

  HeadlessChromium(int width, int height) {
    for (Path p : new Path[] {CHROMEDRIVER, CHROMIUM}) {
      if (!Files.isExecutable(p)) {
        throw new IllegalStateException(
            p + " is missing: run scripts/install-deps (Debian chromium, chromium-driver)");
      }
    }
    try {
      profile = Files.createTempDirectory("headroom-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  ChromeDriver driver() {
    return driver;
  }

  /** A PNG of the visible page, written to {@code file}. */
  Path screenshot(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A profile left in the temp directory harms nothing.
    }
  }
}
