package dev.opsuite.kit.grpc;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The stage services' private PKI, kept in one directory (0700): a CA ({@code ca.pem}, {@code ca.key})
 * and one certificate per identity ({@code <identity>.pem}, {@code <identity>.key}, keys 0600), each
 * good for TLS server and client authentication, with the loopback names and the configured hosts
 * as subject alternative names and the identity as CN. {@link #ensure} makes what is missing and
 * renews what expires within 30 days; an existing CA is kept, so copies of {@code ca.pem} handed to
 * other hosts stay valid. Keys are EC P-256. Certificates are built with Bouncy Castle.
 */
public final class StagePki {
    /** The identities a stage call may come from. */
    public static final List<String> IDENTITIES = List.of("gateway", "planner", "executor", "trace", "operator");
    private static final Duration CA_LIFE = Duration.ofDays(3650);
    private static final Duration LEAF_LIFE = Duration.ofDays(825);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private StagePki() {}

    public static Path cert(Path dir, String identity) {
        return dir.resolve(identity + ".pem");
    }

    public static Path key(Path dir, String identity) {
        return dir.resolve(identity + ".key");
    }

    public static Path ca(Path dir) {
        return dir.resolve("ca.pem");
    }

    /**
     * Makes the CA and every identity's certificate in {@code dir} where missing or expiring, with
     * {@code hosts} (names or IP literals) besides 127.0.0.1, ::1 and localhost in the names a
     * server certificate answers to. Returns the identities (re)issued.
     */
    public static List<String> ensure(Path dir, Collection<String> hosts) throws IOException {
        Files.createDirectories(dir);
        ownerOnly(dir, "rwx------");
        try {
            Instant now = Instant.now();
            boolean newCa = !Files.exists(ca(dir)) || !Files.exists(dir.resolve("ca.key"))
                    || expiresSoon(readCert(ca(dir)), now);
            KeyPair caKeys;
            X509Certificate caCert;
            if (newCa) {
                caKeys = ecKeys();
                X500Name name = new X500Name("CN=ops-stage-ca,O=ops");
                X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minusSeconds(60)),
                        Date.from(now.plus(CA_LIFE)), name, caKeys.getPublic());
                JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(caKeys.getPublic()));
                caCert = sign(b, caKeys.getPrivate());
                write(dir.resolve("ca.key"), pem("PRIVATE KEY", caKeys.getPrivate().getEncoded()), true);
                write(ca(dir), pem("CERTIFICATE", caCert.getEncoded()), false);
            } else {
                caCert = readCert(ca(dir));
                caKeys = new KeyPair(caCert.getPublicKey(), readKey(dir.resolve("ca.key")));
            }
            List<String> issued = new ArrayList<>();
            for (String id : IDENTITIES) {
                if (newCa || needsLeaf(dir, id, caCert, now)) {
                    issueLeaf(dir, id, caCert, caKeys.getPrivate(), names(hosts), now);
                    issued.add(id);
                }
            }
            return issued;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("could not make the stage certificates in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Set<String> names(Collection<String> hosts) {
        Set<String> all = new LinkedHashSet<>(List.of("127.0.0.1", "::1", "localhost"));
        hosts.stream().map(String::strip).filter(h -> !h.isEmpty()).forEach(all::add);
        return all;
    }

    private static boolean needsLeaf(Path dir, String id, X509Certificate ca, Instant now) {
        try {
            if (!Files.exists(key(dir, id)) || !Files.exists(cert(dir, id))) {
                return true;
            }
            X509Certificate c = readCert(cert(dir, id));
            c.verify(ca.getPublicKey());
            return expiresSoon(c, now);
        } catch (IOException | GeneralSecurityException e) {
            return true;
        }
    }

    private static void issueLeaf(Path dir, String id, X509Certificate caCert, PrivateKey caKey, Set<String> names,
                                  Instant now) throws GeneralSecurityException, IOException, OperatorCreationException {
        KeyPair keys = ecKeys();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caCert, serial(), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(LEAF_LIFE)), new X500Name("CN=" + id + ",O=ops"), keys.getPublic());
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
        List<GeneralName> san = new ArrayList<>();
        for (String n : names) {
            boolean ip = n.matches("[0-9.]+") || n.contains(":");
            san.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, n));
        }
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san.toArray(GeneralName[]::new)));
        X509Certificate cert = sign(b, caKey);
        write(key(dir, id), pem("PRIVATE KEY", keys.getPrivate().getEncoded()), true);
        write(cert(dir, id), pem("CERTIFICATE", cert.getEncoded()), false);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static boolean expiresSoon(X509Certificate c, Instant now) {
        return c.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE));
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    static X509Certificate readCert(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey readKey(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Writes files (name → bytes: ca.pem, ca.key, identity pairs) into {@code dir}, keys owner-only. */
    static void writeAll(Path dir, java.util.Map<String, byte[]> files) throws IOException {
        Files.createDirectories(dir);
        ownerOnly(dir, "rwx------");
        for (var e : files.entrySet()) {
            write(dir.resolve(e.getKey()), new String(e.getValue(), StandardCharsets.US_ASCII), e.getKey().endsWith(".key"));
        }
    }

    private static void write(Path file, String text, boolean secret) throws IOException {
        dev.opsuite.kit.config.DataFiles.writeAtomically(file, text.getBytes(StandardCharsets.US_ASCII), secret);
    }

    private static void ownerOnly(Path p, String perms) throws IOException {
        dev.opsuite.kit.config.DataFiles.permissions(p, perms);
    }
}
