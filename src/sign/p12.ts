import forge from 'node-forge';
import { InvalidDataError } from '../messages/errors.js';
import { signMessages as m } from '../messages/sign.js';
import { say } from '../messages/types.js';
import type { CmsSigner } from './cms.js';

/**
 * The signer's software certificate: a PKCS#12 file (.p12/.pfx) read with node-forge, which opens
 * both the current OpenSSL 3 form (PBES2, AES-256, HMAC-SHA-256) and the legacy 3DES/RC2 form the
 * tokens' export tools still write. Checked before anything is signed: the password, the validity
 * period at the signing time, and the key usage.
 */

export interface SignerIdentity extends CmsSigner {
  /** Common name of the subject ("Nguyễn Văn A"). */
  name: string;
  /** Organisation of the subject, when the certificate states one. */
  organisation?: string;
  notBefore: Date;
  notAfter: Date;
}

const toDer = (a: forge.asn1.Asn1): Buffer => Buffer.from(forge.asn1.toDer(a).getBytes(), 'binary');

/**
 * The certificate's DER as issued: forge.pki.certificateToAsn1 re-encodes the fields (a string type
 * may change and the issuer's signature would no longer match), so the original TBSCertificate node
 * forge keeps is reused, with the signature algorithm it states and the signature value.
 */
function certificateDer(cert: forge.pki.Certificate): Buffer {
  const { asn1 } = forge;
  const tbs = (cert as unknown as { tbsCertificate: forge.asn1.Asn1 }).tbsCertificate;
  const fields = tbs.value as forge.asn1.Asn1[];
  const at = fields[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const signatureAlgorithm = fields[at + 1]!;
  const signature = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, `\u0000${cert.signature as string}`);
  return toDer(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [tbs, signatureAlgorithm, signature]));
}

function attribute(cert: forge.pki.Certificate, shortName: string): string | undefined {
  const value = cert.subject.getField(shortName)?.value as string | undefined;
  // forge keeps UTF8String values as UTF-8 bytes in a binary string.
  if (value === undefined) return undefined;
  try {
    return forge.util.decodeUtf8(value).normalize('NFC');
  } catch {
    return value.normalize('NFC');
  }
}

/** Open the PKCS#12 and check the certificate for a signature made at `at`. */
export function readP12(file: string, bytes: Buffer, password: string, at: Date): SignerIdentity {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const parsed = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(parsed, false, password);
  } catch (e) {
    const message = (e as Error).message;
    const wrongPassword = /Invalid password|MAC could not be verified|decrypt/i.test(message);
    const error = new InvalidDataError((l) => say(l, wrongPassword ? m.wrongPassword : m.notP12, file));
    error.cause = e;
    throw error;
  }
  const bags = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag!), ...bags(forge.pki.oids.keyBag!)];
  const certBags = bags(forge.pki.oids.certBag!);
  const keyBag = keyBags.find((b) => b.key);
  if (!keyBag?.key) throw new InvalidDataError((l) => say(l, m.noKey, file));
  const key = keyBag.key as forge.pki.rsa.PrivateKey;
  const certs = certBags.flatMap((b): forge.pki.Certificate[] => (b.cert ? [b.cert] : []));
  // The signer's certificate is the one whose public key matches the private key.
  const mine = certs.find((c) => (c.publicKey as forge.pki.rsa.PublicKey).n?.equals(key.n));
  if (!mine) throw new InvalidDataError((l) => say(l, m.noCertificate, file));
  const chain = certs.filter((c) => c !== mine);

  const name = attribute(mine, 'CN') ?? '';
  const organisation = attribute(mine, 'O');
  const { notBefore, notAfter } = mine.validity;
  if (at < notBefore) throw new InvalidDataError((l) => say(l, m.notYetValid, file, name, notBefore.toISOString()));
  if (at > notAfter) throw new InvalidDataError((l) => say(l, m.expired, file, name, notAfter.toISOString()));
  // RFC 5280 §4.2.1.3: without the extension the key is not restricted; with it, a document
  // signature needs digitalSignature (nonRepudiation alone is for content commitment).
  const usage = mine.getExtension('keyUsage') as { digitalSignature?: boolean } | null;
  if (usage && !usage.digitalSignature) throw new InvalidDataError((l) => say(l, m.noDigitalSignature, file, name));

  return {
    certificate: certificateDer(mine),
    chain: chain.map(certificateDer),
    privateKey: toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key))),
    name,
    ...(organisation ? { organisation } : {}),
    notBefore,
    notAfter,
  };
}
