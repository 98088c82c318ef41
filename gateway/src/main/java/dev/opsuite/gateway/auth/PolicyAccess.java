package dev.opsuite.gateway.auth;

import dev.opsuite.model.asset.PolicyAsset;
import dev.opsuite.model.asset.Rbac;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Policy asset's part of the access table: {@code rbac.operations}, operation → roles, e.g.
 * {@code {"StageTest": ["admin"], "PreviewQueryAsset": ["asset_admin"]}}. It can only narrow: an
 * operation listed there needs one of its roles on top of what {@link Access} asks, so an asset
 * writer can close an operation to most roles but never open one wider than the code's row. A
 * caller holding {@code admin} is never narrowed (key management stays reachable), open operations
 * (health, ping) cannot be narrowed, and unknown operation names are ignored with a warning. A row
 * of Ask narrows AskStream too ({@link #FORM_OF}): the same question cannot be asked around it.
 *
 * <p>The rows are read from the published Policy asset every {@code every} in the background; the
 * request path reads the last rows and never waits for the registry. Until the first read, and while
 * the registry cannot be read, the last rows read (or none) apply.
 */
public final class PolicyAccess implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PolicyAccess.class);
    /**
     * Operations that are another one in a different form: a row narrowing the other narrows them too
     * (a Policy that closes Ask closes the streamed ask as well), and their own row narrows only them.
     */
    static final Map<String, String> FORM_OF = Map.of("AskStream", "Ask");

    private final Supplier<Optional<PolicyAsset>> policy;
    private final ScheduledExecutorService refresher;
    private volatile Map<String, Set<String>> narrowed = Map.of();
    private volatile PolicyAsset last;

    private PolicyAccess(Supplier<Optional<PolicyAsset>> policy, Duration every) {
        this.policy = policy;
        if (every == null) {
            this.refresher = null;
            return;
        }
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "policy-access");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads {@code policy} (the published Policy asset) now and every {@code every}. */
    public static PolicyAccess refreshing(Supplier<Optional<PolicyAsset>> policy, Duration every) {
        return new PolicyAccess(policy, every);
    }

    /** No narrowing: the code's table alone. */
    public static PolicyAccess none() {
        return new PolicyAccess(Optional::empty, null);
    }

    /** Whether the Policy lets this caller run the operation (the code's row is checked apart). */
    public boolean allows(String operation, Principal caller) {
        if (caller == null || caller.has("admin")) {
            return true;
        }
        String other = FORM_OF.get(operation);
        return allowsRow(operation, caller) && (other == null || allowsRow(other, caller));
    }

    private boolean allowsRow(String operation, Principal caller) {
        Set<String> roles = narrowed.get(operation);
        return roles == null || roles.stream().anyMatch(caller::has);
    }

    /** The roles the Policy limits an operation to (its own row, else the row of what it is a form of), or empty. */
    public Optional<Set<String>> limitOf(String operation) {
        return Optional.ofNullable(narrowed.get(operation)).or(() -> Optional.ofNullable(FORM_OF.get(operation))
                .map(narrowed::get));
    }

    /** Reads the Policy now (tests, and right after a Policy is published). */
    public void refresh() {
        Optional<PolicyAsset> content = policy.get();
        if (content.isEmpty() || content.get().equals(last)) {
            return;
        }
        Map<String, Set<String>> rows = new HashMap<>();
        for (Rbac.Operation op : content.get().rbac().operations()) {
            Optional<String> required = Access.required(op.name());
            if (required.isEmpty() || Access.OPEN.equals(required.get()) || !op.listsRoles()) {
                log.warn("Policy rbac.operations.{} ignored: {}", op.name(), required.isEmpty()
                        ? "no such operation" : !op.listsRoles() ? "not a list of roles" : "open operations stay open");
                continue;
            }
            rows.put(op.name(), Set.copyOf(new LinkedHashSet<>(op.roles())));
        }
        narrowed = Map.copyOf(rows);
        last = content.get();
        log.info("access narrowed by the Policy asset: {}", narrowed);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.debug("Policy access rows not refreshed ({}); the last ones apply", e.toString());
        }
    }

    @Override
    public void close() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }
}
