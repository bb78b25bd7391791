package clinic.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A staff member's browser: Debian's headless Chromium driven by its chromedriver (installed by .ci/run), signed in
 * through Keycloak's real login form. Saves screenshots under e2e-tests/target/screenshots and checks pages with
 * axe-core (the build's own copy from the frontend's lock file).
 */
final class Browser implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Path AXE = Path.of("..", "frontend", "node_modules", "axe-core", "axe.min.js");

	private final ChromeDriver driver;

	private final String gateway;

	Browser(String gateway) {
		this.gateway = gateway;
		try {
			var profile = Files.createTempDirectory(Path.of("target"), "chromium-");
			var options = new ChromeOptions();
			options.setBinary(System.getProperty("clinic.e2e.chromium", "/usr/bin/chromium"));
			// no network beyond the suite: the background services Chromium calls home with are off
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
			var service = new ChromeDriverService.Builder()
				.usingDriverExecutable(Path.of(System.getProperty("clinic.e2e.chromedriver", "/usr/bin/chromedriver")).toFile())
				.build();
			this.driver = new ChromeDriver(service, options);
			this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Opens the page; without a session the gateway sends the browser to Keycloak, where the user signs in. */
	Browser signIn(String username, String page) {
		driver.get(gateway + page);
		var wait = waiting(Duration.ofSeconds(30));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys("demo");
		driver.findElement(By.id("kc-login")).click();
		// the page itself may rewrite its query (the calendar puts its date in): back at the page's path is enough
		var path = gateway + (page.contains("?") ? page.substring(0, page.indexOf('?')) : page);
		wait.withMessage(() -> username + " signed in but the browser is at " + driver.getCurrentUrl() + " ("
				+ driver.getTitle() + "), not at " + path)
			.until(d -> d.getCurrentUrl().startsWith(path));
		return this;
	}

	Browser open(String page) {
		driver.get(gateway + page);
		return this;
	}

	/**
	 * A wait that looks again when the page re-rendered the element between finding it and reading it (Preact
	 * replaces nodes): a stale element is not an answer, the next poll finds the new one.
	 */
	WebDriverWait waiting(Duration patience) {
		var wait = new WebDriverWait(driver, patience);
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	WebElement find(By by) {
		return waiting(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
	}

	List<WebElement> all(By by) {
		return driver.findElements(by);
	}

	/** Runs script in the page, as its own code would (same origin, the user's cookies). */
	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
	}

	/**
	 * Cuts the browser off the network, as a tablet that drops off Wi-Fi (Chromium's offline emulation: requests fail,
	 * the page hears "offline"), or puts it back ("online").
	 */
	void offline(boolean offline) {
		driver.setNetworkConditions(new ChromiumNetworkConditions().setOffline(offline));
		if (!offline) {
			driver.deleteNetworkConditions();
		}
	}

	void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			var png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
			Files.write(SCREENSHOTS.resolve(name + ".png"), png);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** axe-core's serious and critical violations on the page as it is now, one line each. */
	List<String> accessibilityViolations() {
		try {
			var axe = Files.readString(AXE);
			((JavascriptExecutor) driver).executeScript(axe);
			@SuppressWarnings("unchecked")
			var results = (Map<String, Object>) script("""
					const done = arguments[arguments.length - 1];
					axe.run(document, { resultTypes: ['violations'] }).then(r => done(r), e => done({ error: String(e) }));""");
			assertThat(results).doesNotContainKey("error");
			var found = new ArrayList<String>();
			@SuppressWarnings("unchecked")
			var violations = (List<Map<String, Object>>) results.get("violations");
			for (var violation : violations) {
				var impact = String.valueOf(violation.get("impact"));
				if (impact.equals("serious") || impact.equals("critical")) {
					found.add(impact + " " + violation.get("id") + ": " + violation.get("help") + " ("
							+ ((List<?>) violation.get("nodes")).size() + " element(s))");
				}
			}
			return found;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}
}
