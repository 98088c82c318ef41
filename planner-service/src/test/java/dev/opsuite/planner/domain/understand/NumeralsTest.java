package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NumeralsTest {
    @Test
    void aNumberInANameIsAlsoItsDigitsAndItsWord() {
        assertEquals(List.of("Interlocking 3", "Interlocking three"), Numerals.variants("Interlocking III"));
        assertEquals(List.of("Node 4 (DR)", "Node four (DR)"), Numerals.variants("Node IV (DR)"));
        assertEquals(List.of("Crane Link one"), Numerals.variants("Crane Link 1"));
        assertEquals(List.of("Host 11"), Numerals.variants("Host Eleven"));
    }

    @Test
    void namesWithoutOneClearNumberHaveNoVariant() {
        assertEquals(List.of(), Numerals.variants("III"), "a name of one word is not varied");
        assertEquals(List.of(), Numerals.variants("Line 2 Gate 3"), "two numbers");
        assertEquals(List.of(), Numerals.variants("mix vi console"), "lower-case letters are words, not numerals");
        assertEquals(List.of(), Numerals.variants("Crane Link 21"));
    }
}
