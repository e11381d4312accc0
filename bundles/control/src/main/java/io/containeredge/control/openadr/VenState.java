package io.containeredge.control.openadr;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.gateway.storage.api.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the VEN remembers across restarts ({@code openadr-ven.json} in the data directory): its id at the VTN and,
 * per VTN event, the version it acted on, whether it scheduled it, how far it reported. The events themselves are the
 * controller's (kept across restarts there); this is what lets the VEN cancel an event the VTN dropped while the
 * gateway was down, keep an event's notification time (its baseline) and not report a period twice. Never the token.
 */
final class VenState {

    private static final Logger LOG = LoggerFactory.getLogger(VenState.class);

    /**
     * One VTN event.
     *
     * @param fingerprint the version acted on (a digest of the event as the VTN sent it)
     * @param notifiedMillis when the VEN first saw the event
     * @param scheduled the controller holds it (false: malformed, refused, ended or an alert)
     * @param startMillis its start as scheduled (after randomisation)
     * @param endMillis its end as scheduled
     * @param reportedUntil the epoch second up to which its load was reported (exclusive)
     * @param optOut the opt-out reason reported (once per event), empty when none
     * @param alertUntil the end of the peak alert it switched on, 0 when none
     */
    record Entry(String fingerprint, long notifiedMillis, boolean scheduled, String programId, long startMillis,
            long endMillis, long reportedUntil, String optOut, long alertUntil) {

        /** The same action on a newer version of the event (one that changed nothing: malformed, or refused). */
        Entry version(String newFingerprint) {
            return new Entry(newFingerprint, notifiedMillis, scheduled, programId, startMillis, endMillis,
                    reportedUntil, optOut, alertUntil);
        }

        Entry reported(long until) {
            return new Entry(fingerprint, notifiedMillis, scheduled, programId, startMillis, endMillis, until, optOut,
                    alertUntil);
        }

        Entry optedOut(String reason) {
            return new Entry(fingerprint, notifiedMillis, scheduled, programId, startMillis, endMillis, reportedUntil,
                    reason, alertUntil);
        }

        Entry alerted(long until) {
            return new Entry(fingerprint, notifiedMillis, scheduled, programId, startMillis, endMillis, reportedUntil,
                    optOut, until);
        }
    }

    /** The file's content. */
    record Saved(String venId, Map<String, Entry> events) {
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private String venId;
    private final Map<String, Entry> events = new LinkedHashMap<>();
    private String lastSaved = "";

    VenState(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try {
                Saved saved = json.readValue(file.toFile(), Saved.class);
                venId = saved.venId();
                if (saved.events() != null) {
                    events.putAll(saved.events());
                }
            } catch (IOException e) {
                // a damaged file costs re-reading the VTN's events, never an event: the controller keeps them
                LOG.warn("OpenADR VEN state {} is unreadable ({}): starting afresh", file, e.getMessage());
            }
        }
    }

    String venId() {
        return venId;
    }

    void venId(String id) {
        venId = id;
    }

    Map<String, Entry> events() {
        return events;
    }

    /** Writes the file when something changed; a failed write is logged and tried again after the next poll. */
    void save() {
        try {
            String now = json.writerWithDefaultPrettyPrinter().writeValueAsString(new Saved(venId, events));
            if (!now.equals(lastSaved)) {
                DurableFiles.replace(file, now.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                lastSaved = now;
            }
        } catch (IOException e) {
            LOG.warn("OpenADR VEN state {} not saved: {}", file, e.getMessage());
        }
    }
}
