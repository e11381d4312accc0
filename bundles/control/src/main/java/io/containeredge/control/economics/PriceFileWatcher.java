package io.containeredge.control.economics;

import io.containeredge.control.api.EconomicsStatus;
import io.containeredge.control.api.PriceSlot;
import io.containeredge.control.slots.WatchedFile;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the local price file the site's own fetcher writes ({@link WatchedFile}). Each new version goes the way a
 * {@code price.update} goes ({@code ControlService.updatePrices}, the one check of every price feed); a version that
 * cannot be read or is refused is logged as an error, raises {@code economics.price-file} and changes nothing.
 */
public final class PriceFileWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(PriceFileWatcher.class);

    private final WatchedFile watched;
    private final EconomicInputs inputs;

    /**
     * @param updatePrices the controller's {@code updatePrices}: it checks, and throws IllegalArgumentException with
     *     the reason when it refuses
     */
    public PriceFileWatcher(Path file, BiConsumer<List<PriceSlot>, String> updatePrices, EconomicInputs inputs,
            LongSupplier wallClock) {
        this.inputs = inputs;
        this.watched = new WatchedFile(file, "economics: price file " + file + " not written yet: the tariff applies"
                + " until it is", text -> {
                    List<PriceSlot> slots = PriceFileReader.read(text);
                    updatePrices.accept(slots, "file:" + file);
                    inputs.priceFileSeen(new EconomicsStatus.PriceFile(file.toString(), wallClock.getAsLong(),
                            slots.size(), null));
                }, this::refuse);
        inputs.priceFileSeen(new EconomicsStatus.PriceFile(file.toString(), 0, 0, null));
    }

    /** Takes the file if it changed since last seen; never throws, so a scheduled check is never cancelled. */
    public void check() {
        watched.check();
    }

    /** Logged once per problem: an unreadable file is retried every check. */
    private void refuse(String why) {
        EconomicsStatus.PriceFile before = inputs.priceFile().orElseThrow();
        if (!why.equals(before.problem())) {
            LOG.error("economics: price file {} refused, the prices taken before stay in force: {}", watched.file(),
                    why);
        }
        inputs.priceFileSeen(new EconomicsStatus.PriceFile(watched.file().toString(), before.appliedMillis(),
                before.slots(), why));
    }
}
