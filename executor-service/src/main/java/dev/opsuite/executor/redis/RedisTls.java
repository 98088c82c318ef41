package dev.opsuite.executor.redis;

import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.OpsException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a Redis source's TLS connection decides whom to trust. With {@code connection.tls_ca_ref}
 * the server's chain must lead to the CA certificate(s) of that secret and nothing else (an
 * operator's private CA); without it, to a CA of the JDK's trust store. The server's name is checked
 * against the host connected to (endpoint identification HTTPS: an IP literal must be an IP SAN)
 * unless {@code tls_verify_hostname} is {@code false}, which the health check then says. Nothing
 * here trusts all, and nothing turns a check off without the asset saying so. With
 * {@code tls_cert_ref} and {@code tls_key_ref} (both or neither) the connection presents that client
 * certificate ({@link RedisClientCert}) to a server that asks for one (mutual TLS).
 *
 * <p>Why a secret and not a file path: references are the only way a value outside the asset reaches
 * a source, and a reference reads only OPS_SECRET_* variables or OPS_SECRETS_FILE entries — a path in
 * an asset would let its author make the executor read any file of its host. A secret carries PEM:
 * an environment variable may hold line breaks, and a properties entry writes them as {@code \n} or
 * continues its lines with a trailing backslash (which joins them; the Base64 between the markers is
 * read without regard to line breaks, so either form works). A CA certificate is not secret, but
 * going through the resolver also keeps it out of messages ({@code scrub}).
 */
final class RedisTls {
    /** The connection key a {@code tls_ca_ref} resolves to. */
    static final String CA = "tls_ca";
    static final String VERIFY_HOSTNAME = "tls_verify_hostname";
    /** A CA bundle is a few KiB; this bounds what is parsed. */
    private static final int MAX_PEM_CHARS = 256 * 1024;
    private static final int MAX_CERTIFICATES = 32;
    private static final Pattern ALERT = Pattern.compile("Received fatal alert: ([a-z_]+)");
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);

    /**
     * What a TLS connection uses; {@code factory} null: the JDK's default (its trust store, no client
     * certificate); {@code client} null: no client certificate is presented.
     */
    record Settings(SSLSocketFactory factory, SSLParameters parameters, String trust, boolean verifyHostname,
                    RedisClientCert client) {
        /** For the health check: how the server is checked and what this side presents (secrets' names only). */
        String describe() {
            return "over TLS (server certificate checked against " + trust + "; host name "
                    + (verifyHostname ? "verified" : "NOT verified: tls_verify_hostname is false") + "), "
                    + (client == null ? "no client certificate presented" : client.describe());
        }
    }

    private RedisTls() {}

    /**
     * The settings of a connection ({@code conn}: its members with references resolved); empty when
     * it is not TLS. A CA or host-name member on a connection without TLS is refused: its author
     * believes the connection is encrypted.
     */
    static Optional<Settings> of(String source, SourceAsset.Connection connection, Map<String, String> conn,
                                 boolean tls) {
        String caRef = connection.refs().get(CA);
        String certRef = connection.refs().get(RedisClientCert.CERT);
        String keyRef = connection.refs().get(RedisClientCert.KEY);
        String verify = conn.get(VERIFY_HOSTNAME);
        if (!tls) {
            String given = caRef != null ? CA + "_ref" : certRef != null ? RedisClientCert.CERT + "_ref"
                    : keyRef != null ? RedisClientCert.KEY + "_ref" : verify != null ? VERIFY_HOSTNAME : null;
            if (given != null) {
                throw OpsException.invalid("source " + source + ": connection." + given + " is given but the "
                        + "connection is not TLS (connection.tls true, or a rediss:// URI)");
            }
            return Optional.empty();
        }
        if ((certRef == null) != (keyRef == null)) {
            throw OpsException.invalid("source " + source + ": connection." + RedisClientCert.CERT + "_ref and "
                    + RedisClientCert.KEY + "_ref go together (a client certificate and its key): give both or neither");
        }
        boolean verifyHostname = verify == null || verify.isBlank() || bool(source, verify);
        SSLParameters parameters = new SSLParameters();
        if (verifyHostname) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        RedisClientCert client = certRef == null ? null : RedisClientCert.of(source, certRef,
                conn.get(RedisClientCert.CERT), keyRef, conn.get(RedisClientCert.KEY));
        if (caRef == null) {
            return Optional.of(new Settings(client == null ? null : factory(source, null, client), parameters,
                    "the JDK's trust store", verifyHostname, client));
        }
        List<X509Certificate> cas = certificates(source, CA + "_ref", caRef, conn.get(CA));
        return Optional.of(new Settings(factory(source, cas, client), parameters,
                "the CA certificate of secret '" + caRef + "'", verifyHostname, client));
    }

    private static boolean bool(String source, String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw OpsException.invalid("source " + source + ": connection." + VERIFY_HOSTNAME
                    + " must be true or false");
        };
    }

    /** The certificates of a PEM text; the errors name the reference, never the text. */
    static List<X509Certificate> certificates(String source, String member, String ref, String pem) {
        String where = "source " + source + ": connection." + member + " names secret '" + ref + "', which ";
        if (pem == null || pem.length() > MAX_PEM_CHARS) {
            throw OpsException.invalid(where + "is larger than " + MAX_PEM_CHARS / 1024 + " KiB");
        }
        if (pem.contains("PRIVATE KEY-----")) {
            throw OpsException.invalid(where + "holds a private key; give it the CA certificate only");
        }
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            while (m.find() && out.size() < MAX_CERTIFICATES) {
                // escaped line breaks ("\n" written in a variable) and whitespace are not Base64
                String body = m.group(1).replace("\\n", "").replace("\\r", "").replaceAll("\\s", "");
                out.add((X509Certificate) x509.generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(body))));
            }
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            throw OpsException.invalid(where + "holds a PEM block that is not an X.509 certificate");
        }
        if (out.isEmpty()) {
            throw OpsException.invalid(where + "holds no PEM certificate (-----BEGIN CERTIFICATE----- … "
                    + "-----END CERTIFICATE-----)");
        }
        return out;
    }

    /**
     * A socket factory whose only trust anchors are {@code cas} (null: the JDK's trust store), presenting
     * {@code client}'s certificate when the server asks for one (null: none).
     */
    private static SSLSocketFactory factory(String source, List<X509Certificate> cas, RedisClientCert client) {
        try {
            TrustManager[] trust = null; // the JDK's default
            if (cas != null) {
                KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
                anchors.load(null, null);
                for (int i = 0; i < cas.size(); i++) {
                    anchors.setCertificateEntry("ca-" + i, cas.get(i));
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(anchors);
                trust = tmf.getTrustManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(client == null ? null : new KeyManager[] {client.keyManager()}, trust, null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw OpsException.invalid("source " + source + ": the " + (cas == null ? "client" : "CA")
                    + " certificate cannot be used for TLS: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Why a handshake failed, in words (the JDK's messages name its internal classes), or empty when
     * {@code e} is not a TLS failure.
     */
    static Optional<String> handshakeFailure(Throwable e, Settings settings, String host) {
        SSLException ssl = null;
        boolean untrusted = false;
        boolean wrongName = false;
        for (Throwable c = e; c != null; c = c.getCause()) {
            ssl = ssl == null && c instanceof SSLException s ? s : ssl;
            untrusted |= c instanceof CertPathBuilderException || c instanceof CertPathValidatorException;
            wrongName |= c instanceof CertificateException && c.getMessage() != null
                    && c.getMessage().toLowerCase(Locale.ROOT).matches(".*(subject alternative|no name matching).*");
        }
        if (ssl == null) {
            return Optional.empty();
        }
        String trust = settings == null ? "the trusted CAs" : settings.trust();
        Matcher alert = ALERT.matcher(ssl.getMessage() == null ? "" : ssl.getMessage());
        if (alert.find()) { // the server's word: said in ours, about the client certificate it asked for
            Optional<String> said = clientAlert(alert.group(1), settings == null ? null : settings.client());
            if (said.isPresent()) {
                return said;
            }
        }
        if (untrusted) {
            return Optional.of("the server's certificate is not signed by " + trust);
        }
        if (wrongName) {
            return Optional.of("the server's certificate does not name the host " + host
                    + " (connection.tls_verify_hostname)");
        }
        return Optional.of(ssl.getMessage() == null ? ssl.getClass().getSimpleName() : ssl.getMessage());
    }

    /**
     * A fatal alert the server sent about the client's certificate (TLS 1.3 servers send it after the
     * client's side of the handshake is done, so it arrives on the first read), or empty for another.
     */
    private static Optional<String> clientAlert(String alert, RedisClientCert client) {
        if (client == null) {
            return switch (alert) {
                case "certificate_required" -> Optional.of("the server requires a client certificate; set "
                        + "tls_cert_ref/tls_key_ref (alert " + alert + ")");
                case "handshake_failure" -> Optional.of("the server ended the handshake (alert handshake_failure); "
                        + "if it requires a client certificate, set tls_cert_ref/tls_key_ref");
                default -> Optional.empty();
            };
        }
        String cert = "the client certificate of secret '" + client.certRef() + "'";
        return switch (alert) {
            case "unknown_ca" -> Optional.of("the server refused " + cert + ": it is not signed by a CA the server "
                    + "trusts (alert unknown_ca)");
            case "bad_certificate", "certificate_unknown", "unsupported_certificate", "certificate_expired",
                    "certificate_revoked", "access_denied", "decrypt_error" ->
                    Optional.of("the server refused " + cert + " (alert " + alert + ")");
            case "certificate_required" -> Optional.of("the server requires a client certificate and did not take "
                    + cert + " (alert certificate_required)");
            default -> Optional.empty();
        };
    }
}
