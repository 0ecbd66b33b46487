package org.lr4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The HTTP server of {@code lr4j explore}, on the JDK's {@code com.sun.net.httpserver}.
 *
 * <p>It serves a fixed set of resources from the classpath ({@link #RESOURCES}: the page, its script and
 * style, and uPlot from its WebJar) and the API of {@link ExploreApi}; no path from a request reaches the
 * file system. Every answer carries a Content-Security-Policy that allows only the server's own scripts,
 * styles and connections, and no CORS header; a request whose {@code Origin} is not the server's own,
 * or whose {@code Host} is not the address it listens on (DNS rebinding), is refused. At most
 * {@link #CONCURRENT_TABLES} tables are computed at once, each of at most {@link ExploreApi#MAX_ROWS} rows.
 */
final class ExploreServer implements AutoCloseable {
    /** Tables computed at the same time; other requests wait for their turn. */
    static final int CONCURRENT_TABLES = 2;
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final String UPLOT = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
    /** Request path to classpath resource and content type: everything the server serves besides the API. */
    static final Map<String, String[]> RESOURCES = Map.of(
            "/", new String[] {"org/lr4j/cli/explore/index.html", "text/html; charset=utf-8"},
            "/explore.js", new String[] {"org/lr4j/cli/explore/explore.js", "text/javascript; charset=utf-8"},
            "/explore.css", new String[] {"org/lr4j/cli/explore/explore.css", "text/css; charset=utf-8"},
            "/uPlot.iife.min.js", new String[] {UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"},
            "/uPlot.min.css", new String[] {UPLOT + "uPlot.min.css", "text/css; charset=utf-8"});

    private final HttpServer server;
    private final ExecutorService executor;
    private final Semaphore tables = new Semaphore(CONCURRENT_TABLES, true);
    private final String host;

    private ExploreServer(HttpServer server, ExecutorService executor, String host) {
        this.server = server;
        this.executor = executor;
        this.host = host;
    }

    /**
     * Starts a server on {@code host:port} ({@code port} 0 picks a free port).
     *
     * @throws IOException when the address cannot be bound
     */
    static ExploreServer start(String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 16);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "lr4j-explore");
            t.setDaemon(true);
            return t;
        });
        ExploreServer s = new ExploreServer(server, executor, host);
        server.createContext("/", s::handle);
        server.setExecutor(executor);
        server.start();
        return s;
    }

    /** The port the server listens on. */
    int port() {
        return server.getAddress().getPort();
    }

    /** The page's address. */
    String url() {
        String h = server.getAddress().getAddress().getHostAddress();
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port() + "/";
    }

    /** Stops at once: open exchanges are closed. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static String uplotVersion() {
        try (InputStream in = ExploreServer.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "missing");
        } catch (IOException e) {
            return "missing";
        }
    }

    private boolean sameOrigin(Headers h) {
        String hostHeader = h.getFirst("Host");
        if (hostHeader == null) {
            return false;
        }
        int p = port();
        boolean hostOk = hostHeader.equalsIgnoreCase(host + ":" + p) || hostHeader.equalsIgnoreCase("localhost:" + p)
                || hostHeader.equalsIgnoreCase("127.0.0.1:" + p) || hostHeader.equalsIgnoreCase("[::1]:" + p)
                || !isLoopback();
        String origin = h.getFirst("Origin");
        return hostOk && (origin == null || origin.equalsIgnoreCase("http://" + hostHeader));
    }

    private boolean isLoopback() {
        return server.getAddress().getAddress().isLoopbackAddress();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Headers out = ex.getResponseHeaders();
            out.set("Content-Security-Policy", CSP);
            out.set("X-Content-Type-Options", "nosniff");
            out.set("Referrer-Policy", "no-referrer");
            out.set("Cross-Origin-Resource-Policy", "same-origin");
            out.set("Cache-Control", "no-store");
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                out.set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", "lr4j explore: only GET and HEAD\n");
                return;
            }
            if (!sameOrigin(ex.getRequestHeaders())) {
                send(ex, 403, "text/plain; charset=utf-8", "lr4j explore: cross-origin requests are refused\n");
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            String[] resource = RESOURCES.get(path);
            if (resource != null) {
                try (InputStream in = ExploreServer.class.getClassLoader().getResourceAsStream(resource[0])) {
                    if (in == null) {
                        send(ex, 500, "text/plain; charset=utf-8", "lr4j explore: resource missing from the build\n");
                        return;
                    }
                    out.set("Cache-Control", "no-cache");
                    send(ex, 200, resource[1], in.readAllBytes());
                }
                return;
            }
            try {
                switch (path) {
                    case "/api/options" -> json(ex, ExploreApi.options());
                    case "/api/presets" -> json(ex, ExplorePresets.presets());
                    case "/api/table" -> json(ex, withTable(() -> ExploreApi.table(ExploreApi.toArgs(query))));
                    case "/api/series" -> json(ex, withTable(() -> ExploreApi.series(ExploreApi.toArgs(query))));
                    case "/api/table.csv" -> send(ex, 200, "text/csv; charset=utf-8",
                            withTable(() -> ExploreApi.runTable(ExploreApi.toArgs(query), "csv")));
                    case "/api/export" -> json(ex, withTable(() -> ExploreExports.all(ExploreApi.toArgs(query))));
                    default -> send(ex, 404, "text/plain; charset=utf-8", "lr4j explore: no such page\n");
                }
            } catch (ExploreApi.BadRequest e) {
                send(ex, 400, "text/plain; charset=utf-8", Lr4j.oneLine(e.getMessage()) + "\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | OutOfMemoryError e) {
                send(ex, 500, "text/plain; charset=utf-8", "lr4j explore: internal error\n");
            }
        }
    }

    private interface Work<T> {
        T get();
    }

    private <T> T withTable(Work<T> work) throws InterruptedException {
        tables.acquire();
        try {
            return work.get();
        } finally {
            tables.release();
        }
    }

    private static void json(HttpExchange ex, Object value) throws IOException {
        byte[] body;
        try {
            body = Json.JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        send(ex, 200, "application/json", body);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
    }
}
