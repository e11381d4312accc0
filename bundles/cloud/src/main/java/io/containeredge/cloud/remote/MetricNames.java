package io.containeredge.cloud.remote;

import java.util.Optional;

/**
 * The metric name behind an alias a host used in a DCMD, from the edge node's births (the session's
 * {@code MetricCatalog.nameOf}). Called from the request worker thread, so the implementation must
 * synchronise with whatever else uses the catalog.
 */
@FunctionalInterface
public interface MetricNames {

    Optional<String> nameOf(String device, long alias);
}
