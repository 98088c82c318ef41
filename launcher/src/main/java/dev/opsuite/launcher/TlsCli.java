package dev.opsuite.launcher;

import dev.opsuite.kit.grpc.StagePki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * `./ops tls DIR [HOST...]`: makes the stage services' private PKI in DIR — the CA and each identity's
 * certificate and key, as the all-in-one makes in $OPS_DATA_DIR/tls — with HOST (names or IPs) in the
 * names the server certificates answer to, besides 127.0.0.1, ::1 and localhost. For services run apart
 * (Kubernetes: the stage Services' names, deploy/k8s/README.md), where each process gets ca.pem and its
 * own identity's pair through OPS_STAGE_TLS_DIR. Certificates already in DIR and still valid are kept
 * as they are, names included: a new set of host names needs a new DIR.
 */
public final class TlsCli {
    private TlsCli() {}

    public static void main(String[] args) {
        if (args.length < 1 || args[0].startsWith("-")) {
            System.err.println("usage: ops tls DIR [HOST...]   (the stage CA and identities, with HOST in the server names)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        List<String> hosts = Arrays.asList(args).subList(1, args.length);
        boolean existed = Files.exists(StagePki.ca(dir));
        try {
            List<String> issued = StagePki.ensure(dir, hosts);
            System.out.println((existed ? "kept the CA in " : "made a new CA in ") + dir + "; issued: "
                    + (issued.isEmpty() ? "nothing (every identity valid; names unchanged)" : String.join(", ", issued))
                    + (issued.isEmpty() || hosts.isEmpty() ? "" : "; server names: 127.0.0.1, ::1, localhost, "
                    + String.join(", ", hosts)));
            System.out.println("identities: " + String.join(", ", StagePki.IDENTITIES)
                    + " (each <identity>.pem + <identity>.key; ca.key stays with you, never in a pod)");
        } catch (IOException | RuntimeException e) {
            System.err.println("ops tls: " + e.getMessage());
            System.exit(1);
        }
    }
}
