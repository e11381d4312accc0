package io.containeredge.cloud.mqtt;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto for tests: own generated config, loopback only, a free port (never 1883, where a
 * system service may run), stopped by PID. Can be stopped and started again on the same port.
 * Anonymous plain TCP by default; {@link #secured} makes it TLS with a password, as on a site.
 */
public final class MosquittoBroker implements AutoCloseable {

    /** Above the end-to-end tests' ranges, below the ephemeral ports; the cursor apart per test JVM. */
    private static final LoopbackPorts FIXED_PORTS = new LoopbackPorts(28_500, 4000,
            (int) (ProcessHandle.current().pid() * 37));

    private final Path dir;
    private final int port;
    private boolean tls;
    private Process process;

    /**
     * Picks a free loopback port below the kernel's ephemeral ports ({@link LoopbackPorts}: a broker stopped and
     * started again finds it still free) and writes the config into {@code dir}; does not start.
     */
    public MosquittoBroker(Path dir) throws IOException {
        this(dir, FIXED_PORTS.next());
    }

    /**
     * On loopback {@code port}: for a broker killed and started again on its port, one below the kernel's ephemeral
     * ports, which no other process's bind to port 0 can take while it is down.
     */
    public MosquittoBroker(Path dir, int port) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.port = port;
        Files.writeString(dir.resolve("mosquitto.conf"), "listener " + port + " 127.0.0.1\n"
                + "allow_anonymous true\npersistence false\n");
    }

    /**
     * TLS with the server certificate of {@code pki}, and only {@code user}/{@code password} may connect
     * (the password file is made with {@code mosquitto_passwd}, as on a site). Call before {@link #start}.
     */
    public MosquittoBroker secured(TestPki pki, String user, String password) throws IOException, InterruptedException {
        return secured(pki, user, password, false);
    }

    /** As {@link #secured(TestPki, String, String)}; with {@code clientCertificate} a client must also
     * present a certificate from the CA of {@code pki} (mutual TLS). */
    public MosquittoBroker secured(TestPki pki, String user, String password, boolean clientCertificate)
            throws IOException, InterruptedException {
        Path passwords = dir.resolve("passwords");
        Process p = new ProcessBuilder(tool("mosquitto_passwd"), "-b", "-c", passwords.toString(), user, password)
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto_passwd.log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("mosquitto_passwd failed: " + Files.readString(dir.resolve("mosquitto_passwd.log")));
        }
        // started as root, Mosquitto switches to user 'mosquitto', which cannot read the test's files
        Files.writeString(dir.resolve("mosquitto.conf"), "user " + System.getProperty("user.name") + "\n"
                + "listener " + port + " 127.0.0.1\n"
                + "cafile " + pki.caCertificate() + "\ncertfile " + pki.serverCertificate() + "\nkeyfile "
                + pki.serverKey() + "\nrequire_certificate " + clientCertificate + "\nallow_anonymous false\npassword_file "
                + passwords + "\npersistence false\n");
        tls = true;
        return this;
    }

    /** A port nothing listens on, for a broker that is not there. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Debian installs the broker in /usr/sbin, which is not on a non-root user's PATH. */
    static String tool(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name).toString();
            }
        }
        for (String d : new String[] {"/usr/sbin", "/usr/bin"}) {
            if (Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name).toString();
            }
        }
        throw new IllegalStateException(name + " not found on PATH nor in /usr/sbin, /usr/bin;"
                + " install the Debian package 'mosquitto' (./run-tests.sh does)");
    }

    public int port() {
        return port;
    }

    public String uri() {
        return (tls ? "ssl" : "tcp") + "://127.0.0.1:" + port;
    }

    /** Starts the broker and returns once its port accepts connections. */
    public MosquittoBroker start() throws Exception {
        process = new ProcessBuilder(tool("mosquitto"), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
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

    /** Kills the broker by its PID (SIGKILL: no goodbye to the clients) and waits for it to be gone. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.toHandle().destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    /** Stops the broker by its PID (SIGTERM) and waits for it to be gone. */
    public void stop() throws InterruptedException {
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
