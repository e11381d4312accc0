package io.containeredge.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.containeredge.http.api.Json;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A response that keeps status, headers, body and an error's message for the test to look at; anything
 * else throws. The body may be read while a streaming servlet writes it from its own thread.
 */
public final class FakeResponse extends HttpServletResponseWrapper {

    private int status = 200;
    private String errorMessage;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final ServletOutputStream output = new ServletOutputStream() {
        @Override
        public void write(int b) {
            body.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            body.write(b, off, len);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException();
        }
    };

    public FakeResponse() {
        super((HttpServletResponse) Proxy.newProxyInstance(FakeResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    throw new UnsupportedOperationException("the fake response has no " + m.getName());
                }));
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int sc) {
        status = sc;
    }

    @Override
    public void sendError(int sc, String message) {
        status = sc;
        errorMessage = message;
    }

    @Override
    public void sendRedirect(String location) {
        status = 302;
        setHeader("Location", location);
    }

    @Override
    public void setHeader(String name, String value) {
        headers.put(name, new ArrayList<>(List.of(value)));
    }

    @Override
    public void addHeader(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    @Override
    public String getHeader(String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        return List.copyOf(headers.getOrDefault(name, List.of()));
    }

    @Override
    public Collection<String> getHeaderNames() {
        return List.copyOf(headers.keySet());
    }

    @Override
    public void setContentType(String type) {
        setHeader("Content-Type", type);
    }

    @Override
    public String getContentType() {
        return getHeader("Content-Type");
    }

    @Override
    public void setCharacterEncoding(String charset) {
        // the body is kept as bytes; UTF-8 is how the test reads it
    }

    @Override
    public void setContentLengthLong(long length) {
        setHeader("Content-Length", Long.toString(length));
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return output;
    }

    /** The message of {@link #sendError(int, String)}, or null. */
    public String errorMessage() {
        return errorMessage;
    }

    /** What was written, as UTF-8 text. */
    public String body() {
        return body.toString(StandardCharsets.UTF_8);
    }

    public JsonNode json() throws IOException {
        return Json.MAPPER.readTree(body.toByteArray());
    }
}
