package dev.opsuite.planner.domain.understand;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Type words that place what is asked in the hosting chain rather than filter it by type (Prompt intent groups
 * {@code hosting_role} and {@code stack_above}; such a word becomes a descriptor, not a filter):
 * <ul>
 * <li>"host of X", "X's host", "X의 호스트": the role of what X runs on, of whatever type — a VM hosts a database as a
 * server hosts a VM —, not a filter to servers (which left "no host found" for a CI on a VM with no server under it);
 * "which server is X on", "physical host of X" keep their type;</li>
 * <li>"VM과 그 위에서 도는 것 전부", "the VMs on X and what runs on them": a type word, a conjunction, then a word
 * pointing back up at those CIs ({@code stack_above}, or {@code pointing_back} right after a {@code runs_on} word) names
 * the first layer of what is asked and everything above it, not only that type; type words after the pointing-back
 * word ("그 위에서 구동되는 애플리케이션") name layers of that stack, not a filter.</li>
 * </ul>
 */
final class HostingRoles {
    /** After the type word and before the pointing-back word: a conjunction ("VM과", "VMs and what runs"). */
    private static final Pattern JOINED = Pattern.compile("^(?:과|와|하고|이랑|랑|및)(?:\\s.*)?$|.*(?:^|\\s)(?:and|plus|&)\\s.*",
            Pattern.DOTALL);
    private static final Pattern OF_BEFORE = Pattern.compile("\\s+of\\s+(?:the\\s+)?");

    private final Understanding u;
    private final String typePrefix;

    HostingRoles(Understanding u, String primaryEntity) {
        this.u = u;
        this.typePrefix = primaryEntity + ".ci_type=";
    }

    /** Adds the type words of either kind among the question's claims to {@code descriptors}. */
    void describe(List<LinkedEntity> entities, List<Claim> descriptors) {
        String text = u.analyzed().text();
        List<Claim> types = u.of("enum").stream().filter(c -> c.value().startsWith(typePrefix)).toList();
        for (Claim type : types) {
            if (descriptors.contains(type)) {
                continue;
            }
            if (entities.size() == 1 && roleOf(type, entities.get(0), text)) {
                descriptors.add(type);
                continue;
            }
            Optional<Claim> back = firstLayer(type, types, text);
            if (back.isPresent()) {
                descriptors.add(type);
                // "VM과 그 위에서 구동되는 애플리케이션", "vm이랑 그 위 app, db": the layers named after the pointing-back word
                // are part of the stack asked, not a filter of it
                types.stream().filter(t -> t.span().start() >= back.get().span().end() && !descriptors.contains(t))
                        .forEach(descriptors::add);
            }
        }
    }

    /** "host of X", "X's host", "X 호스트": a hosting-role word next to the one CI named, not of that CI's type. */
    private boolean roleOf(Claim type, LinkedEntity e, String text) {
        if (!e.resolved() || type.value().endsWith("=" + e.entity().ciType()) || !said("hosting_role", type)) {
            return false;
        }
        if (type.span().end() <= e.span().start()) {
            return OF_BEFORE.matcher(text.substring(type.span().end(), e.span().start())).matches();
        }
        if (e.span().end() <= type.span().start()) {
            String between = text.substring(e.span().end(), type.span().start());
            return Signals.joining(between.replaceFirst("^['’]s", ""));
        }
        return false;
    }

    /** "VM과 그 위에서 도는 것": a type word, a conjunction, and then a word pointing back at those CIs (returned). */
    private Optional<Claim> firstLayer(Claim type, List<Claim> types, String text) {
        Optional<Claim> back = u.of("intent").stream().filter(c -> c.span().start() >= type.span().end()
                && (c.value().equals("stack_above") || c.value().equals("pointing_back") && afterRunsOn(c, text)))
                .findFirst();
        if (back.isEmpty() || types.stream().anyMatch(t -> t.span().start() >= type.span().end()
                && t.span().start() < back.get().span().start())) {
            return Optional.empty();
        }
        return JOINED.matcher(text.substring(type.span().end(), back.get().span().start()).strip()).matches()
                ? back : Optional.empty();
    }

    /** "what runs on them": a pointing-back word right after a hosting word ("runs on", "hosted on"). */
    private boolean afterRunsOn(Claim back, String text) {
        return u.of("intent").stream().anyMatch(c -> c.value().equals("runs_on") && c.span().end() <= back.span().start()
                && text.substring(c.span().end(), back.span().start()).isBlank());
    }

    private boolean said(String group, Claim type) {
        return u.of("intent").stream().anyMatch(c -> c.value().equals(group) && c.span().equals(type.span()));
    }
}
