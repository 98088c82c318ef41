package dev.opsuite.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.ResolvedAsset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Assets by reference: fetched once per version, status from the request, never another asset's content. */
class AssetContentsTest {
    private static ResolvedAsset policy(int version, String status, int maxDepth) {
        return ResolvedAsset.newBuilder().setAssetType("policy").setName("ci_policy").setVersion(version)
                .setStatus(status).setContent(Struct.newBuilder().putFields("max_depth",
                        Value.newBuilder().setNumberValue(maxDepth).build())).build();
    }

    private static ResolvedAsset ref(ResolvedAsset a) {
        return a.toBuilder().clearContent().build();
    }

    @Test
    void aVersionIsFetchedOnceAndTheRequestsStatusIsKept() {
        AtomicInteger calls = new AtomicInteger();
        AssetContents contents = new AssetContents(Optional.of((type, name, version) -> {
            calls.incrementAndGet();
            return policy(version, "published", version * 10);
        }));
        AssetBundle first = contents.bundle(List.of(ref(policy(2, "draft", 0))));
        AssetBundle second = contents.bundle(List.of(ref(policy(2, "published", 0))));
        assertEquals(1, calls.get());
        assertEquals(20, first.content("policy").path("max_depth").asInt());
        assertEquals("ci_policy@2(draft)", first.require("policy").ref());
        assertEquals("ci_policy@2", second.require("policy").ref());
        assertSame(first.content("policy"), second.content("policy"));
        contents.bundle(List.of(ref(policy(3, "published", 0))));
        assertEquals(2, calls.get(), "another version is another fetch");
    }

    @Test
    void contentInTheRequestWinsAndNeedsNoRegistry() {
        AssetContents contents = new AssetContents(Optional.empty());
        assertEquals(7, contents.bundle(List.of(policy(1, "published", 7))).content("policy").path("max_depth").asInt());
        OpsException e = assertThrows(OpsException.class, () -> contents.bundle(List.of(ref(policy(1, "published", 7)))));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("no asset registry"), e.getMessage());
        OpsException noVersion = assertThrows(OpsException.class,
                () -> contents.bundle(List.of(ref(policy(0, "published", 7)))));
        assertTrue(noVersion.getMessage().contains("no version"), noVersion.getMessage());
    }

    @Test
    void aRegistryAnsweringAnotherVersionIsRefused() {
        AssetContents contents = new AssetContents(Optional.of((type, name, version) -> policy(version + 1, "published", 1)));
        OpsException e = assertThrows(OpsException.class, () -> contents.bundle(List.of(ref(policy(4, "published", 0)))));
        assertEquals(ErrorCode.UNAVAILABLE, e.code());
    }
}
