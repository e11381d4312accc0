package io.containeredge.coordinator;

/** {@code java -jar containeredge-site.jar}: the site coordinator (being built: see issue 17). */
public final class CoordinatorMain {

    private CoordinatorMain() {
    }

    public static void main(String[] args) {
        System.err.println("usage: java -jar containeredge-site.jar --config <coordinator.yaml> [--check]");
        System.exit(2);
    }
}
