package io.containeredge.http.testing;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request with just what the filters and JSON servlets read, set up by its builder methods;
 * anything else throws, so a test notices when the code starts depending on more.
 */
public final class FakeRequest extends HttpServletRequestWrapper {

    private final String method;
    private final String servletPath;
    private final String pathInfo;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Object> attributes = new HashMap<>();
    private final Map<String, String> parameters = new HashMap<>();
    private final List<Cookie> cookies = new ArrayList<>();
    private String remoteAddress = "10.0.0.5";
    private String serverName = "gateway.local";
    private String localAddress = "10.0.0.1";
    private String query;
    private String remoteUser;
    private boolean secure;
    private byte[] body = new byte[0];
    private ServletInputStream input;

    /** {@code servletPath} as the servlet it goes to is mapped, {@code pathInfo} the rest (may be null). */
    public FakeRequest(String method, String servletPath, String pathInfo) {
        super((HttpServletRequest) Proxy.newProxyInstance(FakeRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> {
                    throw new UnsupportedOperationException("the fake request has no " + m.getName());
                }));
        this.method = method;
        this.servletPath = servletPath;
        this.pathInfo = pathInfo;
        headers.put("Host", "gateway.local:8443");
    }

    /** Sets a header, or removes it when {@code value} is null. */
    public FakeRequest header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    public FakeRequest cookie(String name, String value) {
        cookies.add(new Cookie(name, value));
        return this;
    }

    /** The address the request came from. */
    public FakeRequest from(String address) {
        this.remoteAddress = address;
        return this;
    }

    /** The host the request was sent to, which is also the address it reached. */
    public FakeRequest to(String host) {
        this.serverName = host;
        this.localAddress = host;
        return this;
    }

    public FakeRequest query(String query) {
        this.query = query;
        return this;
    }

    /** A parameter as the container would have decoded it from the query. */
    public FakeRequest parameter(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    public FakeRequest secure() {
        this.secure = true;
        return this;
    }

    /** An attribute, e.g. what a filter in front put on the request. */
    public FakeRequest attribute(String name, Object value) {
        attributes.put(name, value);
        return this;
    }

    /** The user a filter in front authenticated, as {@link #getRemoteUser()} names it; null for none. */
    public FakeRequest remoteUser(String name) {
        this.remoteUser = name;
        return this;
    }

    public FakeRequest json(String json) {
        return body("application/json", json);
    }

    public FakeRequest body(String contentType, String text) {
        body = text.getBytes(StandardCharsets.UTF_8);
        return header("Content-Type", contentType);
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getServletPath() {
        return servletPath;
    }

    @Override
    public String getPathInfo() {
        return pathInfo;
    }

    @Override
    public String getContextPath() {
        return "";
    }

    @Override
    public String getRequestURI() {
        return getContextPath() + servletPath + (pathInfo == null ? "" : pathInfo);
    }

    @Override
    public String getQueryString() {
        return query;
    }

    @Override
    public String getParameter(String name) {
        return parameters.get(name);
    }

    @Override
    public String getHeader(String name) {
        return headers.get(name);
    }

    @Override
    public Cookie[] getCookies() {
        return cookies.isEmpty() ? null : cookies.toArray(Cookie[]::new);
    }

    @Override
    public String getRemoteAddr() {
        return remoteAddress;
    }

    @Override
    public String getRemoteUser() {
        return remoteUser;
    }

    @Override
    public String getServerName() {
        return serverName;
    }

    @Override
    public String getLocalAddr() {
        return localAddress;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public String getContentType() {
        return headers.get("Content-Type");
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    /** One stream per request, as a container gives: what one reader took, the next does not see. */
    @Override
    public ServletInputStream getInputStream() {
        if (input == null) {
            input = new BodyStream(new ByteArrayInputStream(body));
        }
        return input;
    }

    private static final class BodyStream extends ServletInputStream {
        private final ByteArrayInputStream in;

        BodyStream(ByteArrayInputStream in) {
            this.in = in;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
