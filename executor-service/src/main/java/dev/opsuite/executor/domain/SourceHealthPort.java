package dev.opsuite.executor.domain;

import dev.opsuite.model.AssetDoc;

/** Checks a Source asset without running any Query asset. Never throws: failures are a result. */
public interface SourceHealthPort {
    SourceCheck check(AssetDoc source);
}
