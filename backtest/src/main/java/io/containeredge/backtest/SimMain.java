package io.containeredge.backtest;

import io.containeredge.simulator.SimulatorMain;
import java.util.Arrays;

/**
 * The main of {@code containeredge-sim.jar}: {@code backtest ...} runs the backtest ({@link BacktestCommand});
 * anything else goes to the container simulator ({@link SimulatorMain}) as it always did.
 */
public final class SimMain {

    static final String BACKTEST = "backtest";

    private SimMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(BACKTEST)) {
            int code = BacktestCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
            if (code != 0) {
                System.exit(code);
            }
            return;
        }
        if (args.length > 0 && args[0].equals(PlanBenchmark.COMMAND)) {
            PlanBenchmark.run(Arrays.copyOfRange(args, 1, args.length), System.out);
            return;
        }
        SimulatorMain.main(args);
    }
}
