package dev.dealdesk.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dealdesk.DealDesk;
import dev.dealdesk.TestEngines;
import dev.dealdesk.bench.DealGenerator;
import dev.dealdesk.cli.CliRunner;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.http.DecisionService;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workbench in a real browser, as a RevOps analyst uses it: Debian's headless Chromium driven
 * through its chromedriver (both at /usr/bin, which {@code .ci/browser} installs before this runs;
 * nothing is downloaded), against {@code dealdesk serve} with a token and an audit log of a few
 * thousand generated decisions. The steps build on each other, in order: sign in, read the policy,
 * try a deal, draft a change that flips it, open its receipt. Screenshots go to
 * {@code target/workbench-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchIT {

    private static final String TOKEN = "workbench-test-token";
    private static final String CHROMIUM = System.getProperty("dealdesk.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("dealdesk.chromedriver", "/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "workbench-screenshots");
    private static final int SEEDED = 3_000;

    private static Path folder;
    private static Path log;
    private static DealDesk engine;
    private static DecisionService service;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String base;
    /** The decision of the deal tried on the "Try a deal" page. */
    private static String triedDecisionId;

    @BeforeAll
    static void start() throws Exception {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            fail("the workbench's browser test needs Chromium and chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + "; install them with: apt-get install chromium chromium-driver (mvn verify runs .ci/browser to do so)");
        }
        folder = Files.createTempDirectory("dealdesk-workbench-it");
        log = folder.resolve("decisions.jsonl");
        Files.writeString(folder.resolve("token"), TOKEN + "\n");
        engine = DealDesk.builder().rules(TestEngines.SHIPPED_RULES).audit(log).build();
        List<CompletableFuture<?>> recorded = new ArrayList<>();
        for (Deal deal : DealGenerator.generate(16, SEEDED)) {
            recorded.add(engine.submit(deal));
        }
        CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new)).join();
        service = DecisionService.start(engine, new DecisionService.Options("127.0.0.1", 0, folder.resolve("token"), 1 << 20, 2,
                Duration.ofSeconds(5)), Path.of("policy-examples"));
        base = "http://127.0.0.1:" + service.address().getPort();
        Files.createDirectories(SHOTS);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1800", "--user-data-dir=" + Files.createTempDirectory(folder, "chromium"));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (folder != null) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void withoutTheToken_pagesAskForItAndTheApiRefuses() throws Exception {
        browser.get(base + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertTrue(browser.getPageSource().contains("needs its token"), browser.getPageSource());
        browser.findElement(By.id("token")).sendKeys("not-the-token");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error")));
        assertTrue(refused.getText().contains("not the service's token"), refused.getText());
        assertTrue(browser.manage().getCookies().isEmpty(), browser.manage().getCookies().toString());
        shot("01-sign-in-refused");

        HttpClient client = HttpClient.newHttpClient();
        assertEquals(401, client.send(HttpRequest.newBuilder(URI.create(base + "/v1/workbench/policy")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(401, client.send(HttpRequest.newBuilder(URI.create(base + "/v1/workbench/policy"))
                .header("Cookie", "dealdesk_session=bm90LXRoZS10b2tlbg").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(401, client.send(HttpRequest.newBuilder(URI.create(base + "/workbench/app.js")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(base + "/v1/workbench/policy"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    @Order(2)
    void signedIn_thePolicyPageShowsTheLivePolicyItsThresholdsAndRules() {
        browser.findElement(By.id("token")).clear();
        browser.findElement(By.id("token")).sendKeys(TOKEN);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement version = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("live-version")));
        assertEquals(engine.policy().version(), version.getText());
        assertTrue(browser.manage().getCookieNamed("dealdesk_session").isHttpOnly());

        String thresholds = browser.findElement(By.id("policy-thresholds")).getText();
        assertTrue(thresholds.contains("minimumLandAcvSmb 15_000"), thresholds);
        assertTrue(thresholds.contains("Land too small to fund customer success. Minimum viable land ACV in US dollars,"
                + " by customer segment."), thresholds);
        String rules = browser.findElement(By.id("policy-rules")).getText();
        assertTrue(rules.contains("land.below-minimum"), rules);
        assertTrue(rules.matches("(?s).*land-too-small\\.drl:\\d+.*"), rules);
        assertTrue(rules.contains("DEAL_DESK"), rules);
        assertTrue(rules.contains("failure:land-too-small"), rules);
        assertTrue(rules.matches("(?s).*\\b[1-9][0-9,]* decisions.*"), "some rule fired in logged decisions: " + rules);
        String status = browser.findElement(By.id("policy-status")).getText();
        assertTrue(status.contains(String.format("%,d logged decisions", SEEDED)), status);
        shot("02-policy");
    }

    @Test
    @Order(3)
    void tryADeal_badInputIsShownAtItsField_andTheDealIsRejectedWithItsCode() {
        open("try", "deal-dealId");
        type("deal-dealId", "WB-SMB-LAND-12K");
        type("deal-asOf", "11/23/2026");
        new Select(browser.findElement(By.id("deal-motion"))).selectByValue("LAND");
        new Select(browser.findElement(By.id("deal-stage"))).selectByValue("PROPOSAL");
        new Select(browser.findElement(By.id("deal-segment"))).selectByValue("SMB");
        type("deal-acv", "-12000");
        type("deal-seller-arr", "6000000");
        new Select(browser.findElement(By.id("deal-contract-pricingModel"))).selectByValue("PER_SEAT");
        type("deal-contract-termMonths", "12");
        browser.findElement(By.cssSelector("#deal-form button[type=submit]")).click();

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deal-acv-error")));
        assertTrue(error.getText().contains("/acv"), error.getText());
        assertTrue(error.getText().contains("expected"), error.getText());
        assertEquals("true", browser.findElement(By.id("deal-acv")).getAttribute("aria-invalid"));
        shot("03-try-bad-input");

        type("deal-acv", "12000");
        browser.findElement(By.cssSelector("#deal-form button[type=submit]")).click();
        WebElement outcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-outcome")));
        assertEquals("Decision: REJECT", outcome.getText());
        String decision = browser.findElement(By.id("decision")).getText();
        assertTrue(decision.contains("land.below-minimum"), decision);
        assertTrue(decision.contains("ACV $12,000 is under the $15,000 minimum viable land for SMB"), decision);
        assertTrue(decision.contains("Path to approval"), decision);
        assertTrue(decision.contains("/acv"), decision);
        String receipt = browser.findElement(By.cssSelector("#decision a[href^='#/decisions/']")).getAttribute("href");
        triedDecisionId = receipt.substring(receipt.lastIndexOf('/') + 1);
        shot("04-try-reject");
    }

    @Test
    @Order(4)
    void aWrongThresholdEdit_showsItsProblemsWithFileAndLine() {
        browser.get(base + "/#/draft");
        WebElement term = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("threshold-flatFeeMaxTermMonths")));
        type("threshold-minimumLandAcvSmb", "ten thousand");
        browser.findElement(By.cssSelector("#draft-form button[type=submit]")).click();
        WebElement notANumber = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("threshold-minimumLandAcvSmb-error")));
        assertTrue(notANumber.getText().contains("/thresholds/minimumLandAcvSmb"), notANumber.getText());
        assertTrue(notANumber.getText().contains("expected a number"), notANumber.getText());

        type("threshold-minimumLandAcvSmb", "15_000");
        term.clear();
        term.sendKeys("12.5");
        browser.findElement(By.cssSelector("#draft-form button[type=submit]")).click();
        WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-verdict")));
        assertEquals("The draft does not compile", verdict.getText());
        String problems = browser.findElement(By.id("draft-problems")).getText();
        assertTrue(problems.matches("(?s).*thresholds\\.drl:\\d+.*"), problems);
        // The problem is shown at the threshold's field too, focus moves to the verdict, and a draft
        // that does not compile is not offered for download.
        assertEquals("true", term.getAttribute("aria-invalid"));
        String atField = browser.findElement(By.id("threshold-flatFeeMaxTermMonths-error")).getText();
        assertTrue(atField.startsWith("thresholds.drl:" + term.getAttribute("data-line") + ":"), atField);
        assertEquals(verdict, browser.switchTo().activeElement());
        assertTrue(browser.findElements(By.cssSelector("#draft-result a[download]")).isEmpty());
        shot("05-draft-wrong-threshold");
    }

    @Test
    @Order(5)
    void aThresholdChange_flipsTheTriedDeal_inTheChartAndTheList_asWhatIfSays() throws Exception {
        type("threshold-flatFeeMaxTermMonths", "12");
        type("threshold-minimumLandAcvSmb", "10000");
        browser.findElement(By.cssSelector("#draft-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("draft-verdict"), "The draft compiles"));
        assertEquals(1, browser.findElements(By.cssSelector("#draft-result a[download='thresholds.drl']")).size());
        WebElement flip = browser.findElement(By.cssSelector(
                "#what-if-chart g[data-segment='SMB'] g.cell[data-from='REJECT'][data-to='FLAG']"));
        String changes = browser.findElement(By.id("draft-result")).getText();
        assertTrue(changes.contains("WB-SMB-LAND-12K"), changes);
        WebElement row = browser.findElement(By.xpath("//a[@href='#/decisions/" + triedDecisionId + "']/ancestor::tr"));
        assertTrue(row.getText().contains("REJECT FLAG"), row.getText());
        assertTrue(browser.findElement(By.id("draft-examples")).getText().contains("examples pass"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("what-if-summary")));
        shot("06-draft-what-if");
        Files.write(SHOTS.resolve("06-what-if-chart.png"), browser.findElement(By.cssSelector("#draft-result .chart svg"))
                .getScreenshotAs(OutputType.BYTES));

        // The same draft through dealdesk what-if: a copy of the rules with the one line changed.
        Path candidate = Files.createDirectory(folder.resolve("candidate"));
        try (Stream<Path> files = Files.list(TestEngines.SHIPPED_RULES)) {
            for (Path file : files.toList()) {
                Files.copy(file, candidate.resolve(file.getFileName()));
            }
        }
        Path thresholds = candidate.resolve("thresholds.drl");
        Files.writeString(thresholds, Files.readString(thresholds).replace(
                "function double minimumLandAcvSmb() { return 15_000; }", "function double minimumLandAcvSmb() { return 10_000; }"));
        CliRunner.Result cli = CliRunner.run("", "what-if", log.toString(), "--rules", candidate.toString(), "--format", "json");
        assertEquals(0, cli.status(), cli.err());
        JsonObject report = cli.line(0);
        long cliFlips = report.getJsonArray("flips").size();
        String summary = browser.findElement(By.id("what-if-summary")).getText();
        assertTrue(summary.startsWith("Over " + String.format("%,d", report.getInt("decisions")) + " logged decisions: "
                + String.format("%,d", report.getJsonArray("changes").size()) + " decision"), summary + " vs " + report);
        assertTrue(summary.contains(cliFlips + " of them their outcome"), summary + " vs flips " + cliFlips);
        JsonObject smbFlip = report.getJsonObject("bySegment").getJsonArray("SMB").stream().map(JsonObject.class::cast)
                .filter(cell -> cell.getString("from").equals("REJECT") && cell.getString("to").equals("FLAG")).findFirst().orElseThrow();
        assertEquals(smbFlip.getJsonNumber("count").toString(), flip.getAttribute("data-count"));
        assertEquals(smbFlip.getJsonNumber("acv").bigDecimalValue().compareTo(new java.math.BigDecimal(flip.getAttribute("data-acv"))), 0);
    }

    @Test
    @Order(6)
    void theReceipt_isVerifiedOnThePage_andReplaysToTheSameDecision() {
        browser.findElement(By.cssSelector("#draft-result a[href='#/decisions/" + triedDecisionId + "']")).click();
        WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-verdict")));
        assertTrue(verdict.getText().startsWith("Verified"), verdict.getText());
        String receipt = browser.findElement(By.id("receipt")).getText();
        assertTrue(receipt.contains("WB-SMB-LAND-12K"), receipt);
        assertTrue(receipt.contains(engine.policy().version()), receipt);
        assertTrue(receipt.contains("of " + String.format("%,d", SEEDED + 1)), receipt);
        browser.findElement(By.id("replay")).click();
        WebElement replayed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("replay-verdict")));
        assertTrue(replayed.getText().startsWith("Replayed: the same decision (REJECT recorded, REJECT replayed"), replayed.getText());
        shot("07-receipt");
    }

    @Test
    @Order(7)
    void theDecisions_areSearchedByDealIdOutcomeAndDate() {
        open("decisions", "search-deal");
        type("search-deal", "wb-smb");
        new Select(browser.findElement(By.id("search-outcome"))).selectByValue("REJECT");
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-summary"), "1 decision match"));
        assertTrue(browser.findElement(By.id("search-results")).getText().contains("WB-SMB-LAND-12K"));

        new Select(browser.findElement(By.id("search-outcome"))).selectByValue("APPROVE");
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-summary"), "0 decisions match"));
        shot("08-decisions");
    }

    /** Opens the page {@code #/<page>} and waits for the field {@code id} to show. */
    private static void open(String page, String id) {
        browser.get(base + "/#/" + page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void shot(String name) {
        try {
            Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
