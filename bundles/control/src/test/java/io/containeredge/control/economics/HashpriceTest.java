package io.containeredge.control.economics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.site.api.EconomicsSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A received hashprice goes stale after its validity and is kept; the configured one is the operator's. */
class HashpriceTest {

    static final long HOUR = Duration.ofHours(1).toMillis();

    @Test
    void aReceivedHashpriceIsStaleAfterItsValidity() {
        Hashprice h = Hashprice.received(0.035, 0.02, 10 * HOUR, Duration.ofHours(24));
        assertFalse(h.staleAt(34 * HOUR), "exactly its validity old");
        assertTrue(h.staleAt(34 * HOUR + 1));
    }

    @Test
    void theConfiguredHashpriceNeverGoesStale() {
        Hashprice h = Hashprice.configured(new EconomicsSettings.Hashprice(0.035, 0, Duration.ofHours(24)));
        assertFalse(h.staleAt(1000 * HOUR));
    }

    @Test
    void theLastHashpriceIsKeptUntilANewerOneComes() {
        EconomicInputs inputs = Units.inputs(Units.settings(40, Duration.ZERO, Duration.ZERO, 4));
        Hashprice received = Hashprice.received(0.04, 0, 0, Duration.ofHours(1));
        inputs.updateHashprice(received);
        assertSame(received, inputs.hashprice());
        assertTrue(inputs.hashprice().staleAt(2 * HOUR));
        assertSame(received, inputs.hashprice(), "stale, still the one used: never guessed, never dropped");
    }

    @Test
    void aHashpriceNeedsAPriceAndAFeeBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> Hashprice.received(-1, 0, 0, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> Hashprice.received(0.03, 1, 0, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> Hashprice.received(Double.NaN, 0, 0, Duration.ofHours(1)));
    }
}
