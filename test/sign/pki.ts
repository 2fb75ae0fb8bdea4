import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

/**
 * A throw-away PKI for the signing tests: a CA and end-entity certificates made with node-forge
 * (keys from Node's crypto, which is fast), packed as PKCS#12 files like a CA's export tool.
 */

export interface Issued {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
  pem: string;
}

function keyPair(): { key: forge.pki.rsa.PrivateKey; pub: forge.pki.rsa.PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    key: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }) as string) as forge.pki.rsa.PrivateKey,
    pub: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }) as string) as forge.pki.rsa.PublicKey,
  };
}

let serial = 1;

export function makeCa(cn = 'Baocao Test CA'): Issued {
  const { key, pub } = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = pub;
  cert.serialNumber = `1${(serial++).toString(16).padStart(7, '0')}`; // DER INTEGER: no leading zero byte, positive
  cert.validity.notBefore = new Date(Date.now() - 86400_000 * 30);
  cert.validity.notAfter = new Date(Date.now() + 86400_000 * 365);
  const attrs = [{ name: 'commonName', value: cn }, { name: 'organizationName', value: 'Test' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { cert, key, pem: forge.pki.certificateToPem(cert) };
}

export interface LeafOptions {
  cn: string;
  o?: string;
  notBefore?: Date;
  notAfter?: Date;
  /** Key usages; default digitalSignature + nonRepudiation. */
  keyUsage?: { digitalSignature?: boolean; nonRepudiation?: boolean; keyEncipherment?: boolean };
}

export function issue(ca: Issued, o: LeafOptions): Issued {
  const { key, pub } = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = pub;
  cert.serialNumber = `1${(serial++).toString(16).padStart(7, '0')}`; // DER INTEGER: no leading zero byte, positive
  cert.validity.notBefore = o.notBefore ?? new Date(Date.now() - 86400_000);
  cert.validity.notAfter = o.notAfter ?? new Date(Date.now() + 86400_000 * 90);
  // UTF8String, as Vietnamese CAs issue names with diacritics (forge encodes the value itself).
  const subject = [
    { name: 'commonName', value: o.cn, valueTagClass: forge.asn1.Type.UTF8 },
    ...(o.o ? [{ name: 'organizationName', value: o.o, valueTagClass: forge.asn1.Type.UTF8 }] : []),
  ];
  cert.setSubject(subject as forge.pki.CertificateField[]);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, ...(o.keyUsage ?? { digitalSignature: true, nonRepudiation: true }) },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.cert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(ca.key, forge.md.sha256.create());
  return { cert, key, pem: forge.pki.certificateToPem(cert) };
}

/** A PKCS#12 file holding the key, the certificate and the CA. */
export function p12(leaf: Issued, ca: Issued, password: string): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(leaf.key, [leaf.cert, ca.cert], password, { algorithm: '3des', friendlyName: 'signer' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
