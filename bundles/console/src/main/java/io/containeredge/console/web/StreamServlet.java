package io.containeredge.console.web;

import io.containeredge.console.stream.EventSink;
import io.containeredge.console.stream.StreamClient;
import io.containeredge.http.api.JsonServlet;
import io.containeredge.http.api.Reply;
import io.containeredge.http.api.RequestRefused;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/stream}: server-sent events, one {@code overview} event a second (see
 * {@link io.containeredge.console.overview.Overview}). The request's own thread writes the client's
 * events, so the number of threads is bounded by the number of clients; 503 when the stream is full.
 * A client that stops reading is dropped by the hub and never delays the others.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/stream")
public class StreamServlet extends JsonServlet {

    /** Well inside the server's idle timeout, so a quiet stream is not closed. */
    static final long KEEP_ALIVE_MILLIS = 15_000;
    /** How long a browser waits before it reconnects a broken stream. */
    static final String RETRY_FRAME = "retry: 3000\n\n";
    private static final long serialVersionUID = 1L;

    private final transient ConsoleLive live;

    @Activate
    public StreamServlet(@Reference ConsoleLive live) {
        this.live = live;
    }

    @Override
    protected String allowedMethods() {
        return "GET";
    }

    @Override
    public void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"GET".equals(req.getMethod())) {
            send(resp, Reply.error(405, "the live stream is read with GET"));
            return;
        }
        try {
            Requester.user(req);
        } catch (RequestRefused e) {
            send(resp, Reply.error(e.status(), e.getMessage()));
            return;
        }
        Optional<StreamClient> joined = live.join();
        if (joined.isEmpty()) {
            resp.setHeader("Retry-After", "30");
            send(resp, Reply.error(503, "the live stream has as many consoles as it takes; try again later"));
            return;
        }
        StreamClient client = joined.get();
        try {
            resp.setStatus(200);
            resp.setContentType("text/event-stream");
            resp.setCharacterEncoding("UTF-8");
            resp.setHeader("Cache-Control", "no-store");
            // tells a reverse proxy not to buffer the stream
            resp.setHeader("X-Accel-Buffering", "no");
            ServletOutputStream out = resp.getOutputStream();
            EventSink sink = frame -> {
                out.write(frame.getBytes(StandardCharsets.UTF_8));
                out.flush();
            };
            sink.send(RETRY_FRAME);
            client.run(sink, KEEP_ALIVE_MILLIS);
        } finally {
            live.leave(client);
        }
    }
}
