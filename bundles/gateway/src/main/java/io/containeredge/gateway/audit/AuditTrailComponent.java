package io.containeredge.gateway.audit;

import io.containeredge.gateway.api.AuditRecord;
import io.containeredge.gateway.api.AuditTrail;
import io.containeredge.gateway.internal.SiteConfiguration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers the {@link AuditJournal} in {@code <data dir>/audit.jsonl} as the gateway's {@link AuditTrail}.
 * Requires the site configuration so that it never writes to a default directory before the launcher (or
 * Kura) has said where the data lives.
 */
@Component(service = AuditTrail.class, configurationPid = SiteConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
public class AuditTrailComponent implements AuditTrail {

    static final String FILE_NAME = "audit.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrailComponent.class);

    private final AuditJournal journal;

    @Activate
    public AuditTrailComponent(AuditConfiguration config) throws IOException {
        Path file = Path.of(config.data_dir()).toAbsolutePath().resolve(FILE_NAME);
        journal = AuditJournal.open(file, System::currentTimeMillis);
        LOG.info("audit trail {}", file);
    }

    @Override
    public AuditRecord record(String actor, String origin, String action, String target, String outcome,
            String detail) {
        return journal.record(actor, origin, action, target, outcome, detail);
    }

    @Override
    public List<AuditRecord> after(long sequence, int max) {
        return journal.after(sequence, max);
    }

    @Override
    public List<AuditRecord> recent(int max) {
        return journal.recent(max);
    }

    @Deactivate
    void deactivate() throws IOException {
        journal.close();
    }
}
