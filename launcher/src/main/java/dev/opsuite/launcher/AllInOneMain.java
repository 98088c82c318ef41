package dev.opsuite.launcher;

import dev.opsuite.kit.config.Env;

/** `./ops up`: the embedded default, until interrupted. */
public final class AllInOneMain {
    private AllInOneMain() {}

    public static void main(String[] args) throws Exception {
        AllInOne all = AllInOne.start(LauncherConfig.from(Env.system()));
        Runtime.getRuntime().addShutdownHook(new Thread(all::close, "ops-shutdown"));
        Thread.currentThread().join();
    }
}
