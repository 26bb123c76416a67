package org.brevet.bench;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Security;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one issuance must cost at the least, measured with the best provider per algorithm: building and
 * signing a leaf certificate with the CA key (six extensions, as the shipped server profiles issue) and
 * verifying one CSR signature (the proof of possession every enrollment needs).
 */
@State(Scope.Thread)
public class LimitBenchmark {
    @Param("ec:p256")
    public String caKey;

    @Param("ec:p256")
    public String csrKey;

    private KeyChoice ca;
    private KeyPair caPair;
    private X500Name caName;
    private JcaX509ExtensionUtils extensionUtils;
    private byte[] csrDer;
    private KeyChoice csr;
    private java.security.PublicKey subjectKey;
    private final SecureRandom random = new SecureRandom();

    @Setup
    public void setUp() throws Exception {
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        ca = KeyChoice.parse(caKey);
        csr = KeyChoice.parse(csrKey);
        caPair = ca.generate();
        caName = new X500Name("CN=Bench CA,O=Brevet");
        extensionUtils = new JcaX509ExtensionUtils();
        KeyPair subject = csr.generate();
        subjectKey = subject.getPublic();
        PKCS10CertificationRequest req = new JcaPKCS10CertificationRequestBuilder(
                new X500Name("CN=bench.example.com"), subject.getPublic())
                .build(new JcaContentSignerBuilder(csr.signatureAlgorithm).setProvider(csr.provider()).build(subject.getPrivate()));
        csrDer = req.getEncoded();
    }

    @Benchmark
    public byte[] issue() throws Exception {
        Instant now = Instant.now();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(caName, new BigInteger(127, random),
                Date.from(now), Date.from(now.plus(90, ChronoUnit.DAYS)), new X500Name("CN=bench.example.com"), subjectKey)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                .addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, "bench.example.com")))
                .addExtension(Extension.authorityKeyIdentifier, false, extensionUtils.createAuthorityKeyIdentifier(caPair.getPublic()))
                .addExtension(Extension.subjectKeyIdentifier, false, extensionUtils.createSubjectKeyIdentifier(subjectKey));
        ContentSigner signer = new JcaContentSignerBuilder(ca.signatureAlgorithm).setProvider(ca.provider()).build(caPair.getPrivate());
        return b.build(signer).getEncoded();
    }

    /**
     * What checking a CSR's proof of possession must cost: parse the DER, decode its public key, verify the
     * signature over the CertificationRequestInfo (the fastest provider; no per-call provider look-ups).
     */
    @Benchmark
    public boolean verifyCsr() throws Exception {
        PKCS10CertificationRequest req = new PKCS10CertificationRequest(csrDer);
        java.security.PublicKey key = java.security.KeyFactory.getInstance(csr.algorithm, csr.isEc() ? "BC" : "SunRsaSign")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(req.getSubjectPublicKeyInfo().getEncoded()));
        java.security.Signature s = java.security.Signature.getInstance(csr.signatureAlgorithm, csr.provider());
        s.initVerify(key);
        s.update(req.toASN1Structure().getCertificationRequestInfo().getEncoded("DER"));
        return s.verify(req.getSignature());
    }
}
