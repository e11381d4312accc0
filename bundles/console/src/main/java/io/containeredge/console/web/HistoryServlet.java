package io.containeredge.console.web;

import io.containeredge.console.history.HistorySeries;
import io.containeredge.console.history.HistoryWindow;
import io.containeredge.http.api.JsonServlet;
import io.containeredge.http.api.Reply;
import io.containeredge.http.api.RequestRefused;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/history?series=a,b&range=1h|24h}: the local history in columns,
 * {@code {range, stepSeconds, t:[epoch s...], series:{key:{unit, label, values:[...]}}}}, oldest
 * first; {@code null} where a value was not known. Values are rounded to 3 decimals: enough for
 * kW, degC and %, and a third of the size.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/history")
public class HistoryServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    private final transient ConsoleLive live;

    @Activate
    public HistoryServlet(@Reference ConsoleLive live) {
        this.live = live;
    }

    @Override
    protected Reply get(String path, HttpServletRequest req) throws RequestRefused {
        Requester.user(req);
        HistoryQuery query = HistoryQuery.parse(req.getParameter("series"), req.getParameter("range"));
        HistoryWindow window;
        try {
            window = live.history(query.range());
        } catch (IOException e) {
            throw new RequestRefused(503, "the history is not available: " + e.getMessage());
        }
        return Reply.ok(body(query, window));
    }

    static Map<String, Object> body(HistoryQuery query, HistoryWindow window) {
        Map<String, Object> series = new LinkedHashMap<>();
        for (HistorySeries s : query.series()) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("unit", s.unit());
            column.put("label", s.label());
            column.put("values", rounded(window.column(s)));
            series.put(s.key(), column);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("range", window.range().key());
        body.put("stepSeconds", window.range().stepSeconds());
        body.put("t", window.epochSeconds());
        body.put("series", series);
        return body;
    }

    private static Double[] rounded(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.isFinite(values[i]) ? Math.round(values[i] * 1000) / 1000.0 : null;
        }
        return out;
    }
}
