import { createHash, createPrivateKey, sign as cryptoSign } from 'node:crypto';
import forge from 'node-forge';

/**
 * The CMS SignedData of a PAdES baseline B-B signature (ETSI EN 319 142-1 §6.3, CAdES EN 319 122-1
 * §5.2): detached (no encapsulated content), SHA-256, and exactly three signed attributes:
 * content-type, message-digest and ESS signing-certificate-v2. PAdES forbids the CMS signing-time
 * attribute (the time goes in the signature dictionary's /M), which is why this is built here from
 * node-forge's ASN.1 layer instead of forge.pkcs7, whose signer always adds signing-time when asked
 * for attributes and cannot add signing-certificate-v2.
 */

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

const seq = (items: Asn1[]): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (items: Asn1[]): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oid = (o: string): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(o).getBytes());
const int = (n: number): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const octets = (b: Buffer): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, b.toString('binary'));
const nul = (): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
const explicit = (tag: number, items: Asn1[]): Asn1 => asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, items);
const der = (a: Asn1): Buffer => Buffer.from(asn1.toDer(a).getBytes(), 'binary');
const fromDer = (b: Buffer): Asn1 => asn1.fromDer(forge.util.createBuffer(b.toString('binary')));
const algorithm = (o: string, withNull: boolean): Asn1 => seq(withNull ? [oid(o), nul()] : [oid(o)]);

/** SET OF in DER: the elements sorted by their encodings (X.690 §11.6). */
function derSet(items: Asn1[]): Asn1 {
  const sorted = items.map(der).sort(Buffer.compare).map(fromDer);
  return set(sorted);
}

export interface CmsSigner {
  /** The signer's certificate (DER). */
  certificate: Buffer;
  /** Certificates of the chain the PKCS#12 carried, signer's issuer first (DER). */
  chain: Buffer[];
  /** The private key in PKCS#8 DER. */
  privateKey: Buffer;
}

/** The certificate's issuer Name and serialNumber, as DER elements of its TBSCertificate. */
function issuerAndSerial(certificate: Buffer): { issuer: Asn1; serial: Asn1 } {
  const cert = fromDer(certificate);
  const tbs = (cert.value as Asn1[])[0]!;
  const fields = tbs.value as Asn1[];
  // TBSCertificate: [0] version (optional), serialNumber, signature, issuer, …
  const first = fields[0]!;
  const at = first.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return { serial: fields[at]!, issuer: fields[at + 2]! };
}

/** Signed attributes, as the SET that is both signed and stored (as [0] IMPLICIT) in SignerInfo. */
export function signedAttributes(contentDigest: Buffer, certificate: Buffer): Asn1[] {
  const { issuer, serial } = issuerAndSerial(certificate);
  // ESSCertIDv2 with the default hashAlgorithm (SHA-256) left out, as DER requires, and
  // issuerSerial present (CAdES EN 319 122-1 §5.2.2.3 wants it).
  const essCertId = seq([
    octets(createHash('sha256').update(certificate).digest()),
    seq([seq([explicit(4, [issuer])]), serial]),
  ]);
  return [
    seq([oid(OID.contentType), set([oid(OID.data)])]),
    seq([oid(OID.messageDigest), set([octets(contentDigest)])]),
    seq([oid(OID.signingCertificateV2), set([seq([seq([essCertId])])])]),
  ];
}

/** The DER ContentInfo(SignedData) of a detached signature over bytes whose SHA-256 is `contentDigest`. */
export function buildCms(contentDigest: Buffer, signer: CmsSigner): Buffer {
  const attrs = signedAttributes(contentDigest, signer.certificate);
  const attrSet = derSet(attrs);
  // RFC 5652 §5.4: the signature covers the attributes' DER with the SET OF tag, not [0].
  const key = createPrivateKey({ key: signer.privateKey, format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`unsupported key type ${key.asymmetricKeyType ?? '?'}`);
  const signature = cryptoSign('sha256', der(attrSet), key);
  const { issuer, serial } = issuerAndSerial(signer.certificate);
  const signedAttrs = fromDer(der(attrSet));
  // [0] IMPLICIT SET: same content, context tag 0.
  signedAttrs.tagClass = asn1.Class.CONTEXT_SPECIFIC;
  signedAttrs.type = 0;

  const signerInfo = seq([
    int(1),
    seq([issuer, serial]),
    algorithm(OID.sha256, false),
    signedAttrs,
    algorithm(OID.rsaEncryption, true),
    octets(signature),
  ]);
  const certs = [signer.certificate, ...signer.chain].map(fromDer);
  const signedData = seq([
    int(1),
    set([algorithm(OID.sha256, false)]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certs),
    set([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), explicit(0, [signedData])]));
}
