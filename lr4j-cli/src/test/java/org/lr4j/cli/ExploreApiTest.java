package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lr4j.factory.SchedulerConfig;

/** {@code lr4j explore}'s HTTP API against the table command, and the server's safety rules. */
class ExploreApiTest {
    static ExploreServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Flag sets for every scheduler, in query syntax; each is also run as {@code lr4j table}. */
    static final List<String> CASES = List.of(
            "sched=tanh&epochs=30&warmup-epochs=3",
            "sched=tanh&epochs=50&warmup-epochs=5&lb=-6",
            "sched=tanh&timm=0.4&lr=1e-4&epochs=50&warmup-epochs=0&lr-cycle-limit=0&lr-cycle-mul=2&end-epoch=150",
            "sched=cosine&epochs=20&lr-cycle-limit=3&lr-cycle-mul=1.5&cooldown-epochs=5&min-lr=1e-5",
            "sched=cosine&epochs=10&sched-on-updates=true&updates-per-epoch=7&lr-noise=0.3,0.8",
            "sched=poly&epochs=40&decay-rate=2&lr-k-decay=0.5&lr-scale=1,0.5,0.25",
            "sched=step&epochs=60&decay-epochs=15&decay-rate=0.5&warmup-prefix",
            "sched=multistep&epochs=60&decay-milestones=10,30,45&lr-noise=0.5&seed=7",
            "sched=plateau&epochs=12&patience-epochs=1&decay-rate=0.5&warmup-epochs=2&metrics=0.1,0.2,0.2,0.2,0.3,0.3,0.3,0.3",
            "");

    @BeforeAll
    static void start() throws Exception {
        server = ExploreServer.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The table command's arguments for a query, as a person would type them. */
    static String[] tableArgs(String query) {
        List<String> args = new ArrayList<>(List.of("table"));
        args.addAll(ExploreApi.toArgs(query));
        return args.toArray(String[]::new);
    }

    @Test
    void tableEqualsTheTableCommandForEveryScheduler() throws Exception {
        Set<String> scheds = new HashSet<>();
        for (String q : CASES) {
            Cli cli = Cli.run(tableArgs(q));
            assertEquals(0, cli.status(), () -> q + ": " + cli.err());
            HttpResponse<String> r = get("/api/table?" + q);
            assertEquals(200, r.statusCode(), () -> q + ": " + r.body());
            assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
            JsonNode t = Json.JSON.readTree(r.body());
            List<String> rows = cli.out().lines().skip(1).toList();
            assertEquals(rows.size(), t.get("lr").size(), q);
            assertTrue(rows.size() > 0, q);
            for (int i = 0; i < rows.size(); i++) {
                String[] cells = rows.get(i).split(",");
                assertEquals(Long.parseLong(cells[0]), t.get("epoch").get(i).asLong(), q + " epoch, row " + i);
                assertEquals(Long.parseLong(cells[1]), t.get("update").get(i).asLong(), q + " update, row " + i);
                assertEquals(Double.parseDouble(cells[2]), t.get("lr").get(i).asDouble(), q + " lr, row " + i);
                assertEquals(cells.length - 3, t.get("groups").size(), q);
                for (int g = 0; g < cells.length - 3; g++) {
                    assertEquals(Double.parseDouble(cells[3 + g]), t.get("groups").get(g).get(i).asDouble(),
                            q + " group " + g + ", row " + i);
                }
            }
            scheds.add(ExploreApi.parse(ExploreApi.toArgs(q)).schedule.toConfig().sched());
            HttpResponse<String> csv = get("/api/table.csv?" + q);
            assertEquals(cli.out(), csv.body(), q);
        }
        assertEquals(Set.copyOf(SchedulerConfig.SCHEDULERS), scheds);
    }

    /** PyTorch and transformers schedules by their Python call ({@code --schedule}). */
    static final List<String> PYTHON_CASES = List.of(
            "schedule=OneCycleLR(max_lr%3D0.1,%20total_steps%3D100)",
            "schedule=get_cosine_schedule_with_warmup(num_warmup_steps%3D10,%20num_training_steps%3D60)&lr=0.01",
            "schedule=SequentialLR(schedulers%3D[LinearLR(start_factor%3D0.1,%20total_iters%3D5),%20"
                    + "CosineAnnealingLR(T_max%3D45)],%20milestones%3D[5])&steps=50&opt=adam",
            "schedule=ReduceLROnPlateau(patience%3D1)&steps=6&metrics=1,1,1,1,0.5");

    @Test
    void pythonCallTablesEqualTheTableCommand() throws Exception {
        for (String q : PYTHON_CASES) {
            Cli cli = Cli.run(tableArgs(q));
            assertEquals(0, cli.status(), () -> q + ": " + cli.err());
            JsonNode t = Json.JSON.readTree(get("/api/table?" + q).body());
            List<String> lines = cli.out().lines().toList();
            String[] header = lines.get(0).split(",");
            assertEquals("step", header[0], q);
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",");
                for (int c = 0; c < header.length; c++) {
                    JsonNode column = header[c].startsWith("group") ? t.get("groups").get(Integer.parseInt(header[c].substring(5)))
                            : t.get(header[c]);
                    assertEquals(Double.parseDouble(cells[c]), column.get(i - 1).asDouble(), q + " " + header[c] + " row " + i);
                }
            }
            assertEquals(cli.out(), get("/api/table.csv?" + q).body(), q);
            JsonNode series = Json.JSON.readTree(get("/api/series?" + q).body());
            assertEquals(t.get("lr"), series.get("lr"), q);
        }
        HttpResponse<String> bad = get("/api/table?schedule=OneCycleLR(max_lr%3D0.1)");
        assertEquals(400, bad.statusCode());
        assertEquals(Cli.run("table", "--schedule=OneCycleLR(max_lr=0.1)").err(), bad.body());
        HttpResponse<String> big = get("/api/table?schedule=OneCycleLR(max_lr%3D0.1,%20total_steps%3D2000000)");
        assertEquals(400, big.statusCode());
        assertTrue(big.body().contains("must be at most 1000000"), big.body());
    }

    @Test
    void badValuesAnswer400WithTheCommandsLine() throws Exception {
        for (String q : List.of("epochs=x", "epochs=-3", "sched=nope", "decay-milestones=30,6o&sched=multistep",
                "min-lr=-1", "timm=0.4&sched=cosine", "lr-noise=0.1,0.2,0.3", "updates-per-epoch=0",
                "sched-on-updates=maybe", "epochs=10&epochs=20")) {
            Cli cli = Cli.run(tableArgs(q));
            cli.assertBadInput("lr4j table: ");
            HttpResponse<String> r = get("/api/table?" + q);
            assertEquals(400, r.statusCode(), q);
            assertEquals(cli.err(), r.body(), q);
            assertEquals(1, r.body().strip().lines().count(), q);
        }
    }

    @Test
    void refusesFileFlagsUnknownFlagsAndLongTables() throws Exception {
        for (String flag : List.of("output", "state-in", "state-out", "from-args", "format", "debug", "help")) {
            HttpResponse<String> r = get("/api/table?sched=tanh&" + flag + "=/etc/passwd");
            assertEquals(400, r.statusCode(), flag);
            assertTrue(r.body().startsWith("lr4j explore: --" + flag + " is refused here"), r.body());
            assertFalse(r.body().contains("passwd"), r.body());
        }
        HttpResponse<String> unknown = get("/api/table?nope=1");
        assertEquals(400, unknown.statusCode());
        assertEquals(Cli.run("table", "--nope=1").err(), unknown.body());
        HttpResponse<String> big = get("/api/table?epochs=1000&sched-on-updates&updates-per-epoch=1001");
        assertEquals(400, big.statusCode());
        assertEquals("lr4j explore: the table would hold 1001000 rows, must be at most 1000000 per request;"
                + " cut it with end-epoch or fewer updates-per-epoch\n", big.body());
        HttpResponse<String> past = get("/api/series?sched=tanh&end-epoch=1000001");
        assertEquals(400, past.statusCode());
        assertTrue(past.body().contains("1000000"), past.body());
    }

    @Test
    void seriesThinsLongTablesToRowsOfTheTable() throws Exception {
        String q = "sched=cosine&epochs=100&sched-on-updates&updates-per-epoch=100&lr-noise=0.2&lr-cycle-limit=2&end-epoch=200";
        JsonNode full = Json.JSON.readTree(get("/api/table?" + q).body());
        JsonNode thin = Json.JSON.readTree(get("/api/series?" + q).body());
        int n = full.get("lr").size();
        assertEquals(20_000, n);
        assertEquals(n, thin.get("rows").asInt());
        int m = thin.get("lr").size();
        assertTrue(m <= ExploreApi.MAX_DRAWN + 2 && m >= ExploreApi.MAX_DRAWN / 2, "rows drawn: " + m);
        int j = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < n && j < m; i++) {
            min = Math.min(min, full.get("lr").get(i).asDouble());
            max = Math.max(max, full.get("lr").get(i).asDouble());
            if (full.get("update").get(i).asLong() == thin.get("update").get(j).asLong()) {
                assertEquals(full.get("lr").get(i).asDouble(), thin.get("lr").get(j).asDouble());
                assertEquals(full.get("epoch").get(i).asLong(), thin.get("epoch").get(j).asLong());
                j++;
            }
        }
        assertEquals(m, j, "every drawn row is a row of the table, in order");
        assertEquals(0, thin.get("update").get(0).asLong());
        assertEquals(full.get("update").get(n - 1).asLong(), thin.get("update").get(m - 1).asLong());
        double tMin = Double.MAX_VALUE;
        double tMax = -Double.MAX_VALUE;
        for (JsonNode v : thin.get("lr")) {
            tMin = Math.min(tMin, v.asDouble());
            tMax = Math.max(tMax, v.asDouble());
        }
        assertEquals(min, tMin, "the lowest rate is drawn");
        assertEquals(max, tMax, "the highest rate is drawn");
        JsonNode small = Json.JSON.readTree(get("/api/series?sched=tanh").body());
        assertEquals(Json.JSON.readTree(get("/api/table?sched=tanh").body()).get("lr"), small.get("lr"));
    }

    @Test
    void optionsAreTheDescriptorsAndTheTableCommandsOwn() throws Exception {
        JsonNode options = Json.JSON.readTree(get("/api/options").body());
        Set<String> names = new HashSet<>();
        for (JsonNode o : options) {
            String name = o.get("name").asText();
            names.add(name);
            picocli.CommandLine.Model.OptionSpec spec = ExploreApi.tableOptions().get(name);
            String description = String.join(" ", spec.description());
            // the page's words are the CLI's: the help the command prints, and its default
            assertTrue(description.startsWith(o.get("help").asText().replaceAll("\\.$", "")), description);
            if (!o.get("default").isNull()) {
                assertTrue(description.contains("(default: " + o.get("default").asText() + ")"), description);
            }
            if (o.get("group").asText().equals("schedule")) {
                org.lr4j.factory.SchedulerOption<?> d = org.lr4j.factory.SchedulerOption.named(o.get("python").asText())
                        .orElseThrow();
                assertEquals(d.flag(), "--" + name);
                assertEquals(d.rule(), o.get("rule").asText());
            }
        }
        Set<String> expected = new HashSet<>(ExploreApi.tableOptions().keySet());
        expected.removeAll(ExploreApi.REFUSED);
        assertEquals(expected, names);
        JsonNode lb = null;
        JsonNode decayRate = null;
        JsonNode epochs = null;
        for (JsonNode o : options) {
            switch (o.get("name").asText()) {
                case "lb" -> lb = o;
                case "decay-rate" -> decayRate = o;
                case "epochs" -> epochs = o;
                default -> { }
            }
        }
        assertEquals("[\"tanh\"]", lb.get("schedulers").toString());
        assertEquals("number", lb.get("type").asText());
        assertEquals("-7; -6 with --timm 0.4", lb.get("default").asText());
        assertEquals("[\"step\",\"multistep\",\"plateau\",\"poly\"]", decayRate.get("schedulers").toString());
        assertEquals("whole number > 0", epochs.get("rule").asText());
        assertEquals("300", epochs.get("default").asText());
    }

    @Test
    void servesOnlyItsOwnResourcesWithCspAndNoCors() throws Exception {
        for (String path : ExploreServer.RESOURCES.keySet()) {
            HttpResponse<String> r = get(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals(ExploreServer.CSP, r.headers().firstValue("Content-Security-Policy").orElse(""), path);
            assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), path);
            assertFalse(r.body().isEmpty(), path);
        }
        assertTrue(get("/uPlot.iife.min.js").body().contains("uPlot"));
        for (String path : List.of("/pom.xml", "/%2e%2e/pom.xml", "/org/lr4j/cli/Lr4j.class", "/index.html",
                "/META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", "/explore.js/", "/api/")) {
            HttpResponse<String> r = get(path);
            assertEquals(404, r.statusCode(), path);
            assertEquals(ExploreServer.CSP, r.headers().firstValue("Content-Security-Policy").orElse(""), path);
        }
        assertEquals(403, get("/api/options", "Origin", "http://evil.example").statusCode());
        assertEquals(200, get("/api/options", "Origin", "http://127.0.0.1:" + server.port()).statusCode());
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/table")).POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());
    }

    @Test
    void refusesAForeignHostName() throws Exception {
        // DNS rebinding: a page of another site whose name resolves to 127.0.0.1 sends its own Host
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("GET /api/options HTTP/1.1\r\nHost: evil.example:" + server.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        }
    }
}
