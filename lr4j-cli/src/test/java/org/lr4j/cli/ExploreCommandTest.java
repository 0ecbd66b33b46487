package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code lr4j explore} as a person runs it: it prints its address, serves the page, and stops on a signal. */
class ExploreCommandTest {
    @Test
    void printsItsAddressServesThePageAndStopsOnSigterm() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.lr4j.cli.Lr4j", "explore", "--port", "0").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher m = Pattern.compile("^lr4j explore: (http://127\\.0\\.0\\.1:(\\d+)/)  \\(Ctrl-C stops\\)$").matcher(
                    String.valueOf(line));
            assertTrue(m.matches(), line);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<title>lr4j explore</title>"));
            p.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook stops the server
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stopped on SIGTERM");
            try {
                http.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(), HttpResponse.BodyHandlers.ofString());
                throw new AssertionError("still answering after it stopped");
            } catch (ConnectException expected) {
                // the port is closed
            }
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void badPortOrHostIsOneLine() throws Exception {
        Cli.run("explore", "--port", "70000").assertBadInput("lr4j explore: --port must be 0..65535, got 70000");
        Cli.run("explore", "--port", "x").assertBadInput("--port");
        Cli.run("explore", "--port", "0", "--host", "no such host.invalid").assertBadInput(
                "lr4j explore: --host no such host.invalid --port 0: cannot listen");
        try (ExploreServer taken = ExploreServer.start("127.0.0.1", 0)) {
            Cli.run("explore", "--port", String.valueOf(taken.port())).assertBadInput("cannot listen");
        }
    }
}
