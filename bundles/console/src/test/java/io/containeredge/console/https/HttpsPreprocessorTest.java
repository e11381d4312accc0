package io.containeredge.console.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.containeredge.gateway.api.SiteService;
import io.containeredge.http.testing.FakeChain;
import io.containeredge.http.testing.FakeRequest;
import io.containeredge.http.testing.FakeResponse;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.WebServerSettings;
import io.containeredge.site.api.WebServerSettings.TlsMode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpsPreprocessorTest {

    @Test
    void plainHttpIsRedirectedToTheSamePathAndQueryOnTheHttpsPort() throws Exception {
        HttpsPreprocessor preprocessor = new HttpsPreprocessor(site("0.0.0.0", TlsMode.AUTO, 8443));
        FakeResponse response = new FakeResponse();
        FakeChain chain = new FakeChain();

        preprocessor.doFilter(plain("10.0.0.5", "/api/v1/snapshot", "device=cdu&x=%20"), response, chain);

        assertNull(chain.passed(), "nothing is served over plain HTTP");
        assertEquals(301, response.getStatus());
        assertEquals("https://10.0.0.5:8443/api/v1/snapshot?device=cdu&x=%20", response.getHeader("Location"));
        assertNull(response.getHeader("Strict-Transport-Security"), "HSTS over plain HTTP means nothing");
    }

    @Test
    void theDefaultHttpsPortIsLeftOutAndIpv6HostsAreBracketed() {
        assertEquals("https://gw.site/console/", HttpsPreprocessor.httpsLocation(
                plain("gw.site", "/console/", null), 443));
        assertEquals("https://[fd00::5]:8443/", HttpsPreprocessor.httpsLocation(
                plain("fd00::5", "/", null), 8443));
        assertEquals("https://[fd00::5]:8443/", HttpsPreprocessor.httpsLocation(
                plain("[fd00::5]", "/", null), 8443));
    }

    @Test
    void httpsResponsesCarryHstsAndAreServed() throws Exception {
        HttpsPreprocessor preprocessor = new HttpsPreprocessor(site("0.0.0.0", TlsMode.AUTO, 8443));
        FakeResponse response = new FakeResponse();
        FakeChain chain = new FakeChain();
        HttpServletRequest secure = new FakeRequest("GET", "/console/", null).secure();

        preprocessor.doFilter(secure, response, chain);

        assertSame(secure, chain.passed());
        assertEquals("max-age=31536000", response.getHeader("Strict-Transport-Security"));
    }

    @Test
    void aPlainHttpSiteOnLoopbackIsServedAsIs() throws Exception {
        HttpsPreprocessor preprocessor = new HttpsPreprocessor(site("127.0.0.1", TlsMode.AUTO, 8443));
        FakeResponse response = new FakeResponse();
        FakeChain chain = new FakeChain();
        HttpServletRequest request = plain("127.0.0.1", "/api/v1/snapshot", null);

        preprocessor.doFilter(request, response, chain);

        assertSame(request, chain.passed());
        assertEquals(200, response.getStatus());
        assertEquals(List.of(), response.getHeaderNames());
    }

    @Test
    void tlsOnLoopbackRedirectsToo() throws Exception {
        HttpsPreprocessor preprocessor = new HttpsPreprocessor(site("127.0.0.1", TlsMode.ON, 9443));
        FakeResponse response = new FakeResponse();
        preprocessor.doFilter(plain("127.0.0.1", "/", null), response, new FakeChain());
        assertEquals(301, response.getStatus());
        assertEquals("https://127.0.0.1:9443/", response.getHeader("Location"));
    }

    @Test
    void whileTheSiteRestartsPlainHttpIsServedOnLoopbackOnly() throws Exception {
        HttpsPreprocessor preprocessor = new HttpsPreprocessor(null);

        FakeChain loopbackChain = new FakeChain();
        HttpServletRequest loopback = plain("127.0.0.1", "/api/v1/snapshot", null);
        preprocessor.doFilter(loopback, new FakeResponse(), loopbackChain);
        assertSame(loopback, loopbackChain.passed());

        FakeResponse response = new FakeResponse();
        FakeChain networkChain = new FakeChain();
        preprocessor.doFilter(plain("10.0.0.5", "/api/v1/snapshot", null), response, networkChain);
        assertNull(networkChain.passed());
        assertEquals(503, response.getStatus());
        assertEquals("1", response.getHeader("Retry-After"));
        assertEquals("the site is starting", response.errorMessage());
    }

    /** A plain HTTP request for {@code host}, which is also the address it reached. */
    private static HttpServletRequest plain(String host, String uri, String query) {
        return new FakeRequest("GET", uri, null).to(host).query(query);
    }

    private static SiteService site(String bind, TlsMode tls, int httpsPort) {
        WebServerSettings api = new WebServerSettings(bind, 8080, tls, httpsPort, Optional.empty(), Optional.empty());
        SiteConfig config = new SiteConfig("s", "c-01", "", List.of(), List.of(), null, null, api, null, null);
        LoadedSite loaded = new LoadedSite(config, Map.of(), Map.of(), null);
        return () -> loaded;
    }
}
