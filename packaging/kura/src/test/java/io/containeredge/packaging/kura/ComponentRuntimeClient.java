package io.containeredge.packaging.kura;

import static io.containeredge.packaging.kura.ReflectiveCalls.call;
import static io.containeredge.packaging.kura.ReflectiveCalls.field;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;

/** What SCR knows about a bundle's components, read from {@code ServiceComponentRuntime}'s DTOs. */
final class ComponentRuntimeClient {

    static final String SERVICE = "org.osgi.service.component.runtime.ServiceComponentRuntime";

    /**
     * The states of {@code ComponentConfigurationDTO}, and Felix SCR's -1: it reports its internal states "disposed"
     * and "disabled" so, e.g. for the moment a configuration is being replaced after a configuration update (seen
     * while the site configuration activates the devices). Not a failure: the wait goes on.
     */
    enum State {
        DISPOSED_OR_DISABLED(-1), UNSATISFIED_CONFIGURATION(1), UNSATISFIED_REFERENCE(2), SATISFIED(4), ACTIVE(8),
        FAILED_ACTIVATION(16);

        private final int code;

        State(int code) {
            this.code = code;
        }

        static State of(int code) {
            for (State state : values()) {
                if (state.code == code) {
                    return state;
                }
            }
            throw new IllegalArgumentException("unknown component configuration state " + code);
        }
    }

    /** A component description and the states of its configurations. */
    record Component(String name, String configurationPolicy, List<String> configurationPids, List<State> states) {

        /**
         * Whether it waits for a configuration it requires. Felix SCR (2.2) then has no component configuration
         * at all; the specification's UNSATISFIED_CONFIGURATION state says the same where an SCR reports it.
         */
        boolean waitsForConfiguration() {
            return configurationPolicy.equals("require")
                    && (states.isEmpty() || states.equals(List.of(State.UNSATISFIED_CONFIGURATION)));
        }

        boolean failed() {
            return states.contains(State.FAILED_ACTIVATION);
        }

        boolean active() {
            return !states.isEmpty() && states.stream().allMatch(s -> s == State.ACTIVE);
        }
    }

    private final Object runtime;

    ComponentRuntimeClient(Object runtime) {
        this.runtime = runtime;
    }

    /** Every component the bundle declares, by name. */
    Map<String, Component> components(Bundle bundle) {
        Map<String, Component> components = new TreeMap<>();
        Collection<?> descriptions = (Collection<?>) call(runtime, "getComponentDescriptionDTOs",
                (Object) new Bundle[] {bundle});
        for (Object description : descriptions) {
            List<State> states = new ArrayList<>();
            for (Object configuration : (Collection<?>) call(runtime, "getComponentConfigurationDTOs", description)) {
                states.add(State.of((Integer) field(configuration, "state")));
            }
            String name = (String) field(description, "name");
            components.put(name, new Component(name, (String) field(description, "configurationPolicy"),
                    List.of((String[]) field(description, "configurationPid")), states));
        }
        return components;
    }
}
