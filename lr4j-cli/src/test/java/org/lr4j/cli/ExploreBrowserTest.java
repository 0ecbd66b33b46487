package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code lr4j explore}'s page in a real browser: Debian's headless Chromium driven by Selenium through
 * Debian's chromedriver (both paths given, so Selenium Manager downloads nothing), one browser for all
 * the tests.
 */
class ExploreBrowserTest {
    static ExploreServer server;
    static ChromeDriver driver;
    static Path profile;

    @BeforeAll
    static void start() throws IOException {
        System.setProperty("SE_AVOID_STATS", "true");
        server = ExploreServer.start("127.0.0.1", 0);
        profile = Files.createTempDirectory("lr4j-explore-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            server.close();
            if (profile != null) {
                try (var files = Files.walk(profile)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    static String base() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static void waitFor(String what, java.util.function.Supplier<Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(what).until(d -> condition.get());
    }

    /** Opens the page at {@code fragment} (a fresh load) and waits until every configuration answered. */
    static void open(String fragment, int configs) {
        driver.get("about:blank");
        logs();
        driver.get(base() + fragment);
        waitFor("the page's answers", () -> Boolean.TRUE.equals(js("return !!window.lr4jExplore"
                + " && window.lr4jExplore.results().length === " + configs + " && !!window.lr4jExplore.plotData()"
                + " || (window.lr4jExplore && window.lr4jExplore.results().length === " + configs
                + " && window.lr4jExplore.results().every(r => r.error))")));
    }

    /** The browser's console since the last call, errors first. */
    static List<LogEntry> logs() {
        return new ArrayList<>(driver.manage().logs().get(LogType.BROWSER).getAll());
    }

    static void assertNoConsoleError(List<LogEntry> entries) {
        for (LogEntry e : entries) {
            assertTrue(e.getLevel().intValue() < Level.SEVERE.intValue() && e.getLevel().intValue() < Level.WARNING.intValue(),
                    () -> "console: " + e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Double> plotted(int series) {
        List<Object> data = (List<Object>) js("return window.lr4jExplore.plotData()[arguments[0]]", series);
        List<Double> out = new ArrayList<>();
        for (Object o : data) {
            out.add(o == null ? null : ((Number) o).doubleValue());
        }
        return out;
    }

    static List<Double> tableLr(String query) {
        List<Double> out = new ArrayList<>();
        for (double v : (double[]) ExploreApi.table(ExploreApi.toArgs(query)).get("lr")) {
            out.add(v);
        }
        return out;
    }

    @Test
    void pageLoadsShowingTanhWithNoConsoleError() {
        open("", 1);
        assertEquals("tanh", driver.findElement(By.id("opt-sched")).getAttribute("value"));
        assertEquals("#sched=tanh", js("return location.hash"));
        assertEquals(tableLr("sched=tanh"), plotted(1));
        assertTrue(driver.findElements(By.cssSelector("#chart canvas")).size() == 1);
        // every control comes from /api/options: one per table flag the explorer takes
        assertEquals(ExploreApi.options().size() - 1, driver.findElements(By.cssSelector("#options .option")).size());
        String help = driver.findElement(By.cssSelector(".option[data-flag=lb] .help")).getAttribute("textContent");
        // the descriptor's words (SchedulerOption.LB), as the CLI's help shows them
        assertEquals("tanh: lower bound of the tanh interval. Default: -7; -6 with --timm 0.4. Range: finite, < ub.", help);
        assertNoConsoleError(logs());
    }

    @Test
    void editingAControlRedrawsWithTheNewValues() {
        open("#sched=tanh&epochs=50&warmup-epochs=5&lb=-6", 1);
        assertEquals(tableLr("sched=tanh&epochs=50&warmup-epochs=5&lb=-6"), plotted(1));
        WebElement lb = driver.findElement(By.id("opt-lb"));
        lb.sendKeys(Keys.chord(Keys.CONTROL, "a"), "-3");
        List<Double> expected = tableLr("sched=tanh&epochs=50&warmup-epochs=5&lb=-3");
        waitFor("the chart redrawn with lb=-3", () -> expected.equals(plotted(1)));
        assertEquals("#sched=tanh&epochs=50&warmup-epochs=5&lb=-3", js("return location.hash"));
        new Actions(driver).moveToElement(driver.findElement(By.cssSelector("#chart .u-over")), 40, 60).perform();
        waitFor("the readout", () -> driver.findElement(By.id("readout")).getText().startsWith("(epoch, lr) ("));
        assertNoConsoleError(logs());
    }

    @Test
    void aFragmentLinkRestoresItsView() {
        String link = "#sched=tanh&epochs=50&warmup-epochs=5&lb=-6&label=slow%20start;sched=cosine&epochs=50"
                + ";view:x=update&log-y=1&active=1";
        open(link, 2);
        assertEquals(link, js("return location.hash"), "the state written back is the link");
        assertTrue(driver.findElement(By.id("log-y")).isSelected());
        assertTrue(driver.findElement(By.id("x-update")).isSelected());
        assertEquals("slow start", driver.findElement(By.id("tab-0")).getText());
        assertEquals("cosine", driver.findElement(By.id("opt-sched")).getAttribute("value"));
        assertEquals("50", driver.findElement(By.id("opt-epochs")).getAttribute("value"));
        assertEquals(3, ((List<?>) js("return window.lr4jExplore.plotData()")).size(), "x and two series");
        assertTrue(driver.findElement(By.cssSelector(".u-legend")).getText().contains("slow start"));
        assertEquals(tableLr("sched=tanh&epochs=50&warmup-epochs=5&lb=-6"), plotted(1));
        driver.findElement(By.id("tab-0")).click();
        assertEquals("-6", driver.findElement(By.id("opt-lb")).getAttribute("value"));
        assertNoConsoleError(logs());
    }

    @Test
    void anInvalidValueShowsTheCommandsMessage() {
        open("#sched=tanh", 1);
        driver.findElement(By.id("opt-epochs")).sendKeys("abc");
        String expected = Cli.run("table", "--sched=tanh", "--epochs=abc").err().strip();
        WebElement error = driver.findElement(By.id("error"));
        waitFor("the error line", () -> error.isDisplayed() && error.getText().equals(expected));
        assertTrue(driver.findElement(By.id("opt-epochs")).getAttribute("class").contains("invalid"));
        for (LogEntry e : logs()) {
            // the one thing the console may say: the 400 answer itself
            assertTrue(e.getMessage().contains("status of 400"), () -> "console: " + e);
        }
        driver.findElement(By.id("opt-epochs")).sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, "7");
        waitFor("the error cleared", () -> !error.isDisplayed());
        assertEquals(tableLr("sched=tanh&epochs=7"), plotted(1));
    }

    static String export(String kind) {
        js("document.getElementById('export-text').value = ''");
        driver.findElement(By.cssSelector("[data-export=" + kind + "]")).click();
        WebElement text = driver.findElement(By.id("export-text"));
        waitFor(kind + " export", () -> !text.getAttribute("value").isEmpty());
        return text.getAttribute("value");
    }

    @Test
    void exportsGiveTheRightContent() throws Exception {
        String q = "sched=tanh&epochs=30&warmup-epochs=3&lr-scale=1,0.5";
        open("#" + q, 1);
        String csv = Cli.run(ExploreApiTest.tableArgs(q)).out();
        assertEquals(csv, export("csv"));
        String cli = export("cli");
        assertEquals(ExploreExports.cli(ExploreApi.toArgs(q)), cli);
        List<String> words = ExploreExportsTest.shellWords(cli);
        assertEquals(csv, Cli.run(words.subList(1, words.size()).toArray(String[]::new)).out());
        assertEquals(ExploreExports.all(ExploreApi.toArgs(q)).get("java"), export("java"));
        assertEquals(ExploreExports.all(ExploreApi.toArgs(q)).get("python"), export("python"));

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(export("svg").getBytes(StandardCharsets.UTF_8)));
        NodeList paths = svg.getElementsByTagName("path");
        assertEquals(1, paths.getLength());
        Element path = (Element) paths.item(0);
        assertEquals("30", path.getAttribute("data-points"));
        assertEquals(30, path.getAttribute("d").split("L").length, "one vertex per row");

        String png = export("png");
        assertTrue(png.startsWith("data:image/png;base64,"), png.substring(0, Math.min(40, png.length())));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.substring(22))));
        long canvasWidth = (Long) js("return document.querySelector('#chart canvas').width");
        assertEquals(canvasWidth, image.getWidth());
        assertTrue(driver.findElement(By.id("download")).isDisplayed());
        assertNoConsoleError(logs());
    }

    @Test
    void aTutorialPresetOpensTheCell() {
        open("#sched=tanh", 1);
        new Select(driver.findElement(By.id("preset"))).selectByValue("warmup");
        waitFor("two series", () -> Boolean.TRUE.equals(js("return window.lr4jExplore.plotData() != null"
                + " && window.lr4jExplore.plotData().length === 3")));
        String legend = driver.findElement(By.cssSelector(".u-legend")).getText();
        assertTrue(legend.contains("With warmup (warmup_t=5, warmup_lr_init=1e-5)"), legend);
        assertTrue(legend.contains("Without warmup"), legend);
        assertTrue(((String) js("return location.hash")).contains(";sched=tanh&timm=0.4"));
        assertNoConsoleError(logs());
    }

    @Test
    void aPythonCallLinkDrawsItsSteps() {
        String q = "schedule=OneCycleLR(max_lr%3D0.1,%20total_steps%3D100)";
        open("#" + q, 1);
        assertEquals(tableLr(q), plotted(1));
        assertTrue(driver.findElement(By.cssSelector(".u-legend")).getText().startsWith("step"));
        assertEquals("OneCycleLR(max_lr=0.1, total_steps=100)", driver.findElement(By.id("opt-schedule")).getAttribute("value"));
        assertNoConsoleError(logs());
    }

    /** The README's picture of the page; written when {@code -Dlr4j.screenshot=FILE} is given. */
    @Test
    void screenshotForTheReadme() throws IOException {
        String file = System.getProperty("lr4j.screenshot");
        open("#sched=tanh&epochs=50&warmup-epochs=5&lb=-6&label=tanh%2C%20lb%3D-6;sched=tanh&epochs=50&warmup-epochs=5"
                + "&label=tanh%2C%20train.py%20defaults;sched=cosine&epochs=50&warmup-epochs=5&label=cosine", 3);
        export("cli");
        new Actions(driver).moveToElement(driver.findElement(By.cssSelector("#chart .u-over")), 300, 120).perform();
        waitFor("the readout", () -> driver.findElement(By.id("readout")).getText().startsWith("(epoch, lr)"));
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        assertTrue(ImageIO.read(new ByteArrayInputStream(png)).getWidth() > 0);
        if (file != null) {
            Files.write(Path.of(file), png);
        }
        assertNoConsoleError(logs());
    }
}
