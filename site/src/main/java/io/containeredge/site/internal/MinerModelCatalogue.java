package io.containeredge.site.internal;

import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.site.api.MinerDialects;
import io.containeredge.site.api.MinerModel;
import io.containeredge.site.api.MinerModels;

/**
 * Loads miner models: the shipped {@code miners/}, then a configuration directory's, which add to or replace
 * shipped ones. Each document is checked by {@link MinerModelParser} against the dialects of the same source
 * (a model names the dialect its firmware ships with); a refused one is left out.
 */
public final class MinerModelCatalogue {

    /** Shipped documents do not change while the bundle runs: parsed once. */
    private static volatile ShippedDocuments.Loaded<MinerModel> shipped;
    private static volatile MinerModels builtIn;

    private MinerModelCatalogue() {
    }

    public static MinerModels builtIn() {
        MinerModels loaded = builtIn;
        if (loaded == null) {
            loaded = of(shipped(), MinerDialectCatalogue.builtIn());
            builtIn = loaded;
        }
        return loaded;
    }

    /** The shipped models, with those of the source's directory (if any) over them. */
    public static MinerModels load(ConfigSource source) {
        MinerDialects dialects = MinerDialectCatalogue.load(source);
        ShippedDocuments.Loaded<MinerModel> loaded = documents(dialects).load(source, shipped());
        return loaded == shipped && dialects == MinerDialectCatalogue.builtIn() ? builtIn() : of(loaded, dialects);
    }

    private static ShippedDocuments.Loaded<MinerModel> shipped() {
        ShippedDocuments.Loaded<MinerModel> loaded = shipped;
        if (loaded == null) {
            loaded = documents(MinerDialectCatalogue.builtIn()).builtIn();
            shipped = loaded;
        }
        return loaded;
    }

    private static ShippedDocuments<MinerModel> documents(MinerDialects dialects) {
        return new ShippedDocuments<>("miners/", (file, doc, id) -> MinerModelParser.parse(file, doc, id, dialects));
    }

    private static MinerModels of(ShippedDocuments.Loaded<MinerModel> loaded, MinerDialects dialects) {
        return new MinerModels(loaded.byId(), loaded.errors(), dialects);
    }
}
