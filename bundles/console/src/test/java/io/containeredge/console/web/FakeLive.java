package io.containeredge.console.web;

import io.containeredge.console.history.HistoryRange;
import io.containeredge.console.history.HistoryStore;
import io.containeredge.console.history.HistoryWindow;
import io.containeredge.console.stream.StreamClient;
import io.containeredge.console.stream.StreamHub;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The live side with a real hub and a real history store, on a fixed clock. */
final class FakeLive implements ConsoleLive {

    final StreamHub hub;
    final HistoryStore history;
    final long nowMillis;
    private final Path dataDirectory;

    FakeLive(StreamHub hub, HistoryStore history, long nowMillis, Path dataDirectory) {
        this.hub = hub;
        this.history = history;
        this.nowMillis = nowMillis;
        this.dataDirectory = dataDirectory;
    }

    @Override
    public Optional<StreamClient> join() {
        return hub.join();
    }

    @Override
    public void leave(StreamClient client) {
        hub.leave(client);
    }

    @Override
    public int streamClients() {
        return hub.clients();
    }

    @Override
    public HistoryWindow history(HistoryRange range) throws IOException {
        return history.window(range, nowMillis);
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }
}
