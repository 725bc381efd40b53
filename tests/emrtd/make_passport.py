#!/usr/bin/python3
"""Make a synthetic ePassport's chip files and the PKI that signs them, for tests.

Usage: make_passport.py OUT --mrz LINE1 LINE2 --face IMAGE [--face-format jpeg|jpeg2000]
                        [--dsc good|expired|unknown] [--tamper dg1|dg2] [--no-sod]
                        [--masterlist] [--pki DIR] [--aa rsa|ecdsa] [--ca ecdh|ecdh-aes128|ecdh-aes256]
                        [--pace ecdh-gm-aes128|ecdh-gm-aes256|ecdh-gm-3des] [--pace-curve brainpoolP256r1|P-256]

Writes OUT/chip/{com,sod,dg1,dg2} for shared/tools/emrtd-chip and OUT/csca/ (the CSCA folder a
gate installs: the issuing state's CSCA, plus another state's, so that "no CSCA for this issuer" can
be tested by installing OUT/other-csca/ instead). The CSCA and DSC keys are made at test time, kept in
--pki (default OUT/pki) so that several passports can share one CSCA; the SOD is a CMS SignedData made
by `openssl cms -sign` over the LDS security object (ICAO 9303 part 10, 4.6.2). --masterlist also writes
OUT/masterlist.der, an ICAO master list of both CSCAs signed by a list signer that Utopia's CSCA issued, and
OUT/masterlist-rogue.der, the same list signed by a signer no CSCA in it issued. --aa makes an Active
Authentication key pair (RSA 1024 bits, or ECDSA P-256): its public key in DG15, its private key in
OUT/chip/aa-key.pem for chip_with_aa.py; for ECDSA, DG14 with the ActiveAuthenticationInfo naming
ecdsa-plain-SHA256 (ICAO Doc 9303 part 11, 6.1 and 9.2.3). --ca makes a Chip Authentication key pair
(ECDH, P-256): DG14 with the ChipAuthenticationInfo (version 1, keyId 1) and the ChipAuthenticationPublicKeyInfo
(id-PK-ECDH, the public key, keyId 1) (part 11, 6.2 and 9.2.5 to 9.2.7), its private key in
OUT/chip/ca-key.pem; the ChipAuthenticationInfo names the cipher suite: `ecdh` id-CA-ECDH-3DES-CBC-CBC,
`ecdh-aes128` id-CA-ECDH-AES-CBC-CMAC-128, `ecdh-aes256` id-CA-ECDH-AES-CBC-CMAC-256. Every group made is
listed in EF.COM and hashed in the SOD. --pace writes OUT/chip/card_access, EF.CardAccess (part 11, 9.2): a
SET OF SecurityInfo (not wrapped in 6E, and not in the SOD: it is no data group) holding one PACEInfo,
SEQUENCE { id-PACE-ECDH-GM-3DES-CBC-CBC or -AES-CBC-CMAC-128 or -256, version 2, parameterId 13
(brainpoolP256r1, the default --pace-curve) or 12 (NIST P-256) }; chip_with_aa.py then runs PACE with the
MRZ password."""
import argparse, datetime, hashlib, os, subprocess
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID


def tlv(tag, value):
    n = len(value)
    if n < 0x80:
        length = bytes([n])
    elif n < 0x100:
        length = bytes([0x81, n])
    elif n < 0x10000:
        length = bytes([0x82, n >> 8, n & 0xFF])
    else:
        length = bytes([0x83, n >> 16, (n >> 8) & 0xFF, n & 0xFF])
    return tag.to_bytes((tag.bit_length() + 7) // 8, "big") + length + value


# id-PACE-ECDH-GM (0.4.0.127.0.7.2.2.4.2), then the cipher suite's arc (part 11, 9.2)
PACE_PROTOCOLS = {"ecdh-gm-3des": bytes.fromhex("04007F00070202040201"),
                  "ecdh-gm-aes128": bytes.fromhex("04007F00070202040202"),
                  "ecdh-gm-aes256": bytes.fromhex("04007F00070202040204")}
# id-CA-ECDH (0.4.0.127.0.7.2.2.3.2), then the cipher suite's arc, the same arcs as PACE's (part 11, 9.2.6)
CA_PROTOCOLS = {"ecdh": bytes.fromhex("04007F00070202030201"),
                "ecdh-aes128": bytes.fromhex("04007F00070202030202"),
                "ecdh-aes256": bytes.fromhex("04007F00070202030204")}
# The standardized domain parameters' parameterId (part 11)
PACE_CURVES = {"brainpoolP256r1": 13, "P-256": 12}


def card_access(protocol, curve):
    """EF.CardAccess: SET OF SecurityInfo with one PACEInfo { protocol, version 2, parameterId }."""
    pace_info = tlv(0x06, PACE_PROTOCOLS[protocol]) + tlv(0x02, b"\x02") + tlv(0x02, bytes([PACE_CURVES[curve]]))
    return tlv(0x31, tlv(0x30, pace_info))


def name(country, common):
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, country),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test State " + country),
                      x509.NameAttribute(NameOID.COMMON_NAME, common)])


def certificate(subject, issuer, key, issuer_key, not_before, not_after, ca):
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(not_before).not_valid_after(not_after)
               .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=not ca, content_commitment=False,
                                            key_encipherment=False, data_encipherment=False,
                                            key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                                            encipher_only=False, decipher_only=False), critical=True))
    return builder.sign(issuer_key, hashes.SHA256())


def write_pem(path, cert=None, key=None):
    with open(path, "wb") as out:
        if cert is not None:
            out.write(cert.public_bytes(serialization.Encoding.PEM))
        if key is not None:
            out.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption()))


def load_or_make_ca(pki, stem, country, common, now):
    cert_path, key_path = os.path.join(pki, stem + ".pem"), os.path.join(pki, stem + ".key")
    if os.path.exists(cert_path):
        return (x509.load_pem_x509_certificate(open(cert_path, "rb").read()),
                serialization.load_pem_private_key(open(key_path, "rb").read(), None))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = certificate(name(country, common), name(country, common), key, key,
                       now - datetime.timedelta(days=3650), now + datetime.timedelta(days=3650), True)
    write_pem(cert_path, cert=cert)
    write_pem(key_path, key=key)
    return cert, key


def face_record(image, data_type):
    facial_header = (0).to_bytes(2, "big") + bytes([0, 0, 0]) + bytes(3) + bytes(2) + bytes(3) + bytes(3)
    image_info = bytes([1, data_type]) + (480).to_bytes(2, "big") + (640).to_bytes(2, "big") + bytes([1, 2]) + bytes(4)
    block = facial_header + image_info + image
    block = (len(block) + 4).to_bytes(4, "big") + block
    record = b"FAC\x00010\x00" + (14 + len(block)).to_bytes(4, "big") + (1).to_bytes(2, "big") + block
    header = tlv(0xA1, tlv(0x80, b"\x01\x01") + tlv(0x87, b"\x01\x01") + tlv(0x88, b"\x00\x08"))
    return tlv(0x75, tlv(0x7F61, tlv(0x02, b"\x01") + tlv(0x7F60, header + tlv(0x5F2E, record))))


def write_master_list(out, pki, cscas, issuer, issuer_key, file_name, now):
    """CscaMasterList ::= SEQUENCE { version INTEGER, certList SET OF Certificate }, CMS-signed."""
    signer_key = ec.generate_private_key(ec.SECP256R1())
    signer = certificate(name("UT", "Master List Signer Utopia"), issuer.subject, signer_key, issuer_key,
                         now - datetime.timedelta(days=1), now + datetime.timedelta(days=365), False)
    write_pem(os.path.join(pki, "mls.pem"), cert=signer)
    write_pem(os.path.join(pki, "mls.key"), key=signer_key)
    certs = sorted(c.public_bytes(serialization.Encoding.DER) for c in cscas)
    open(os.path.join(pki, "ml.der"), "wb").write(tlv(0x30, tlv(0x02, b"\x00") + tlv(0x31, b"".join(certs))))
    subprocess.run(["openssl", "cms", "-sign", "-binary", "-nodetach", "-nosmimecap",
                    "-in", os.path.join(pki, "ml.der"), "-outform", "DER", "-out", os.path.join(out, file_name),
                    "-signer", os.path.join(pki, "mls.pem"), "-inkey", os.path.join(pki, "mls.key"),
                    "-md", "sha256", "-econtent_type", "2.23.136.1.1.2"], check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--mrz", nargs=2, required=True)
    ap.add_argument("--face", required=True)
    ap.add_argument("--face-format", choices=["jpeg", "jpeg2000"], default="jpeg")
    ap.add_argument("--dsc", choices=["good", "expired", "unknown"], default="good")
    ap.add_argument("--tamper", choices=["dg1", "dg2"])
    ap.add_argument("--no-sod", action="store_true")
    ap.add_argument("--masterlist", action="store_true")
    ap.add_argument("--pki")
    ap.add_argument("--aa", choices=["rsa", "ecdsa"])
    ap.add_argument("--ca", choices=sorted(CA_PROTOCOLS))
    ap.add_argument("--pace", choices=sorted(PACE_PROTOCOLS))
    ap.add_argument("--pace-curve", choices=sorted(PACE_CURVES), default="brainpoolP256r1")
    args = ap.parse_args()

    now = datetime.datetime.utcnow()
    pki = args.pki or os.path.join(args.out, "pki")
    chip = os.path.join(args.out, "chip")
    for folder in (pki, chip, os.path.join(args.out, "csca"), os.path.join(args.out, "other-csca")):
        os.makedirs(folder, exist_ok=True)
    csca, csca_key = load_or_make_ca(pki, "csca-ut", "UT", "CSCA Utopia", now)
    other, _ = load_or_make_ca(pki, "csca-xx", "XX", "CSCA Elsewhere", now)
    write_pem(os.path.join(args.out, "csca", "csca-ut.pem"), cert=csca)
    write_pem(os.path.join(args.out, "csca", "csca-xx.pem"), cert=other)
    write_pem(os.path.join(args.out, "other-csca", "csca-xx.pem"), cert=other)

    issuer_cert, issuer_key = csca, csca_key
    if args.dsc == "unknown":  # a CSCA that calls itself Utopia's, which no gate installed
        issuer_cert, issuer_key = load_or_make_ca(pki, "csca-rogue", "UT", "CSCA Utopia", now)
    begins, ends = now - datetime.timedelta(days=30), now + datetime.timedelta(days=3650)
    if args.dsc == "expired":
        begins, ends = now - datetime.timedelta(days=400), now - datetime.timedelta(days=2)
    dsc_key = ec.generate_private_key(ec.SECP256R1())
    dsc = certificate(name("UT", "Document Signer Utopia"), issuer_cert.subject, dsc_key, issuer_key,
                      begins, ends, False)

    mrz = "".join(args.mrz).encode()
    groups = {1: tlv(0x61, tlv(0x5F1F, mrz)),
              2: face_record(open(args.face, "rb").read(), 0 if args.face_format == "jpeg" else 1)}
    tags = b"\x61\x75"
    security_infos = []  # DG14's SecurityInfos
    if args.aa:
        aa_key = rsa.generate_private_key(65537, 1024) if args.aa == "rsa" else ec.generate_private_key(ec.SECP256R1())
        write_pem(os.path.join(chip, "aa-key.pem"), key=aa_key)
        groups[15] = tlv(0x6F, aa_key.public_key().public_bytes(serialization.Encoding.DER,
                                                                serialization.PublicFormat.SubjectPublicKeyInfo))
        tags += b"\x6F"
        if args.aa == "ecdsa":
            # ActiveAuthenticationInfo: id-icao-mrtd-security-aaProtocolObject, version 1, ecdsa-plain-SHA256
            security_infos.append(tlv(0x06, bytes.fromhex("678108010105")) + tlv(0x02, b"\x01") +
                                  tlv(0x06, bytes.fromhex("04007F00070101040103")))
    if args.ca:
        ca_key = ec.generate_private_key(ec.SECP256R1())
        write_pem(os.path.join(chip, "ca-key.pem"), key=ca_key)
        key_id = tlv(0x02, b"\x01")
        # ChipAuthenticationInfo: id-CA-ECDH-<cipher suite>, version 1, keyId
        security_infos.append(tlv(0x06, CA_PROTOCOLS[args.ca]) +
                              tlv(0x02, b"\x01") + key_id)
        # ChipAuthenticationPublicKeyInfo: id-PK-ECDH, SubjectPublicKeyInfo, keyId
        security_infos.append(tlv(0x06, bytes.fromhex("04007F000702020102")) +
                              ca_key.public_key().public_bytes(serialization.Encoding.DER,
                                                               serialization.PublicFormat.SubjectPublicKeyInfo) +
                              key_id)
    if security_infos:
        groups[14] = tlv(0x6E, tlv(0x31, b"".join(tlv(0x30, info) for info in security_infos)))
        tags += b"\x6E"
    com = tlv(0x60, tlv(0x5F01, b"0107") + tlv(0x5F36, b"040000") + tlv(0x5C, tags))

    sha256 = tlv(0x30, tlv(0x06, bytes.fromhex("608648016503040201")))
    hashes_der = b"".join(tlv(0x30, tlv(0x02, bytes([n])) + tlv(0x04, hashlib.sha256(data).digest()))
                          for n, data in sorted(groups.items()))
    lds = tlv(0x30, tlv(0x02, b"\x00") + sha256 + tlv(0x30, hashes_der))
    if not args.no_sod:
        write_pem(os.path.join(pki, "dsc.pem"), cert=dsc)
        write_pem(os.path.join(pki, "dsc.key"), key=dsc_key)
        open(os.path.join(pki, "lds.der"), "wb").write(lds)
        subprocess.run(["openssl", "cms", "-sign", "-binary", "-nodetach", "-nosmimecap",
                        "-in", os.path.join(pki, "lds.der"), "-outform", "DER",
                        "-out", os.path.join(pki, "sod.der"), "-signer", os.path.join(pki, "dsc.pem"),
                        "-inkey", os.path.join(pki, "dsc.key"), "-md", "sha256",
                        "-econtent_type", "2.23.136.1.1.1"], check=True)
        open(os.path.join(chip, "sod"), "wb").write(tlv(0x77, open(os.path.join(pki, "sod.der"), "rb").read()))

    if args.masterlist:
        write_master_list(args.out, pki, [csca, other], csca, csca_key, "masterlist.der", now)
        rogue, rogue_key = load_or_make_ca(pki, "csca-rogue", "UT", "CSCA Utopia", now)
        write_master_list(args.out, pki, [csca, other], rogue, rogue_key, "masterlist-rogue.der", now)

    if args.tamper == "dg1":  # another given name, same length: the MRZ's check digits do not cover it
        groups[1] = groups[1].replace(b"<<ANNA", b"<<HANS", 1)
    if args.tamper == "dg2":
        face = bytearray(groups[2])
        face[-20] ^= 0x55
        groups[2] = bytes(face)
    open(os.path.join(chip, "com"), "wb").write(com)
    card_access_path = os.path.join(chip, "card_access")
    if args.pace:
        open(card_access_path, "wb").write(card_access(args.pace, args.pace_curve))
    elif os.path.exists(card_access_path):  # a passport made again in the same folder, now without PACE
        os.remove(card_access_path)
    for n, data in groups.items():
        open(os.path.join(chip, "dg%d" % n), "wb").write(data)


if __name__ == "__main__":
    main()
