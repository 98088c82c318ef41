package dev.opsuite.trace.grpc;

import dev.opsuite.kit.grpc.Unary;
import dev.opsuite.proto.v1.FetchGoldenQueryRequest;
import dev.opsuite.proto.v1.FetchGoldenQueryResponse;
import dev.opsuite.proto.v1.GoldenServiceGrpc;
import dev.opsuite.proto.v1.RecordRegressionRunRequest;
import dev.opsuite.proto.v1.RecordRegressionRunResponse;
import dev.opsuite.proto.v1.RemoveGoldenQueryRequest;
import dev.opsuite.proto.v1.RemoveGoldenQueryResponse;
import dev.opsuite.proto.v1.SaveGoldenQueryRequest;
import dev.opsuite.proto.v1.SaveGoldenQueryResponse;
import dev.opsuite.proto.v1.SearchGoldenQueriesRequest;
import dev.opsuite.proto.v1.SearchGoldenQueriesResponse;
import dev.opsuite.proto.v1.SearchRegressionRunsRequest;
import dev.opsuite.proto.v1.SearchRegressionRunsResponse;
import dev.opsuite.trace.golden.GoldenQueries;
import io.grpc.stub.StreamObserver;

/** Thin gRPC layer over {@link GoldenQueries}. */
public final class GoldenGrpcService extends GoldenServiceGrpc.GoldenServiceImplBase {
    private final GoldenQueries golden;

    public GoldenGrpcService(GoldenQueries golden) {
        this.golden = golden;
    }

    @Override
    public void saveGoldenQuery(SaveGoldenQueryRequest r, StreamObserver<SaveGoldenQueryResponse> o) {
        Unary.respond(o, () -> SaveGoldenQueryResponse.newBuilder().setQuery(golden.save(r.getQuery())).build());
    }

    @Override
    public void searchGoldenQueries(SearchGoldenQueriesRequest r, StreamObserver<SearchGoldenQueriesResponse> o) {
        Unary.respond(o, () -> SearchGoldenQueriesResponse.newBuilder()
                .addAllQueries(golden.search(r.getTag(), r.getBoundAsset(), r.getLimit())).build());
    }

    @Override
    public void fetchGoldenQuery(FetchGoldenQueryRequest r, StreamObserver<FetchGoldenQueryResponse> o) {
        Unary.respond(o, () -> FetchGoldenQueryResponse.newBuilder().setQuery(golden.fetch(r.getQueryId())).build());
    }

    @Override
    public void removeGoldenQuery(RemoveGoldenQueryRequest r, StreamObserver<RemoveGoldenQueryResponse> o) {
        Unary.respond(o, () -> {
            golden.remove(r.getQueryId());
            return RemoveGoldenQueryResponse.getDefaultInstance();
        });
    }

    @Override
    public void recordRegressionRun(RecordRegressionRunRequest r, StreamObserver<RecordRegressionRunResponse> o) {
        Unary.respond(o, () -> RecordRegressionRunResponse.newBuilder().setRun(golden.record(r.getRun())).build());
    }

    @Override
    public void searchRegressionRuns(SearchRegressionRunsRequest r, StreamObserver<SearchRegressionRunsResponse> o) {
        Unary.respond(o, () -> SearchRegressionRunsResponse.newBuilder()
                .addAllRuns(golden.runs(r.getQueryId(), r.getLimit())).build());
    }
}
