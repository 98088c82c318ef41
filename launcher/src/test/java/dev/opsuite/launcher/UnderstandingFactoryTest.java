package dev.opsuite.launcher;

import java.util.List;

/**
 * The Daesung Precision smart-factory estate (src/test/resources/understanding6): a sixth domain (a Korean
 * precision-parts maker's plant 2 in Pyeongtaek, its head office and a small DR site: MES, SCADA and the
 * historian, OPC-UA and MQTT, vision QC, WMS and AGVs, label printing, SAP-like ERP and its month-end batch,
 * customer EDI), new code schemes (dotted lower-case app and storage codes, dashed upper-case codes ending in a
 * letter, mixed digit groups) and clock (a Tuesday 35 minutes after midnight, right after the November/December
 * month boundary), with dated questions over CloudWatch-shaped CPU series in February-April 2014 and a
 * September 2025 block. 186 questions (93 Korean, 93 English) by six new writers, split once into dev10 (to be
 * tuned on) and test6 (never tuned on). First measured before any tuning on it (2026-12-04, commit c14e0b8):
 * dev10 92.5 / 91.6 %, test6 94.6 / 96.4 % (clean / beside the demo); the floors sit under those figures.
 */
class UnderstandingFactoryTest extends UnderstandingSetTest {
    UnderstandingFactoryTest() {
        super("understanding6", "2026-12-01T00:35:00+09:00", List.of("questions.tsv"),
                ordered("dev10", 0.90, "test6", 0.92));
    }
}
