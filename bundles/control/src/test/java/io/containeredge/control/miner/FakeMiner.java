package io.containeredge.control.miner;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A one-port stand-in for a misbehaving miner on 127.0.0.1: reads the request and answers fixed bytes
 * (or, with null, never answers), then closes. For the answers the simulator never gives.
 */
final class FakeMiner implements AutoCloseable {

    private final ServerSocket server;
    private final Thread thread;

    FakeMiner(byte[] answer) throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(answer), "fake-miner");
        thread.setDaemon(true);
        thread.start();
    }

    static FakeMiner answering(String text) throws IOException {
        return new FakeMiner(text.getBytes(StandardCharsets.UTF_8));
    }

    static FakeMiner silent() throws IOException {
        return new FakeMiner(null);
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(byte[] answer) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                in.read(new byte[8192]); // the request fits in one read on loopback
                if (answer == null) {
                    // hold the connection open without a word until the client gives up
                    while (in.read() >= 0) {
                        continue;
                    }
                } else {
                    s.getOutputStream().write(answer);
                }
            } catch (IOException e) {
                // the client gave up or reset, or we were closed: the loop condition tells which
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
