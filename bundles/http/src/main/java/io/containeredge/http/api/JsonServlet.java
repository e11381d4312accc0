package io.containeredge.http.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shape every JSON endpoint shares, the API's and the console's: GET, POST and DELETE go to
 * {@link #get}, {@link #post} and {@link #delete}, which answer a {@link Reply} or refuse with a {@link RequestRefused}; every answer
 * is JSON and never cached ({@link JsonAnswers}). Other methods, and those an endpoint does not
 * override, are refused with 405. An unexpected failure is logged and answered with 500 without its
 * details, which may name files or internals.
 */
public abstract class JsonServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JsonServlet.class);

    /** Public, and throwing no ServletException, so that a test can call it as the container does. */
    @Override
    public void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        Reply reply;
        try {
            admit(req);
            reply = switch (req.getMethod()) {
                case "GET", "HEAD" -> get(path, req);
                case "POST" -> post(path, req);
                case "DELETE" -> delete(path, req);
                default -> throw new RequestRefused(405, req.getMethod() + " is not allowed here");
            };
        } catch (RequestRefused e) {
            JsonAnswers.closeAfterUnreadBody(req, resp);
            reply = Reply.error(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", req.getMethod(), req.getRequestURI(), e);
            JsonAnswers.closeAfterUnreadBody(req, resp);
            reply = Reply.error(500, "internal error; see the gateway's log");
        }
        send(resp, reply);
    }

    /**
     * Refuses a request before any method is dispatched; {@link GuardedJsonServlet} refuses here what
     * did not come through the {@link ApiGuard}. Admits everything unless overridden.
     */
    protected void admit(HttpServletRequest req) throws RequestRefused {
    }

    /** Answers a GET (and HEAD) on {@code path}, the part after the servlet's pattern ("" for none). */
    protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
        throw new RequestRefused(405, "GET is not allowed here");
    }

    /** Answers a POST on {@code path}. */
    protected Reply post(String path, HttpServletRequest req) throws RequestRefused {
        throw new RequestRefused(405, "POST is not allowed here");
    }

    /** Answers a DELETE on {@code path}: ends what {@code path} names. */
    protected Reply delete(String path, HttpServletRequest req) throws RequestRefused {
        throw new RequestRefused(405, "DELETE is not allowed here");
    }

    protected static RequestRefused notFound(String path) {
        return new RequestRefused(404, "no such resource: " + path);
    }

    /** The methods this endpoint answers, for the Allow header of a 405. */
    protected String allowedMethods() {
        return "GET, HEAD";
    }

    /** Writes {@code reply} as the whole response. */
    protected void send(HttpServletResponse resp, Reply reply) throws IOException {
        if (reply.status() == 405) {
            resp.setHeader("Allow", allowedMethods());
        }
        JsonAnswers.send(resp, reply.status(), reply.body());
    }
}
