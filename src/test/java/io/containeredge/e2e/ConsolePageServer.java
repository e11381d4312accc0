package io.containeredge.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;

/**
 * The console's own files (from the source tree) under the console's content security policy, a logged-in viewer,
 * and recorded answers of the API, with a headless Chromium to look at them: for testing one page without the
 * assembled gateway, with a status the controller cannot yet be brought to show. A test class registers one as a
 * static extension: it starts before the class's tests and stops after them.
 */
final class ConsolePageServer implements BeforeAllCallback, AfterAllCallback {

    /** The console's policy (SecurityHeaders): no inline script or style may run on the page. */
    private static final String CSP = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml");

    private record Answer(int status, String type, byte[] body) {
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private HttpServer server;
    private Path profile;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        server = files();
        profile = Files.createTempDirectory("console-page-chromium");
        browser = Browser.start(profile);
    }

    private static HttpServer files() throws IOException {
        Path files = ChildProcess.root().resolve("bundles/console/src/main/resources/console");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/console/", ex -> {
            String name = ex.getRequestURI().getPath().substring("/console/".length());
            Path file = files.resolve(name).normalize();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            boolean served = file.startsWith(files) && Files.isRegularFile(file) && TYPES.containsKey(ext);
            answer(ex, served ? 200 : 404, served ? TYPES.get(ext) : "text/plain",
                    served ? Files.readAllBytes(file) : new byte[0]);
        });
        server.createContext("/console/api/auth/me", ex -> answer(ex, 200, "application/json",
                "{\"name\":\"tom\",\"role\":\"viewer\",\"csrfToken\":\"t\"}".getBytes(StandardCharsets.UTF_8)));
        server.start();
        return server;
    }

    Browser browser() {
        return browser;
    }

    /**
     * Opens {@code page} (its elements {@code #<page>-message} and {@code #<page>-content}) while {@code api} answers
     * 404 with {@code error}, as for a site without the page's section: true when the page says {@code error} and
     * hides its content.
     */
    boolean toldOff(String page, String api, String error) {
        answer(api, 404, "{\"error\":\"" + error + "\"}");
        browser.open(console() + page + ".html");
        browser.awaitText(By.id(page + "-message"), error, Duration.ofSeconds(10));
        return browser.driver.findElement(By.id(page + "-content")).getAttribute("hidden") != null;
    }

    /**
     * What runs off the edge of {@code page} on a 390 px phone screen (see {@link Browser#overflowingTheScreen}) once
     * {@code ready} shows; a screenshot {@code <page>-phone}.
     */
    List<String> overflowOnAPhone(String page, By ready) throws IOException {
        browser.phoneScreen(390, 844);
        try {
            browser.open(console() + page + ".html");
            browser.visible(ready);
            browser.screenshot(page + "-phone");
            return browser.overflowingTheScreen();
        } finally {
            browser.desktopScreen();
        }
    }

    /** From now on {@code GET path} answers {@code status} with the JSON {@code body}. */
    void answer(String path, int status, String body) {
        answer(path, new Answer(status, "application/json", body.getBytes(StandardCharsets.UTF_8)));
    }

    /** From now on {@code GET path} is a server-sent event stream of one {@code event} with {@code data}, then ends. */
    void events(String path, String event, String data) {
        answer(path, new Answer(200, "text/event-stream",
                ("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8)));
    }

    private void answer(String path, Answer answer) {
        if (answers.put(path, answer) == null) {
            server.createContext(path, ex -> {
                Answer a = answers.get(path);
                answer(ex, a.status(), a.type(), a.body());
            });
        }
    }

    /** The console's base address, ending in {@code /console/}. */
    String console() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/console/";
    }

    private static void answer(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Content-Security-Policy", CSP);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (var out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.stop(0);
            }
        }
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
