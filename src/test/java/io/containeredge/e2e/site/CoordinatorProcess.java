package io.containeredge.e2e.site;

import io.containeredge.e2e.ChildProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One site coordinator instance as on a site server: {@code java -jar containeredge-site.jar --config <file> --id <id>}
 * in its own process, so that killing it is a real {@code kill -9} (no shutdown hook, no clean leave from the
 * election: ZooKeeper learns of it only when its session times out).
 */
final class CoordinatorProcess implements AutoCloseable {

    private final String id;
    private final ChildProcess process;

    private CoordinatorProcess(String id, ChildProcess process) {
        this.id = id;
        this.process = process;
    }

    static CoordinatorProcess start(Path config, String id, Path log) throws IOException {
        Path jar = ChildProcess.root().resolve("deploy/target/containeredge-site.jar");
        return new CoordinatorProcess(id, ChildProcess.start(log, List.of(ChildProcess.java(), "-Xmx96m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--config", config.toString(),
                "--id", id)));
    }

    String id() {
        return id;
    }

    /** Whether it has said it is the active coordinator (under any epoch) since it started. */
    boolean saidActive() throws IOException {
        return process.output().contains(id + ": active coordinator under epoch");
    }

    void awaitStarted() throws IOException, InterruptedException {
        process.await(id + ": coordinator of site", Duration.ofSeconds(30));
    }

    /** SIGKILL, as a power cut or the OOM killer. */
    void kill() throws InterruptedException {
        process.kill();
    }

    String output() throws IOException {
        return process.output();
    }

    /** SIGTERM: it leaves the election at once. */
    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
