package io.containeredge.control.planner;

/** No plan: the problem is infeasible or unbounded, or the solver ran out of time; the message says which. */
public final class PlanException extends Exception {

    private static final long serialVersionUID = 1L;

    public PlanException(String message) {
        super(message);
    }
}
