package io.containeredge.gateway.api;

/**
 * One entry of the {@link AuditTrail}.
 *
 * @param sequence        strictly increasing across restarts; consumers de-duplicate with it
 * @param timestampMillis when it happened
 * @param actor           who: a user, a command's key id, {@code system}
 * @param origin          from where: {@code console 10.0.0.5}, {@code mqtt}, {@code api 127.0.0.1}, {@code file}
 * @param action          what, e.g. {@code config.apply}, {@code command.curtail}, {@code alarm.ack}
 * @param target          on what, e.g. a device id, an alarm id, a configuration version
 * @param outcome         {@code accepted}, {@code rejected}, {@code applied}, {@code failed} …
 * @param detail          the reason or parameters, in words
 */
public record AuditRecord(long sequence, long timestampMillis, String actor, String origin, String action,
        String target, String outcome, String detail) {
}
