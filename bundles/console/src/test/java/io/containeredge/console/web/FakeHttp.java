package io.containeredge.console.web;

import io.containeredge.console.security.ConsoleUser;
import io.containeredge.console.security.Role;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Just enough of a servlet request and response to drive the endpoints in a unit test: the methods the
 * console's servlets call answer from the fields here; any other throws, so a test notices when a
 * servlet starts to depend on something new.
 */
final class FakeHttp {

    /** Where the servlet under test is registered, as the fake request says. */
    static final String SERVLET_PATH = "/servlet";
    static final ConsoleUser VIEWER = new ConsoleUser("vera", Role.VIEWER, false);
    static final ConsoleUser TECHNICIAN = new ConsoleUser("tom", Role.TECHNICIAN, false);
    static final ConsoleUser ADMIN = new ConsoleUser("ada", Role.ADMIN, false);

    private FakeHttp() {
    }

    /** A request as the security filter passes it on: {@code user} may be null (the filter is missing). */
    static HttpServletRequest request(String method, String pathInfo, ConsoleUser user, String contentType,
            String text, Map<String, String> parameters) {
        byte[] body = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        ServletInputStream stream = new ServletInputStream() {
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
        };
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getContextPath" -> "";
                    case "getServletPath" -> SERVLET_PATH;
                    case "getRequestURI" -> SERVLET_PATH + (pathInfo == null ? "" : pathInfo);
                    case "getAttribute" -> ConsoleUser.ATTRIBUTE.equals(args[0]) ? user : null;
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getContentType" -> contentType;
                    case "getContentLengthLong" -> (long) body.length;
                    case "getInputStream" -> stream;
                    default -> throw new UnsupportedOperationException("request." + m.getName());
                });
    }

    static HttpServletRequest get(String pathInfo, ConsoleUser user, Map<String, String> parameters) {
        return request("GET", pathInfo, user, null, null, parameters);
    }

    static HttpServletRequest post(String pathInfo, ConsoleUser user, String json) {
        return request("POST", pathInfo, user, json == null ? null : "application/json", json, Map.of());
    }

    /** What a servlet wrote. */
    static final class Response {
        int status = 200;
        String contentType;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
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
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "sendError" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "sendRedirect" -> {
                            status = 302;
                            headers.put("Location", (String) args[0]);
                            yield null;
                        }
                        case "setContentType" -> {
                            contentType = (String) args[0];
                            yield null;
                        }
                        case "setHeader" -> {
                            headers.put((String) args[0], (String) args[1]);
                            yield null;
                        }
                        case "setCharacterEncoding", "setContentLengthLong" -> null;
                        case "getOutputStream" -> out;
                        default -> throw new UnsupportedOperationException("response." + m.getName());
                    });
        }
    }
}
