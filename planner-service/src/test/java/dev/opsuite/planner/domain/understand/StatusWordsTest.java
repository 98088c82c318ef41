package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "점검 상태인 장비", "VMs under maintenance": the maintenance status said as a state, in both languages. */
class StatusWordsTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        estate = new WordsEstate(OffsetDateTime.parse("2041-02-01T09:00:00+09:00"), new EntityDictionary(2,
                List.of(ci("vm-kite", "Kite VM", "vm"), ci("srv-kite", "Kite", "server")), List.of(), List.of()));
    }

    private static boolean maintenance(PlanModel p) {
        return p.primary().filters().stream().anyMatch(f -> f.field().equals("status") && f.values().equals(List.of("maintenance")));
    }

    @Test
    void maintenanceSaidAsAState() {
        PlanModel ko = estate.plan("지금 점검 상태인 서버 목록 좀 주세요");
        assertTrue(maintenance(ko), ko.toString());
        PlanModel en = estate.plan("list the VMs that are under maintenance");
        assertTrue(maintenance(en), en.toString());
    }
}
