package cn.gz.youcheng.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Spring Boot jar started as its own process, as in production, timed to its first HTTP 200 on {@code /}. */
final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    final Process process;
    final int port;
    final long startMillis;

    private AppProcess(Process process, int port, long startMillis) {
        this.process = process;
        this.port = port;
        this.startMillis = startMillis;
    }

    static AppProcess start(Path jar, Map<String, String> environment, List<String> jvmOptions, Path log)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        Files.createDirectories(log.getParent());
        long started = System.nanoTime();
        Process process = builder.start();
        URI root = URI.create("http://localhost:" + port + "/");
        while (true) {
            if (!process.isAlive()) {
                throw new IOException(jar.getFileName() + " stopped before it answered; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(root).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(5)) {
                process.destroyForcibly();
                throw new IOException(jar.getFileName() + " did not answer within 5 minutes; see " + log);
            }
            Thread.sleep(10);
        }
        return new AppProcess(process, port, (System.nanoTime() - started) / 1_000_000);
    }

    String base() {
        return "http://localhost:" + port;
    }

    /**
     * Live heap once it stops shrinking: full collections until two in a row agree within 64 KB (at most six).
     * One is not enough: objects with a cleaner (zip file systems, file channels and their buffers) are only
     * queued by the collection that finds them unreachable and freed by a later one, megabytes at a time.
     */
    long settledLiveHeap() throws IOException, InterruptedException {
        long previous = liveHeap();
        for (int i = 0; i < 5; i++) {
            long now = liveHeap();
            if (Math.abs(previous - now) < 64 * 1024) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    /** Live heap after a full collection, in bytes: jcmd's class histogram collects first, then counts. */
    long liveHeap() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), "GC.class_histogram").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        for (String line : output.lines().toList().reversed()) {
            if (line.startsWith("Total")) {
                String[] fields = line.trim().split("\\s+");
                return Long.parseLong(fields[fields.length - 1]);
            }
        }
        throw new IOException("jcmd printed no total: " + output);
    }

    /** Classes the JVM has loaded so far (its own performance counter, read with jcmd). */
    long loadedClasses() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), "PerfCounter.print").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return output.lines().filter(line -> line.startsWith("java.cls.loadedClasses="))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf('=') + 1).trim()))
                .findFirst().orElseThrow(() -> new IOException("jcmd printed no class count: " + output));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
