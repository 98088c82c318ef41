package dev.opsuite.launcher;

import dev.opsuite.kit.config.Env;
import java.nio.file.Path;

/** The all-in-one's configuration, read from the environment in one place. */
public record LauncherConfig(
        int httpPort,
        Path dataDir,
        Path assetSeedDir,
        boolean loadDemo,
        long demoSeed,
        int demoDays,
        Env env) {

    public static LauncherConfig from(Env env) {
        return new LauncherConfig(
                env.getInt("OPS_HTTP_PORT", 8080),
                Path.of(env.get("OPS_DATA_DIR", "data")).toAbsolutePath(),
                Path.of(env.get("OPS_ASSET_SEED_DIR", "assets/defaults")).toAbsolutePath(),
                !"false".equalsIgnoreCase(env.get("OPS_DEMO", "true")),
                Long.parseLong(env.get("OPS_DEMO_SEED", "20261125")),
                env.getInt("OPS_DEMO_DAYS", 7),
                env);
    }
}
