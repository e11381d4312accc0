package io.containeredge.console.web;

import io.containeredge.console.history.HistoryRange;
import io.containeredge.console.history.HistoryWindow;
import io.containeredge.console.stream.StreamClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The console's live side, for its servlets: the stream of overviews and the local history behind the charts. */
public interface ConsoleLive {

    /** A new stream client, or empty when the stream has as many clients as it takes. */
    Optional<StreamClient> join();

    void leave(StreamClient client);

    int streamClients();

    /**
     * The history window of {@code range} ending now.
     *
     * @throws IOException when the history cannot be read, or could not be opened at start
     */
    HistoryWindow history(HistoryRange range) throws IOException;

    /** Where the console keeps its files: the gateway's data directory. */
    Path dataDirectory();
}
