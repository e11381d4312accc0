package io.containeredge.cloud.remote;

import java.nio.file.Path;

/**
 * Child process of {@link RequestLedgerTest}: claims and answers ids, printing {@code claimed <id>}
 * after each claim returned and {@code answered <id>} after each answer returned.
 */
public final class LedgerClaimerMain {

    private LedgerClaimerMain() {
    }

    public static void main(String[] args) throws Exception {
        RequestLedger ledger = RequestLedger.open(Path.of(args[0]));
        System.out.println("open");
        System.out.flush();
        for (int i = 0; i < Integer.parseInt(args[1]); i++) {
            String id = "id-" + i;
            ledger.claim(id, Long.MAX_VALUE);
            System.out.println("claimed " + id);
            System.out.flush();
            ledger.answer(id, "{\"id\":\"" + id + "\"}");
            System.out.println("answered " + id);
            System.out.flush();
        }
    }
}
