package io.containeredge.e2e;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto for end-to-end tests (same approach as the cloud bundle's test broker): generated
 * config, loopback only, a free port, stopped by PID, restartable on the same port. Persistence is
 * on, in the test's directory, so a subscriber's session (cleanSession=false) and its queued QoS 1
 * messages survive a broker restart.
 */
final class Mosquitto implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    Mosquitto(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.port = RunningContainer.freePort();
        Files.writeString(dir.resolve("mosquitto.conf"), "listener " + port + " 127.0.0.1\n"
                + "allow_anonymous true\npersistence true\npersistence_location " + dir.toAbsolutePath() + "/\n"
                + "max_queued_messages 100000\n");
    }

    /** Debian installs the broker in /usr/sbin, which is not on a non-root user's PATH. */
    static String binary() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "mosquitto"))) {
                return Path.of(d, "mosquitto").toString();
            }
        }
        if (Files.isExecutable(Path.of("/usr/sbin/mosquitto"))) {
            return "/usr/sbin/mosquitto";
        }
        throw new IllegalStateException("mosquitto not found on PATH nor at /usr/sbin/mosquitto;"
                + " install the Debian package 'mosquitto' (./run-tests.sh does)");
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts the broker and returns once its port accepts connections. */
    Mosquitto start() throws Exception {
        process = new ProcessBuilder(binary(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("mosquitto.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return this;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        stop();
        throw new IllegalStateException("mosquitto did not listen on " + port + " within 10 s");
    }

    /** Stops the broker by its PID (SIGTERM: it saves its sessions) and waits for it to be gone. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
