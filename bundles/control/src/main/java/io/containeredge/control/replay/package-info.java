/**
 * The controller's miner decisions replayed at virtual time over a price series, for the backtest (a tool
 * outside the bundle drives it: the {@code backtest} command of {@code containeredge-sim.jar}). Each step runs
 * the controller's own decision code, not a copy: the limit sources through {@link
 * io.containeredge.control.limit.LimitSources} and the {@link io.containeredge.control.allocation.Arbiter}, the
 * {@link io.containeredge.control.economics.EconomicLimit} fed through {@link
 * io.containeredge.control.economics.EconomicInputs}, and {@link
 * io.containeredge.control.allocation.MinerAllocator} with the site's control settings; a {@link
 * io.containeredge.control.replay.ReplayFleet} carries the actions out and says what its units drew and hashed.
 * The site around the miners ({@link io.containeredge.control.replay.SiteEnergy}: firm load, PV, battery, export,
 * import cap) is accounted at its meter slot by slot, the battery run by the power guard's own
 * {@link io.containeredge.control.power.BatteryDispatch}; the plan strategy solves the planner's own problem
 * ({@link io.containeredge.control.planner.PlanProblems}, {@link io.containeredge.control.planner.PlanSolver}).
 * It learns nothing: every miner is valued on its model's curve, as no efficiency watch feeds it learned ones.
 * Pure: no I/O, no clock, no threads (the plan strategy measures its solves' wall time, for the report). Internal to the bundle: not exported.
 */
package io.containeredge.control.replay;
