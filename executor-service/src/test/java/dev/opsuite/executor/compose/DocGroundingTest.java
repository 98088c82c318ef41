package dev.opsuite.executor.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocGroundingTest {
    static final List<String> PASSAGES = List.of(
            "Do not fail over because of too many connections: the standby inherits the same clients and fills up.",
            "1. 로드밸런서에서 해당 인스턴스를 빼냅니다.\n2. 서비스를 재시작합니다: sudo systemctl restart payment-api");

    @Test
    void aSentenceSayingWhatItsPassageSaysIsKept() {
        DocGrounding.Kept k = DocGrounding.keep("Do not fail over for too many connections: the standby fills up "
                + "with the same clients [1]. 먼저 로드밸런서에서 인스턴스를 빼낸 뒤 서비스를 재시작합니다 [2].", PASSAGES);
        assertEquals(List.of(), k.dropped());
        assertTrue(k.text().contains("[1]") && k.text().contains("[2]"), k.text());
    }

    @Test
    void uncitedInventedOrMiscitedSentencesAreLeftOut() {
        DocGrounding.Kept k = DocGrounding.keep("The standby inherits the same clients [1]. Reboot the whole "
                + "datacenter and call the vendor [1]. Always restart twice. The answer is in the manual [7].", PASSAGES);
        assertEquals("The standby inherits the same clients [1].", k.text());
        assertEquals(3, k.dropped().size(), k.dropped().toString());
        assertTrue(k.dropped().get(0).startsWith("not in the passage it cites"), k.dropped().get(0));
        assertTrue(k.dropped().get(1).startsWith("cites no passage"), k.dropped().get(1));
        assertTrue(k.dropped().get(2).startsWith("cites a passage that does not exist"), k.dropped().get(2));
    }
}
