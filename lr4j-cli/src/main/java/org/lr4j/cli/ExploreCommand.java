package org.lr4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lr4j explore [--port N] [--host H]}: serves the schedule explorer ({@link ExploreServer}) and
 * prints its address; runs until interrupted (Ctrl-C), then stops the server. The page's state lives in
 * the URL's {@code #} fragment (docs/explore.md).
 */
@Command(name = "explore", mixinStandardHelpOptions = true, versionProvider = Lr4j.Version.class, sortOptions = false,
        description = "Serve an interactive schedule explorer in the browser (127.0.0.1 unless --host says otherwise).")
final class ExploreCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", defaultValue = "8765",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "Address to listen on; another than loopback serves the network (default: ${DEFAULT-VALUE}).")
    String host;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UsageError("--port must be 0..65535, got " + port);
        }
        ExploreServer server;
        try {
            server = ExploreServer.start(host, port);
        } catch (IOException | RuntimeException e) {
            throw new UsageError("--host " + host + " --port " + port + ": cannot listen: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "lr4j-explore-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println("lr4j explore: " + server.url() + "  (Ctrl-C stops)");
        out.flush();
        stopped.await();
        return 0;
    }
}
