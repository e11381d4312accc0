package io.containeredge.modbus.profile;

import java.util.List;
import java.util.Map;

/**
 * A profile whose points are found at runtime by SunSpec discovery instead of being listed.
 *
 * @param bases the base addresses to probe for the 'SunS' marker, in order
 * @param models model ids to turn into points; others in the chain are skipped
 * @param pollClasses poll class per model id (models not listed use NORMAL)
 */
public record SunSpecSpec(List<Integer> bases, List<Integer> models, Map<Integer, PollClass> pollClasses) {

    public static final List<Integer> DEFAULT_BASES = List.of(0, 40000, 50000);

    public SunSpecSpec {
        bases = List.copyOf(bases);
        models = List.copyOf(models);
        pollClasses = Map.copyOf(pollClasses);
    }

    public PollClass pollClassOf(int model) {
        return pollClasses.getOrDefault(model, PollClass.NORMAL);
    }
}
