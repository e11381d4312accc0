package io.containeredge.control.planner;

import io.containeredge.control.planner.ValueCurve.Segment;
import java.util.ArrayList;
import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The plan as an ojAlgo LP: its variables per slot, its rows, and the reading of a solution back into slots.
 * Powers are in kW, states of charge in %, the objective in USD (weights = USD per kW over a slot).
 */
final class PlanLp {

    private static final double KW_PER_MW = 1000;

    static {
        // ojAlgo prints an 8-line notice about hardware profiles to System.out on first use unless this is set;
        // an operator's own setting stays
        System.getProperties().putIfAbsent("shut.up.ojAlgo", "true");
    }

    private final PlanProblem problem;
    private final ExpressionsBasedModel model = new ExpressionsBasedModel();
    private final List<SlotVariables> slots = new ArrayList<>();

    /** One slot's columns. {@code soc} is null without a battery. */
    private record SlotVariables(Variable imp, Variable exp, Variable charge, Variable discharge, Variable soc,
            Variable pvUsed, List<Variable> mining) {
    }

    PlanLp(PlanProblem problem, long timeLimitMillis) {
        this.problem = problem;
        model.options.time_abort = timeLimitMillis;
        double mwhPerKw = problem.slotHours() / KW_PER_MW;
        Variable previousSoc = null;
        for (int t = 0; t < problem.slots().size(); t++) {
            SlotVariables v = slotColumns(t, problem.slots().get(t), mwhPerKw);
            balanceRow(t, problem.slots().get(t), v);
            if (v.soc() != null) {
                socRow(t, v, previousSoc);
                previousSoc = v.soc();
            }
            slots.add(v);
        }
        if (problem.demandChargeUsdPerKw() > 0) {
            peakRows();
        }
        if (previousSoc != null) {
            // the energy left at the end, per % of charge: capacity / 100 kWh, / 1000 to MWh
            previousSoc.weight(problem.storedUsdPerMwh() * problem.storage().capacityKwh() / 100 / KW_PER_MW);
        }
    }

    Optimisation.Result maximise() {
        return model.maximise();
    }

    private SlotVariables slotColumns(int t, PlanSlotInput in, double mwhPerKw) {
        StorageModel storage = problem.storage();
        boolean battery = storage.present();
        double wear = -storage.wearUsdPerMwh() * mwhPerKw;
        Variable imp = column("import", t, 0, in.importCapKw(), -in.importUsdPerMwh() * mwhPerKw);
        Variable exp = column("export", t, 0, problem.exportLimitKw(), in.netExportUsdPerMwh() * mwhPerKw);
        Variable charge = column("charge", t, 0, battery ? storage.maxChargeKw() : 0, wear);
        Variable discharge = column("discharge", t, 0, battery ? storage.maxDischargeKw() : 0, wear);
        Variable soc = battery ? column("soc", t, Math.min(storage.minSocPct(), problem.socPctNow()),
                Math.max(storage.maxSocPct(), problem.socPctNow()), 0) : null;
        Variable pvUsed = column("pv", t, 0, in.pvKw(), 0);
        List<Variable> mining = new ArrayList<>();
        List<Segment> segments = problem.mining().segments();
        for (int k = 0; k < segments.size(); k++) {
            Segment s = segments.get(k);
            mining.add(column("mine" + k, t, 0, s.kw(), s.usdPerMwh() * mwhPerKw));
        }
        if (in.miningMaxKw() < problem.mining().maxKw()) {
            Expression miningTotal = model.newExpression("mining_" + t).upper(in.miningMaxKw());
            mining.forEach(m -> miningTotal.set(m, 1));
        }
        return new SlotVariables(imp, exp, charge, discharge, soc, pvUsed, mining);
    }

    private Variable column(String name, int t, double lower, double upper, double weight) {
        return model.newVariable(name + "_" + t).lower(lower).upper(upper).weight(weight);
    }

    /** Import - export + PV + discharge - charge = firm load + mining. */
    private void balanceRow(int t, PlanSlotInput in, SlotVariables v) {
        Expression row = model.newExpression("balance_" + t).level(in.firmKw());
        row.set(v.imp(), 1).set(v.exp(), -1).set(v.pvUsed(), 1).set(v.discharge(), 1).set(v.charge(), -1);
        for (Variable m : v.mining()) {
            row.set(m, -1);
        }
    }

    /** soc_t - soc_{t-1} - 100 h (eta c - d / eta) / capacity = 0, with soc_{-1} the state of charge now. */
    private void socRow(int t, SlotVariables v, Variable previousSoc) {
        StorageModel storage = problem.storage();
        double eta = storage.oneWayEfficiency();
        double pctPerKw = 100 * problem.slotHours() / storage.capacityKwh();
        Expression row = model.newExpression("soc_" + t).level(previousSoc == null ? problem.socPctNow() : 0);
        row.set(v.soc(), 1).set(v.charge(), -eta * pctPerKw).set(v.discharge(), pctPerKw / eta);
        if (previousSoc != null) {
            row.set(previousSoc, -1);
        }
    }

    /**
     * The peak is at least the peak so far and every slot's import; each kW above the peak so far is charged. A slot
     * whose import cap is within the peak so far needs no row (each row is ~32 KB of the solver's dense tableau).
     */
    private void peakRows() {
        Variable peak = model.newVariable("peak").lower(problem.peakImportSoFarKw())
                .weight(-problem.demandChargeUsdPerKw());
        for (int t = 0; t < slots.size(); t++) {
            if (problem.slots().get(t).importCapKw() <= problem.peakImportSoFarKw()) {
                continue;
            }
            model.newExpression("peak_" + t).lower(0).set(peak, 1).set(slots.get(t).imp(), -1);
        }
    }

    /** The solution as a plan. */
    Plan read(Optimisation.Result result, double solveMillis) {
        double h = problem.slotHours();
        double mwhPerKw = h / KW_PER_MW;
        double soc = problem.socPctNow();
        double peakKw = problem.peakImportSoFarKw();
        List<PlannedSlot> planned = new ArrayList<>();
        for (int t = 0; t < slots.size(); t++) {
            SlotVariables v = slots.get(t);
            PlanSlotInput in = problem.slots().get(t);
            double imp = value(result, v.imp());
            double exp = value(result, v.exp());
            double charge = value(result, v.charge());
            double discharge = value(result, v.discharge());
            double pv = value(result, v.pvUsed());
            soc = v.soc() == null ? soc : value(result, v.soc());
            double miningKw = 0;
            double miningUsd = 0;
            for (int k = 0; k < v.mining().size(); k++) {
                double m = value(result, v.mining().get(k));
                miningKw += m;
                miningUsd += m * problem.mining().segments().get(k).usdPerMwh() * mwhPerKw;
            }
            peakKw = Math.max(peakKw, imp);
            planned.add(new PlannedSlot(in.startMillis(), imp, exp, charge, discharge, soc, miningKw, pv,
                    Math.max(0, in.pvKw() - pv), problem.mining().marginalUsdPerMwh(miningKw), miningUsd,
                    exp * in.netExportUsdPerMwh() * mwhPerKw, imp * in.importUsdPerMwh() * mwhPerKw,
                    (charge + discharge) * problem.storage().wearUsdPerMwh() * mwhPerKw));
        }
        double demandUsd = problem.demandChargeUsdPerKw() * (peakKw - problem.peakImportSoFarKw());
        return new Plan(planned, demandUsd, peakKw, solveMillis);
    }

    /** A column's value, with the solver's rounding noise below 0 cut (powers are never negative). */
    private double value(Optimisation.Result result, Variable v) {
        return Math.max(0, result.doubleValue(model.indexOf(v)));
    }
}
