package io.containeredge.gateway.audit;

/**
 * Where the audit trail is kept: the data directory of the site configuration ({@code io.containeredge.site},
 * written by the launcher from {@code --data}, or by Kura), so no further configuration has to exist before
 * configuration changes can be audited. The site configuration's metatype describes it.
 */
public @interface AuditConfiguration {

    /** The trail is {@code <data dir>/audit.jsonl}. */
    String data_dir() default "containeredge-data";
}
