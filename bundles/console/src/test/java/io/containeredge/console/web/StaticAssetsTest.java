package io.containeredge.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.http.testing.FakeResponse;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's files come from the bundle's {@code console/} folder, with the right type, and nothing else does. */
class StaticAssetsTest {

    /** The test class path has the real console resources: the same names the bundle has. */
    private final StaticAssets assets = new StaticAssets(name -> getClass().getClassLoader().getResource(name));
    private final StaticAssetsServlet servlet = new StaticAssetsServlet(assets);

    private FakeResponse get(String method, String path) throws IOException {
        FakeResponse resp = new FakeResponse();
        servlet.service(ConsoleRequests.request(method, path, null), resp);
        return resp;
    }

    @Test
    void theRootServesTheOverviewPage() throws IOException {
        FakeResponse resp = get("GET", "/");
        assertEquals(200, resp.getStatus());
        assertEquals("text/html; charset=utf-8", resp.getContentType());
        assertTrue(resp.body().contains("<html"), resp.body());
        assertEquals("no-cache", resp.getHeader("Cache-Control"));
    }

    @Test
    void eachKindOfFileHasItsContentType() {
        assertEquals("text/css; charset=utf-8", assets.find("/assets/console.css").orElseThrow().contentType());
        assertEquals("text/javascript; charset=utf-8", assets.find("/assets/js/dom.js").orElseThrow().contentType());
        assertEquals("text/html; charset=utf-8", assets.find("/login.html").orElseThrow().contentType());
        assertEquals("image/svg+xml", StaticAssets.contentType("/assets/x.svg"));
    }

    @Test
    void pathsOutsideTheConsoleFolderAreNeverFound() {
        List<String> hostile = List.of("/../console/index.html", "/assets/../../META-INF/MANIFEST.MF", "/./index.html",
                "//index.html", "/assets//console.css", "/.hidden.html", "/assets/js/..", "/assets\\console.css",
                "/%2e%2e/index.html", "/index.html%00.css", "/assets/");
        for (String path : hostile) {
            assertTrue(assets.find(path).isEmpty(), path);
        }
    }

    @Test
    void aClassOrAnUnknownTypeIsNotServedEvenIfItExists() {
        assertTrue(assets.find("/../io/containeredge/console/web/StaticAssets.class").isEmpty());
        List<String> asked = new ArrayList<>();
        StaticAssets recording = new StaticAssets(name -> {
            asked.add(name);
            return null;
        });
        assertTrue(recording.find("/secret.properties").isEmpty());
        assertTrue(recording.find("/missing.html").isEmpty());
        assertEquals(List.of("console/missing.html"), asked, "only served types under console/ are looked up");
    }

    @Test
    void aMissingFileIs404AndOnlyGetAndHeadAreAnswered() throws IOException {
        assertEquals(404, get("GET", "/nothing.html").getStatus());
        assertEquals(404, get("GET", "/assets/../../pom.xml").getStatus());
        assertEquals(405, get("POST", "/index.html").getStatus());
        FakeResponse head = get("HEAD", "/index.html");
        assertEquals(200, head.getStatus());
        assertEquals("", head.body());
    }

    @Test
    void theBarePathRedirectsToItsFolder() throws IOException {
        FakeResponse resp = get("GET", null);
        assertEquals(302, resp.getStatus());
        assertEquals(ConsoleRequests.SERVLET_PATH + "/", resp.getHeader("Location"));
    }

    @Test
    void everyServedResourceIsAUrlOfTheConsoleFolder() {
        URL url = assets.find("/index.html").orElseThrow().url();
        assertTrue(url.toString().endsWith("console/index.html"), url.toString());
    }
}
