package io.containeredge.control.economics;

import io.containeredge.site.api.EconomicsSettings;
import io.containeredge.site.api.EconomicsSettings.Contract;
import io.containeredge.site.api.EconomicsSettings.TouPeriod;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The site's tariff as a price at any time: its time-of-use periods in the site's local time, else its base
 * price; live price slots where they cover the time. Under a fixed-price contract the site pays the contract
 * price whatever the market does, unless it may resell: then running costs what the energy would have sold
 * for, the market price (the tariff's periods stand for the market where no live slot covers the time).
 */
public record Tariff(EconomicsSettings.Tariff settings) {

    /** The price of running at a wall-clock time, given the live slots received. */
    public EnergyPrice priceAt(long wallMillis, PriceSlots live) {
        Optional<Contract> contract = settings.contract();
        if (contract.isPresent() && !contract.get().resale()) {
            return new EnergyPrice(contract.get().usdPerMwh(), EnergyPrice.Source.CONTRACT, "fixed contract", null);
        }
        String market = contract.isPresent() ? ", market price: energy not used is resold" : "";
        Optional<PriceSlots.Slot> slot = live.at(wallMillis);
        if (slot.isPresent()) {
            return new EnergyPrice(slot.get().usdPerMwh(), EnergyPrice.Source.LIVE,
                    "live slot " + PriceSlots.clock(slot.get().startMillis(), settings.zone()) + market, null);
        }
        ZonedDateTime local = Instant.ofEpochMilli(wallMillis).atZone(settings.zone());
        int minute = local.getHour() * 60 + local.getMinute();
        Optional<TouPeriod> period = settings.periods().stream()
                .filter(p -> p.covers(local.getDayOfWeek(), minute)).findFirst();
        double price = period.map(TouPeriod::usdPerMwh).orElse(settings.baseUsdPerMwh());
        String basis = "tariff " + period.map(TouPeriod::name).orElse("base") + market;
        return new EnergyPrice(price, EnergyPrice.Source.TARIFF, basis, live.missing(wallMillis, settings.zone()));
    }
}
