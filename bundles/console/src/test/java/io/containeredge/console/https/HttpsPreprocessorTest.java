package io.containeredge.console.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.containeredge.gateway.api.SiteService;
import io.containeredge.modbus.site.LoadedSite;
import io.containeredge.modbus.site.SiteConfig;
import io.containeredge.modbus.site.WebServerSettings;
import io.containeredge.modbus.site.WebServerSettings.TlsMode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpsPreprocessorTest {

    @Test
    void plainHttpIsRedirectedToTheSamePathAndQueryOnTheHttpsPort() throws Exception {
        HttpsPreprocessor preprocessor = new HttpsPreprocessor(site("0.0.0.0", TlsMode.AUTO, 8443));
        HttpFakes.Response response = new HttpFakes.Response();
        HttpFakes.Chain chain = new HttpFakes.Chain();

        preprocessor.doFilter(plain("10.0.0.5", "/api/v1/snapshot", "device=cdu&x=%20"), response.proxy, chain);

        assertNull(chain.passed, "nothing is served over plain HTTP");
        assertEquals(301, response.status);
        assertEquals("https://10.0.0.5:8443/api/v1/snapshot?device=cdu&x=%20", response.headers.get("Location"));
        assertNull(response.headers.get("Strict-Transport-Security"), "HSTS over plain HTTP means nothing");
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
        HttpFakes.Response response = new HttpFakes.Response();
        HttpFakes.Chain chain = new HttpFakes.Chain();
        HttpServletRequest secure = HttpFakes.request(Map.of("isSecure", true, "getRequestURI", "/console/"));

        preprocessor.doFilter(secure, response.proxy, chain);

        assertSame(secure, chain.passed);
        assertEquals("max-age=31536000", response.headers.get("Strict-Transport-Security"));
    }

    @Test
    void aPlainHttpSiteOnLoopbackIsServedAsIs() throws Exception {
        HttpsPreprocessor preprocessor = new HttpsPreprocessor(site("127.0.0.1", TlsMode.AUTO, 8443));
        HttpFakes.Response response = new HttpFakes.Response();
        HttpFakes.Chain chain = new HttpFakes.Chain();
        HttpServletRequest request = plain("127.0.0.1", "/api/v1/snapshot", null);

        preprocessor.doFilter(request, response.proxy, chain);

        assertSame(request, chain.passed);
        assertEquals(200, response.status);
        assertEquals(Map.of(), response.headers);
    }

    @Test
    void tlsOnLoopbackRedirectsToo() throws Exception {
        HttpsPreprocessor preprocessor = new HttpsPreprocessor(site("127.0.0.1", TlsMode.ON, 9443));
        HttpFakes.Response response = new HttpFakes.Response();
        preprocessor.doFilter(plain("127.0.0.1", "/", null), response.proxy, new HttpFakes.Chain());
        assertEquals(301, response.status);
        assertEquals("https://127.0.0.1:9443/", response.headers.get("Location"));
    }

    @Test
    void whileTheSiteRestartsPlainHttpIsServedOnLoopbackOnly() throws Exception {
        HttpsPreprocessor preprocessor = new HttpsPreprocessor(null);

        HttpFakes.Chain loopbackChain = new HttpFakes.Chain();
        HttpServletRequest loopback = plain("127.0.0.1", "/api/v1/snapshot", null);
        preprocessor.doFilter(loopback, new HttpFakes.Response().proxy, loopbackChain);
        assertSame(loopback, loopbackChain.passed);

        HttpFakes.Response response = new HttpFakes.Response();
        HttpFakes.Chain networkChain = new HttpFakes.Chain();
        preprocessor.doFilter(plain("10.0.0.5", "/api/v1/snapshot", null), response.proxy, networkChain);
        assertNull(networkChain.passed);
        assertEquals(503, response.status);
        assertEquals("1", response.headers.get("Retry-After"));
    }

    /** A plain HTTP request for {@code host}, which is also the address it reached. */
    private static HttpServletRequest plain(String host, String uri, String query) {
        Map<String, Object> answers = new java.util.HashMap<>(Map.of("isSecure", false, "getServerName", host,
                "getLocalAddr", host, "getRequestURI", uri));
        if (query != null) {
            answers.put("getQueryString", query);
        }
        return HttpFakes.request(answers);
    }

    private static SiteService site(String bind, TlsMode tls, int httpsPort) {
        WebServerSettings api = new WebServerSettings(bind, 8080, tls, httpsPort, Optional.empty(), Optional.empty());
        SiteConfig config = new SiteConfig("s", "c-01", "", List.of(), List.of(), null, null, api, null, null);
        LoadedSite loaded = new LoadedSite(config, Map.of(), Map.of(), null);
        return () -> loaded;
    }
}
