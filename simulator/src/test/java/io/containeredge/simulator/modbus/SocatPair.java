package io.containeredge.simulator.modbus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two pseudo-terminals joined by socat, a null-modem cable in software: what is written to one end
 * is read from the other. The gateway opens {@link #gateway()} through jSerialComm, the simulator
 * {@link #simulator()} as plain file streams.
 */
final class SocatPair implements AutoCloseable {

    private final Process process;
    private final Path gateway;
    private final Path simulator;
    private final Path log;

    private SocatPair(Process process, Path gateway, Path simulator, Path log) {
        this.process = process;
        this.gateway = gateway;
        this.simulator = simulator;
        this.log = log;
    }

    /** Starts socat with its links in {@code dir}; returns once it is copying data. */
    static SocatPair start(Path dir) throws IOException, InterruptedException {
        Path gw = dir.resolve("gw");
        Path sim = dir.resolve("sim");
        Path log = dir.resolve("socat.log");
        Process p;
        try {
            p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + gw, "pty,raw,echo=0,link=" + sim)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot run socat (run-tests.sh installs it; else apt-get install socat)", e);
        }
        SocatPair pair = new SocatPair(p, gw, sim, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(gw) && Files.exists(sim) && Files.readString(log).contains("starting data transfer loop"))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                pair.close();
                throw new IOException("socat did not come up: " + Files.readString(log));
            }
            Thread.sleep(20);
        }
        return pair;
    }

    Path gateway() {
        return gateway;
    }

    Path simulator() {
        return simulator;
    }

    /** Stops socat by its PID (only the process this pair started). */
    @Override
    public void close() throws InterruptedException {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return "socat " + gateway + " <-> " + simulator + " (log " + log + ")";
    }
}
