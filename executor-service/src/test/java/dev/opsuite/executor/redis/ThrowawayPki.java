package dev.opsuite.executor.redis;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
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
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throwaway CA and server certificates it signs, made per test run (EC P-256, Bouncy Castle), as PEM. */
final class ThrowawayPki {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final KeyPair caKeys;
    private final X509Certificate ca;

    ThrowawayPki(String name) throws Exception {
        caKeys = keys();
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=" + name), serial(),
                Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(86_400)), new X500Name("CN=" + name),
                caKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        ca = sign(b);
    }

    String caPem() throws Exception {
        return pem("CERTIFICATE", ca.getEncoded());
    }

    /** Writes {@code <stem>.pem} (the server's certificate with {@code names} as SANs) and {@code <stem>.key}. */
    Path[] server(Path dir, String stem, List<String> names) throws Exception {
        KeyPair k = keys();
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, serial(), Date.from(now.minusSeconds(60)),
                Date.from(now.plusSeconds(86_400)), new X500Name("CN=" + stem), k.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.stream()
                .map(n -> new GeneralName(n.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, n))
                .toArray(GeneralName[]::new)));
        Path cert = dir.resolve(stem + ".pem");
        Path key = dir.resolve(stem + ".key");
        Files.writeString(cert, pem("CERTIFICATE", sign(b).getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", k.getPrivate().getEncoded()));
        return new Path[] {cert, key};
    }

    /** A client certificate this CA signs (CN {@code cn}, extended key usage clientAuth) and its PKCS#8 key, as PEM. */
    String[] client(String cn) throws Exception {
        KeyPair k = keys();
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, serial(), Date.from(now.minusSeconds(60)),
                Date.from(now.plusSeconds(86_400)), new X500Name("CN=" + cn), k.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        return new String[] {pem("CERTIFICATE", sign(b).getEncoded()), pem("PRIVATE KEY", k.getPrivate().getEncoded())};
    }

    /** A server's TLS context with a certificate this CA signs for {@code names} (an in-process TLS server). */
    javax.net.ssl.SSLContext serverContext(List<String> names) throws Exception {
        Path tmp = Files.createTempDirectory("pki");
        try {
            Path[] files = server(tmp, "server", names);
            java.security.cert.Certificate cert = java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(Files.newInputStream(files[0]));
            String pem = Files.readString(files[1]);
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(pem.indexOf("-----\n") + 6,
                    pem.indexOf("-----END")));
            PrivateKey key = java.security.KeyFactory.getInstance("EC")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, new char[0], new java.security.cert.Certificate[] {cert});
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, new char[0]);
            javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } finally {
            for (String f : List.of("server.pem", "server.key")) {
                Files.deleteIfExists(tmp.resolve(f));
            }
            Files.deleteIfExists(tmp);
        }
    }

    /** A client's socket factory trusting this CA only (the test's admin connection). */
    javax.net.ssl.SSLSocketFactory clientFactory() throws Exception {
        java.security.KeyStore anchors = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", ca);
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(anchors);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }

    Path writeCa(Path dir, String file) throws Exception {
        return Files.writeString(dir.resolve(file), caPem());
    }

    private X509Certificate sign(X509v3CertificateBuilder b) throws Exception {
        PrivateKey key = caKeys.getPrivate();
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA")
                .build(key)));
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
