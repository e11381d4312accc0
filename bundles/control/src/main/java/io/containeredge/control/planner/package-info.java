/**
 * The storage and renewables planner. Its optimisation is pure: a linear program over the coming slots (import,
 * export, battery, mining by value segment, PV used or curtailed) solved with ojAlgo ({@link
 * io.containeredge.control.planner.PlanSolver}), built from what the controller knows by {@link
 * io.containeredge.control.planner.PlanProblems}. Around it the runtime: {@link io.containeredge.control.planner.Planner}
 * solves on its own thread when due or triggered, {@link io.containeredge.control.planner.PlanLimit} hands the plan to
 * the control loop as a soft limit and a battery target (or says why it falls back), forecasts come in through
 * {@link io.containeredge.control.planner.ForecastUpdates}, with {@link io.containeredge.control.planner.PvHistory} as
 * the persistence forecast.
 */
package io.containeredge.control.planner;
