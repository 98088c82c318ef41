package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.DefaultAssets;
import dev.opsuite.planner.domain.PlanDecision;
import dev.opsuite.planner.domain.RulesPlanner;
import java.time.OffsetDateTime;

/**
 * An estate the words tests ask their questions of, at their moment: the shipped default assets (loaded
 * once), Seoul time and the rules planner — one place for what every *WordsTest repeated.
 */
record WordsEstate(OffsetDateTime now, EntityDictionary dictionary) {
    private static AssetBundle assets;

    static synchronized AssetBundle assets() {
        if (assets == null) {
            try {
                assets = DefaultAssets.load();
            } catch (Exception e) {
                throw new IllegalStateException("the default assets do not load", e);
            }
        }
        return assets;
    }

    /** A running CI of the operator's own estate (not the demo's), as the words tests name theirs. */
    static EntityDictionary.Entity ci(String code, String name, String type) {
        return new EntityDictionary.Entity(code, name, type, false, java.util.Map.of("ci.status", "running"));
    }

    /** A running production CI of the operator's own estate at a location. */
    static EntityDictionary.Entity at(String code, String name, String type, String location) {
        return new EntityDictionary.Entity(code, name, type, false,
                java.util.Map.of("ci.status", "running", "ci.location", location, "ci.environment", "prod"));
    }

    /** The codes of the CIs a plan asks between, sorted. */
    static java.util.List<String> candidates(PlanModel p) {
        return p.candidates().stream().map(PlanModel.Candidate::ciCode).sorted().toList();
    }

    /** The Lexicon of the shipped assets. */
    static Lexicon lexicon() {
        AssetBundle a = assets();
        return Lexicon.of(a.schema(), a.prompt().rules(), a.resolver());
    }

    PlanDecision decide(String question) {
        return new RulesPlanner().plan(question, assets(), now, EstateFixture.SEOUL, dictionary);
    }

    PlanModel plan(String question) {
        return decide(question).plan();
    }
}
