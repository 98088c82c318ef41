package dev.opsuite.executor.redis;

import dev.opsuite.model.errors.OpsException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The client certificate a Redis source presents (mutual TLS): the certificate chain of the secret
 * {@code tls_cert_ref} names and the PKCS#8 private key of the secret {@code tls_key_ref} names, both
 * PEM, both secrets (never file paths, as {@code tls_ca_ref}: an asset cannot make the executor read a
 * file of its host). The key is checked against the certificate before any connection, so that a
 * mismatched pair is said as such rather than as a handshake the server ends without a reason.
 *
 * <p>The key manager presents this one certificate whatever CA names the server lists: a server that
 * trusts another CA then refuses it with its own alert (unknown_ca), which is the honest error — the
 * JDK's default key manager would silently send none and the server would say only that it wanted one.
 */
final class RedisClientCert {
    static final String CERT = "tls_cert";
    static final String KEY = "tls_key";
    private static final int MAX_KEY_CHARS = 64 * 1024;
    private static final String ALIAS = "source-client";
    private static final Pattern KEY_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----(.*?)-----END \\1PRIVATE KEY-----", Pattern.DOTALL);

    private final List<X509Certificate> chain;
    private final PrivateKey key;
    private final String certRef;

    private RedisClientCert(List<X509Certificate> chain, PrivateKey key, String certRef) {
        this.chain = chain;
        this.key = key;
        this.certRef = certRef;
    }

    /** The pair from two resolved secrets; every error names the references, never the PEM. */
    static RedisClientCert of(String source, String certRef, String certPem, String keyRef, String keyPem) {
        if (certPem != null && certPem.contains("PRIVATE KEY-----")) {
            throw OpsException.invalid("source " + source + ": connection." + CERT + "_ref names secret '" + certRef
                    + "', which holds a private key; give it the certificate only and the key to " + KEY + "_ref");
        }
        List<X509Certificate> chain = RedisTls.certificates(source, CERT + "_ref", certRef, certPem);
        PrivateKey key = key(source, keyRef, keyPem, certRef, chain.get(0));
        return new RedisClientCert(chain, key, certRef);
    }

    private static PrivateKey key(String source, String ref, String pem, String certRef, X509Certificate cert) {
        String where = "source " + source + ": connection." + KEY + "_ref names secret '" + ref + "', which ";
        if (pem == null || pem.length() > MAX_KEY_CHARS) {
            throw OpsException.invalid(where + "is larger than " + MAX_KEY_CHARS / 1024 + " KiB");
        }
        Matcher m = KEY_BLOCK.matcher(pem);
        if (!m.find()) {
            throw OpsException.invalid(where + "holds no PEM private key (-----BEGIN PRIVATE KEY----- … "
                    + "-----END PRIVATE KEY-----, PKCS#8)");
        }
        String label = m.group(1).trim();
        if (!label.isEmpty()) { // RSA (PKCS#1), EC (SEC 1), ENCRYPTED, OPENSSH …: said, never guessed at
            throw OpsException.invalid(where + "holds a '" + label + " PRIVATE KEY', which is not a supported key "
                    + "format: give an unencrypted PKCS#8 key (BEGIN PRIVATE KEY), e.g. openssl pkcs8 -topk8 -nocrypt "
                    + "-in key.pem");
        }
        String algorithm = cert.getPublicKey().getAlgorithm();
        PrivateKey key;
        try {
            byte[] der = Base64.getDecoder().decode(m.group(2).replace("\\n", "").replace("\\r", "")
                    .replaceAll("\\s", ""));
            key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw OpsException.invalid(where + "does not hold a PKCS#8 " + algorithm + " private key (the "
                    + "certificate's key type): not a supported key format, or another kind of key");
        }
        if (!belongs(key, cert)) {
            throw OpsException.invalid(where + "holds a key that does not belong to the certificate of secret '"
                    + certRef + "' (" + CERT + "_ref): they are not a pair");
        }
        return key;
    }

    /** Signs a few bytes with the key and verifies them with the certificate's public key. */
    private static boolean belongs(PrivateKey key, X509Certificate cert) {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return true; // a type the JDK signs otherwise: the handshake decides
        }
        try {
            byte[] probe = "ops redis client certificate".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(probe);
            byte[] signature = s.sign();
            Signature v = Signature.getInstance(algorithm);
            v.initVerify(cert.getPublicKey());
            v.update(probe);
            return v.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** For the health check: which certificate is presented (a secret's name, the subject, the end of validity). */
    String describe() {
        X509Certificate c = chain.get(0);
        return "client certificate of secret '" + certRef + "' presented (" + c.getSubjectX500Principal().getName()
                + ", valid until " + c.getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDate() + ")";
    }

    String certRef() {
        return certRef;
    }

    /** Always this certificate, whatever issuers the server names (see the class comment). */
    X509ExtendedKeyManager keyManager() {
        return new X509ExtendedKeyManager() {
            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return new String[] {ALIAS};
            }

            @Override
            public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
                return ALIAS;
            }

            @Override
            public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
                return ALIAS;
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return null;
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                return null;
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return ALIAS.equals(alias) ? chain.toArray(X509Certificate[]::new) : null;
            }

            @Override
            public PrivateKey getPrivateKey(String alias) {
                return ALIAS.equals(alias) ? key : null;
            }
        };
    }
}
