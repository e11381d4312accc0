/**
 * The planner's optimisation, pure: a linear program over the coming slots (import, export, battery, mining by
 * value segment, PV used or curtailed) solved with ojAlgo, inputs in and a plan out. No I/O, threads or clocks:
 * the runtime that feeds it forecasts and follows its plan lives elsewhere.
 */
package io.containeredge.control.planner;
