package io.containeredge.console.https;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Just enough of a servlet request, response and chain for the preprocessor, as dynamic proxies. */
final class HttpFakes {

    private HttpFakes() {
    }

    /** A request; {@code answers} maps a getter's name to what it returns (absent = null). */
    static HttpServletRequest request(Map<String, Object> answers) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpFakes.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("isSecure")) {
                        return answers.getOrDefault("isSecure", false);
                    }
                    if (method.getName().equals("toString")) {
                        return "request " + answers;
                    }
                    return answers.get(method.getName());
                });
    }

    /** What a response was told: status, headers, an error's message. */
    static final class Response {
        int status = HttpServletResponse.SC_OK;
        String errorMessage;
        final Map<String, String> headers = new HashMap<>();

        final HttpServletResponse proxy = (HttpServletResponse) Proxy.newProxyInstance(
                HttpFakes.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> status = (int) args[0];
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "sendError" -> {
                            status = (int) args[0];
                            errorMessage = args.length > 1 ? (String) args[1] : null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }

    /** Remembers whether the request was passed on. */
    static final class Chain implements FilterChain {
        ServletRequest passed;

        @Override
        public void doFilter(ServletRequest request, jakarta.servlet.ServletResponse response) {
            passed = request;
        }
    }
}
