package io.containeredge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.control.testing.RecordingControlService;
import io.containeredge.http.api.ApiGuard;
import io.containeredge.http.testing.FakeGuard;
import io.containeredge.http.testing.FakeRequest;
import io.containeredge.http.testing.FakeResponse;
import jakarta.servlet.http.HttpServlet;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The API is never served unguarded: each servlet's component needs an {@link ApiGuard} (so Declarative
 * Services registers it only while a guard is there: not on a Kura install without the console), and
 * a servlet built without one, or asked by a request its guard did not pass, refuses everything.
 */
class GuardRequiredTest {

    private static final List<Class<? extends HttpServlet>> SERVLETS = List.of(ApiServlet.class, ControlServlet.class,
            PlanServlet.class, AiServlet.class, GridServlet.class, EventsServlet.class, SiteLeaseServlet.class);

    @Test
    void everyServletsComponentHasTheGuardAsAMandatoryStaticReference() throws Exception {
        for (Class<? extends HttpServlet> servlet : SERVLETS) {
            Element guard = reference(servlet, ApiGuard.class);
            assertNotNull(guard, servlet.getSimpleName() + " has no reference to the guard");
            // absent attributes are the defaults: exactly one, static
            assertTrue(List.of("", "1..1").contains(guard.getAttribute("cardinality")), servlet.getSimpleName());
            assertTrue(List.of("", "static").contains(guard.getAttribute("policy")), servlet.getSimpleName());
        }
    }

    @Test
    void withoutAGuardEveryRequestIsRefusedAndNothingReachesTheController() throws Exception {
        RecordingControlService control = RecordingControlService.forSite(2200).build();
        for (ApiGuard guard : new ApiGuard[] {null, FakeGuard.ADMITS_NONE}) {
            ControlServlet servlet = new ControlServlet(control, guard);
            for (FakeRequest req : List.of(
                    new FakeRequest("POST", "/api/v1/control", "/reset").remoteUser("tom"),
                    new FakeRequest("POST", "/api/v1/control", "/import-cap").remoteUser("tom")
                            .json("{\"kw\":100,\"minutes\":10}"),
                    new FakeRequest("DELETE", "/api/v1/control", "/import-cap").remoteUser("tom"),
                    new FakeRequest("POST", "/api/v1/control", "/alarms/ack").remoteUser("tom").parameter("id", "a"),
                    new FakeRequest("GET", "/api/v1/control", "/alarms").remoteUser("tom"))) {
                FakeResponse resp = new FakeResponse();
                servlet.service(req, resp);
                assertEquals(503, resp.getStatus(), req.getMethod() + " " + req.getPathInfo());
            }
            FakeResponse read = new FakeResponse();
            new ApiServlet(null, guard).service(new FakeRequest("GET", "/api/v1", "/snapshot"), read);
            assertEquals(503, read.getStatus());
        }
        assertEquals(List.of(), control.calls());
    }

    /** The reference to {@code service} in the component description bnd wrote for {@code servlet}, or null. */
    private static Element reference(Class<?> servlet, Class<?> service) throws Exception {
        String name = "/OSGI-INF/" + servlet.getName() + ".xml";
        try (InputStream in = servlet.getResourceAsStream(name)) {
            assertNotNull(in, name + " is missing: the servlet is no DS component");
            NodeList references = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
                    .getElementsByTagName("reference");
            List<Element> found = new ArrayList<>();
            for (int i = 0; i < references.getLength(); i++) {
                Element e = (Element) references.item(i);
                if (e.getAttribute("interface").equals(service.getName())) {
                    found.add(e);
                }
            }
            assertTrue(found.size() <= 1, name);
            return found.isEmpty() ? null : found.get(0);
        }
    }
}
