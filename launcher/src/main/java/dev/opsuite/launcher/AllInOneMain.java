package dev.opsuite.launcher;

import dev.opsuite.kit.config.Env;
import java.util.Arrays;

/**
 * `./ops up`: the embedded default, until interrupted. A start that fails says why in one line (a
 * port in use names the port and the variable that moves it) and exits non-zero — 5 for a port in
 * use, 1 otherwise; the stack trace only with {@code --debug} (or OPS_DEBUG=1). The embedded stores
 * a failed start had begun are stopped by {@link AllInOne#start} itself.
 */
public final class AllInOneMain {
    static final int PORT_IN_USE = 5;

    private AllInOneMain() {}

    public static void main(String[] args) throws Exception {
        Env env = Env.system();
        boolean debug = Arrays.asList(args).contains("--debug") || "1".equals(env.get("OPS_DEBUG", ""));
        AllInOne all;
        try {
            all = AllInOne.start(LauncherConfig.from(env));
        } catch (Exception e) {
            boolean inUse = portInUse(e);
            System.err.println("ops up: " + (inUse ? "port " + env.getInt("OPS_HTTP_PORT", 8080) + " is in use ("
                    + rootMessage(e) + ") — set OPS_HTTP_PORT or stop what holds it" : "did not start: " + rootMessage(e)));
            if (debug) {
                e.printStackTrace();
            } else {
                System.err.println("(./ops up --debug shows the stack trace)");
            }
            System.exit(inUse ? PORT_IN_USE : 1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(all::close, "ops-shutdown"));
        Thread.currentThread().join();
    }

    /** Whether a failed start comes from binding a port that is taken (JDK or Netty's native transport). */
    static boolean portInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m.strip();
    }
}
