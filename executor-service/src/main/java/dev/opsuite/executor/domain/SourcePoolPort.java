package dev.opsuite.executor.domain;

import java.util.List;

/** The connection pools (or drivers) an adapter keeps per Source asset version. */
public interface SourcePoolPort {
    /** Closes the pools of name@version (every version when version is 0); the refs closed. */
    List<String> retire(String name, int version);

    /** name@version of every open pool. */
    List<String> openPools();
}
