package dev.opsuite.planner.domain.understand;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A small imported estate (Latin names, Korean aliases, places and teams) the understanding tests read against. */
final class EstateFixture {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-30T10:30:00+09:00");
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private EstateFixture() {}

    static EntityDictionary dictionary() {
        return new EntityDictionary(3, List.of(
                new EntityDictionary.Entity("NW_ICH", "icheon-core.sw", "network", false, Map.of("ci.location", "icheon-hub")),
                new EntityDictionary.Entity("k8s-node-a1", "node-a1.icheon", "server", false, Map.of("ci.location", "icheon-hub")),
                new EntityDictionary.Entity("k8s-node-a2", "node-a2.icheon", "server", false, Map.of("ci.location", "icheon-hub")),
                new EntityDictionary.Entity("HX.WMS.01", "wms-vm-01", "vm", false, Map.of("ci.owner", "wms-crew")),
                new EntityDictionary.Entity("APP_Label", "label-printer", "app", false, Map.of("ci.owner", "wms-crew")),
                new EntityDictionary.Entity("biz.parcel", "Parcel Tracking", "service", false),
                new EntityDictionary.Entity("DB_FLEET", "fleet-db", "database", false),
                new EntityDictionary.Entity("SRV21-DR", "esx-dr-21", "server", false, Map.of("ci.location", "gasan-dr"))),
                List.of(Map.entry(0, "이천 코어 스위치"), Map.entry(1, "이천 1번 노드"), Map.entry(2, "이천 2번 노드"),
                        Map.entry(3, "창고 VM 1"), Map.entry(7, "가산 DR 호스트")),
                List.of(Map.entry("ci.location", "icheon-hub"), Map.entry("ci.location", "gimpo-center"),
                        Map.entry("ci.location", "jongno-office"), Map.entry("ci.owner", "wms-crew"),
                        Map.entry("ci.location", "cloud-apne2"), Map.entry("ci.environment", "hx-prod"),
                        Map.entry("ci.location", "gasan-dr")));
    }
}
