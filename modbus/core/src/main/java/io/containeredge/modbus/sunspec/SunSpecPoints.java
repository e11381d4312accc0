package io.containeredge.modbus.sunspec;

import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.profile.PollClass;
import io.containeredge.modbus.profile.SunSpecSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a discovered chain into the points a poller reads: absolute holding-register addresses, names
 * {@code m<id>.<Point>}, the profile's poll class per model, and every SunSpec type sentinel in force.
 */
public final class SunSpecPoints {

    private static final Logger LOG = LoggerFactory.getLogger(SunSpecPoints.class);

    private SunSpecPoints() {
    }

    /**
     * Points of the models {@code spec} lists that are present in {@code chain}. Models in the chain
     * but not in the profile are skipped; listed models the device lacks simply give no points. Only the
     * first instance of a model id is mapped, since a second one would produce the same point names.
     *
     * @throws IllegalArgumentException if the profile lists a model that the device has but that has
     *     no loadable definition: a configuration error the profile's author must fix
     */
    public static List<PointDef> pointsFor(SunSpecSpec spec, List<DiscoveredModel> chain, SunSpecModels models) {
        List<PointDef> points = new ArrayList<>();
        Set<Integer> mapped = new HashSet<>();
        for (DiscoveredModel found : chain) {
            if (!spec.models().contains(found.id())) {
                continue;
            }
            if (!mapped.add(found.id())) {
                LOG.warn("SunSpec model {} appears again at register {}; only its first instance is read",
                        found.id(), found.bodyAddress());
                continue;
            }
            SunSpecModel model = definition(models, found.id());
            if (found.length() < model.length()) {
                LOG.warn("SunSpec model {} declares L = {} but the definition has {} registers; points past L are"
                        + " not read", found.id(), found.length(), model.length());
            }
            PollClass poll = spec.pollClassOf(found.id());
            model.placedAt(found.bodyAddress(), found.length()).forEach(p -> points.add(p.withPollClass(poll)));
        }
        return points;
    }

    private static SunSpecModel definition(SunSpecModels models, int id) {
        try {
            return models.get(id);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("the profile lists SunSpec model " + id
                    + " but its definition cannot be loaded: " + e.getMessage(), e);
        }
    }
}
