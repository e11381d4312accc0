/**
 * Mining economics: what energy costs and hashing earns now ({@link io.containeredge.control.economics.EconomicInputs}:
 * a tariff, live price slots, a hashprice), what each miner earns at each power step
 * ({@link io.containeredge.control.economics.Valuation}), and the economic limit, a soft limit source that runs every
 * miner at the step that pays, with ramp and hold and per-miner wear limits
 * ({@link io.containeredge.control.economics.EconomicLimit}). Stale inputs are never guessed: a live price past its
 * slot gives way to the tariff, a stale hashprice is alarmed and kept, and every answer says where it came from.
 * Internal to the bundle.
 */
package io.containeredge.control.economics;
