/**
 * Where the container's power limits come from: every {@link io.containeredge.control.limit.LimitSource}
 * says, each cycle, what the controllable loads may draw and why, as a hard limit (thermal, power,
 * emergency stop) or a soft one (curtailment, grid events, leases, plans). {@link
 * io.containeredge.control.limit.LimitSources} runs them in registration order and lets the arbiter take the
 * most restrictive. Depends on the control package's decision model and its guards; internal to the bundle.
 */
package io.containeredge.control.limit;
