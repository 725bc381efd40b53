#!/usr/bin/python3
"""Serve an ePassport chip that also answers Active and Chip Authentication, for tests of a PC/SC eMRTD reader.

Usage: chip_with_aa.py --tool EMRTD_CHIP FOLDER [--port 35963] [--aa-key FILE] [--rsa-hash sha1|sha256]
                       [--ca-key FILE] [--answer good|refuse|short|corrupt] [--link-kbps N]
                       [--pace-answer good|wrong-token|refuse] [--no-bac]

EMRTD_CHIP is shared/tools/emrtd-chip: its patched vsmartcard-vpicc ePass chip (BAC, secure messaging, the
files of FOLDER) is loaded from that file and run as it runs it; it speaks BAC only. What this program adds,
written from ICAO Doc 9303 part 11:
- PACE (4.4), when FOLDER has `card_access` (make_passport.py --pace writes it): the chip serves it as
  EF.CardAccess in the master file (file id 011C, short file id 1C), readable without secure messaging by
  SELECT EF and READ BINARY or by READ BINARY with the short file id (the application's files only under
  secure messaging: 6982), and runs what its PACEInfos offer
  (generic mapping, ECDH on brainpoolP256r1 or P-256, AES-128, AES-256 or 3DES; pace_chip.py) with the MRZ
  password: MSE:Set AT (22 C1 A4), then the four steps of General Authenticate (86). After PACE the session
  is under its keys: AES secure messaging (9.8, pace_chip.py) or, for 3DES, the ePass SAM's own with the
  counter at zero. Active and Chip Authentication run under either, and Chip Authentication then switches the
  session to its own keys as after BAC. The chip still does BAC unless --no-bac (GET CHALLENGE and EXTERNAL
  AUTHENTICATE answer 6D00: a PACE-only chip). --pace-answer for the faulty chips of the tests: `wrong-token`
  answers step 4 with a chip token whose last byte is wrong, `refuse` answers MSE:Set AT with 6A80 (a chip
  whose EF.CardAccess offers PACE but which will not run it).
- INTERNAL AUTHENTICATE (6.1: 00 88 00 00, an 8-byte challenge), answered under the session's secure messaging
  with a signature by the Active Authentication private key FOLDER/aa-key.pem (make_passport.py --aa writes
  it along with DG15), or by --aa-key FILE (a cloned chip: the genuine files, another key):
  RSA: ISO/IEC 9796-2 digital signature scheme 1, representative 6A || M1 (random) || H(M1 || challenge) ||
  trailer (BC for SHA-1, 34 CC for SHA-256), raised to the private exponent;
  ECDSA: plain r || s (BSI TR-03111) over the challenge with SHA-256, the hash make_passport.py writes in
  DG14's ActiveAuthenticationInfo.
- Chip Authentication version 1 with ECDH (part 11, 6.2) under the session's secure messaging, with the
  Chip Authentication private key FOLDER/ca-key.pem (make_passport.py --ca writes it along with DG14) or
  --ca-key FILE (a cloned chip: the genuine DG14, another key), by either pair of commands:
  MSE:Set KAT (22 41 A6, data 91 <the terminal's ephemeral public point> [84 keyId]), for 3DES only (a chip
  whose DG14 names an AES suite answers it 6A80); or MSE:Set AT (22 41 A4, data 80 <the OID of the
  ChipAuthenticationInfo in DG14, id-CA-ECDH-3DES-CBC-CBC or -AES-CBC-CMAC-128, -192, -256> [84 keyId]),
  then General Authenticate (86 00 00, not chained, data 7C { 80 <the terminal's uncompressed point> })
  answered 7C 00. Another OID, or a data field that is not these objects, answers 6A80, a keyId DG14 does not
  name 6A88, either command outside secure messaging 6982, General Authenticate without that MSE:Set AT
  (or after a refused one, or chained) 6985, a point not on the chip's curve 6A80 with the session as it
  was. A General Authenticate after Chip Authentication's MSE:Set AT is never PACE's; PACE's MSE:Set AT
  (C1 A4) forgets a chosen Chip Authentication and Chip Authentication's a PACE attempt. The shared
  secret K is the x-coordinate of the ECDH point; the answer still goes under the old keys, then the session
  runs under KS_enc = KDF(K, 1) and KS_mac = KDF(K, 2) (9.7: SHA-1(K || counter) for 3DES and AES-128,
  SHA-256 for AES-192 and -256, cut to the key's size) with the send sequence counter at zero: for 3DES the
  ePass SAM's own session (its current security environment: the keys in ct.key (cipher) and cct.key
  (MAC), the counter in ssc), for AES the secure messaging PACE opens (pace_chip.AesSecureMessaging, a
  16-byte counter).
- Either key is optional: a chip without aa-key.pem answers INTERNAL AUTHENTICATE with 6D00 (instruction
  not supported), one without ca-key.pem MSE:Set KAT and Chip Authentication's MSE:Set AT with 6A88
  (referenced data not found).
- --answer for the faulty chips of the tests: `refuse` answers 6D00 (instruction not supported) to
  INTERNAL AUTHENTICATE, MSE:Set KAT and Chip Authentication's MSE:Set AT, `short` drops the signature's
  last byte, `corrupt` signs a representative whose header is 4A (RSA) or changes a byte of r (ECDSA), and
  after Chip Authentication (3DES or AES) answers every command with a MAC whose last byte is wrong.
- --link-kbps N holds each answer for the bytes exchanged (command and response, 10 bits per byte) at N
  kbit/s plus 1 ms of turnaround, the way a contactless link of that speed would: 106 and 424 kbit/s are
  the ISO/IEC 14443 rates of common readers."""
import argparse, hashlib, importlib.machinery, importlib.util, os, re, sys, tempfile, time

import pace_chip
from make_passport import tlv

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

# ISO/IEC 9796-2 trailers: BC is SHA-1's implicit trailer, xx CC names the hash by its ISO/IEC 10118-3 id.
RSA_TRAILERS = {"sha1": b"\xBC", "sha256": b"\x34\xCC"}


def load_tool(path):
    loader = importlib.machinery.SourceFileLoader("emrtd_chip", path)
    spec = importlib.util.spec_from_loader("emrtd_chip", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def rsa_answer(key, challenge, hash_name, answer):
    numbers = key.private_numbers()
    n, d = numbers.public_numbers.n, numbers.d
    size = (n.bit_length() + 7) // 8
    trailer = RSA_TRAILERS[hash_name]
    digest_size = hashlib.new(hash_name).digest_size
    m1 = os.urandom(size - 1 - digest_size - len(trailer))
    header = b"\x4A" if answer == "corrupt" else b"\x6A"
    representative = header + m1 + hashlib.new(hash_name, m1 + challenge).digest() + trailer
    return pow(int.from_bytes(representative, "big"), d, n).to_bytes(size, "big")


def ecdsa_answer(key, challenge, answer):
    half = (key.curve.key_size + 7) // 8
    r, s = decode_dss_signature(key.sign(challenge, ec.ECDSA(hashes.SHA256())))
    if answer == "corrupt":
        r ^= 1
    return r.to_bytes(half, "big") + s.to_bytes(half, "big")


def private_key(path, kinds, what):
    """The PEM private key at `path`, None when there is no such file."""
    if not os.path.exists(path):
        return None
    key = serialization.load_pem_private_key(open(path, "rb").read(), None)
    if not isinstance(key, kinds):
        sys.exit("chip_with_aa: the %s key is of the wrong kind" % what)
    return key


def ephemeral_point(data):
    """The point of MSE:Set KAT's DO'91' (length in one byte, or 81 xx for P-521)."""
    if len(data) < 2 or data[0] != 0x91:
        return None
    length, start = data[1], 2
    if length == 0x81 and len(data) >= 3:
        length, start = data[2], 3
    if len(data) < start + length:
        return None
    return bytes(data[start:start + length])


# id-CA-ECDH (0.4.0.127.0.7.2.2.3.2), then the cipher suite's arc: PACE's arcs (part 11, 9.2.6)
ID_CA_ECDH = bytes.fromhex("04007F000702020302")
NOT_NAMED = 0x6A88  # referenced data not found: no such key
NOT_SUPPORTED = 0x6D00
SECURITY_STATUS = 0x6982  # security status not satisfied


def chip_authentication_info(dg14):
    """DG14's one ChipAuthenticationInfo with ECDH (9.2.6: SEQUENCE { id-CA-ECDH-<suite>, version 1, keyId
    OPTIONAL }) as (OID content, pace_chip.Cipher, keyId or None); None when DG14 names no such protocol."""
    tag, content, end = pace_chip.read_tlv(dg14)
    if tag != 0x6E or end != len(dg14):
        raise pace_chip.ChipError(pace_chip.WRONG_DATA, "DG14 is not one 6E object")
    tag, infos, end = pace_chip.read_tlv(content)
    if tag != 0x31 or end != len(content):
        raise pace_chip.ChipError(pace_chip.WRONG_DATA, "DG14 does not hold one SET OF SecurityInfo")
    named = []
    for tag, info in pace_chip.read_all(infos):
        fields = pace_chip.read_all(info) if tag == 0x30 else []
        if not fields or fields[0][0] != 0x06 or fields[0][1][:-1] != ID_CA_ECDH:
            continue
        oid, arc = fields[0][1], fields[0][1][-1]
        if [t for t, _ in fields[1:]] not in ([0x02], [0x02, 0x02]) or fields[1][1] != b"\x01":
            raise pace_chip.ChipError(pace_chip.WRONG_DATA, "a ChipAuthenticationInfo that is not version 1")
        if arc not in pace_chip.CIPHERS:
            raise pace_chip.ChipError(pace_chip.WRONG_DATA, "a Chip Authentication cipher suite not known")
        key_id = int.from_bytes(fields[2][1], "big") if len(fields) == 3 else None
        named.append((oid, pace_chip.CIPHERS[arc], key_id))
    if len(named) > 1:
        raise pace_chip.ChipError(pace_chip.WRONG_DATA, "more than one Chip Authentication key; the chip has one")
    return named[0] if named else None


class ChipAuthentication:
    """Chip Authentication version 1 with ECDH (part 11, 6.2) as the chip answers it, by either pair of
    commands: MSE:Set KAT alone (3DES only), or MSE:Set AT naming the protocol, then General Authenticate
    with the terminal's ephemeral point (the cipher suite DG14 names). Each hands back the new session as
    (cipher, KS_enc, KS_mac), KS = KDF(K, 1) and KDF(K, 2) of the protocol's cipher suite (9.7), K the
    x-coordinate of the ECDH point; the answer still goes under the old session's keys."""

    def __init__(self, key, info, answer):
        self.key, self.info, self.answer = key, info, answer
        self.chosen = None  # the cipher MSE:Set AT chose, until the General Authenticate that runs it

    def _runs(self):
        if self.answer == "refuse":
            raise pace_chip.ChipError(NOT_SUPPORTED, "Chip Authentication refused")
        if self.key is None:
            raise pace_chip.ChipError(NOT_NAMED, "no Chip Authentication key")

    def _session(self, cipher, point):
        try:
            terminal = ec.EllipticCurvePublicKey.from_encoded_point(self.key.curve, point)
        except (TypeError, ValueError):
            raise pace_chip.ChipError(pace_chip.WRONG_DATA, "the terminal's point is not on the chip's curve")
        secret = self.key.exchange(ec.ECDH(), terminal)
        return cipher, cipher.kdf(secret, 1), cipher.kdf(secret, 2)

    def set_key_agreement_template(self, data):
        """MSE:Set KAT (22 41 A6): DO'91' the terminal's point, [DO'84' keyId]; for 3DES only (part 11, 6.2), so
        a chip whose DG14 names AES refuses it."""
        self.chosen = None
        self._runs()
        if self.info and self.info[1].name != "3des":
            raise pace_chip.ChipError(pace_chip.WRONG_DATA, "MSE:Set KAT is 3DES's, DG14 names another suite")
        return self._session(pace_chip.CIPHERS[1], ephemeral_point(data))

    def set_authentication_template(self, data, protected):
        """MSE:Set AT (22 41 A4) under secure messaging: DO'80' the protocol's OID, which must be the one DG14
        names, [DO'84' keyId]."""
        self.chosen = None
        self._runs()
        if not protected:
            raise pace_chip.ChipError(SECURITY_STATUS, "Chip Authentication outside secure messaging")
        objects = pace_chip.read_all(data)
        fields = dict(objects)
        if len(fields) != len(objects) or not {0x80} <= set(fields) <= {0x80, 0x84}:
            raise pace_chip.ChipError(pace_chip.WRONG_DATA, "MSE:Set AT for Chip Authentication needs 80, may have 84")
        if self.info is None or fields[0x80] != self.info[0]:
            raise pace_chip.ChipError(pace_chip.WRONG_DATA, "a protocol DG14 does not name")
        if 0x84 in fields and int.from_bytes(fields[0x84], "big") != self.info[2]:
            raise pace_chip.ChipError(NOT_NAMED, "a keyId DG14 does not name")
        self.chosen = self.info[1]

    def general_authenticate(self, data, protected, chained):
        """General Authenticate after MSE:Set AT, under secure messaging and in one command (no chaining):
        7C { 80 the terminal's uncompressed point }, answered 7C 00."""
        cipher, self.chosen = self.chosen, None
        if cipher is None or chained:
            raise pace_chip.ChipError(pace_chip.NOT_NOW, "General Authenticate without MSE:Set AT, or chained")
        if not protected:
            raise pace_chip.ChipError(SECURITY_STATUS, "Chip Authentication outside secure messaging")
        tag, inner, end = pace_chip.read_tlv(data)
        objects = pace_chip.read_all(inner) if tag == 0x7C and end == len(data) else []
        if len(objects) != 1 or objects[0][0] != 0x80 or objects[0][1][:1] != b"\x04":
            raise pace_chip.ChipError(pace_chip.WRONG_DATA, "not 7C { 80 an uncompressed point }")
        return tlv(0x7C, b""), self._session(cipher, objects[0][1])


def arguments(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--tool", required=True, help="shared/tools/emrtd-chip")
    ap.add_argument("--port", type=int, default=35963)
    ap.add_argument("--aa-key", help="the private key the chip signs with (default FOLDER/aa-key.pem)")
    ap.add_argument("--rsa-hash", choices=sorted(RSA_TRAILERS), default="sha1")
    ap.add_argument("--ca-key", help="the Chip Authentication private key (default FOLDER/ca-key.pem)")
    ap.add_argument("--answer", choices=["good", "refuse", "short", "corrupt"], default="good")
    ap.add_argument("--link-kbps", type=float, default=0)
    ap.add_argument("--pace-answer", choices=["good", "wrong-token", "refuse"], default="good")
    ap.add_argument("--no-bac", action="store_true", help="a PACE-only chip: GET CHALLENGE answers 6D00")
    return ap.parse_args(argv)


def emulated_chip(args):
    """The chip, connected to vpcd on args.port: a VirtualICC whose `os.execute` answers one command APDU."""
    files = {n: open(os.path.join(args.folder, n), "rb").read() for n in os.listdir(args.folder)
             if n in ("com", "sod") or re.fullmatch(r"dg([1-9]|1[0-6])", n)}
    if "dg1" not in files:
        sys.exit("chip_with_aa: the folder has no dg1")
    card_access_path = os.path.join(args.folder, "card_access")
    card_access = open(card_access_path, "rb").read() if os.path.exists(card_access_path) else None
    if card_access is not None:
        try:
            if not pace_chip.pace_offers(card_access):
                sys.exit("chip_with_aa: card_access offers no PACE this chip runs")
        except pace_chip.ChipError as error:
            sys.exit("chip_with_aa: card_access is malformed (%s)" % error)
    key = private_key(args.aa_key or os.path.join(args.folder, "aa-key.pem"),
                      (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey), "Active Authentication")
    ca_key = private_key(args.ca_key or os.path.join(args.folder, "ca-key.pem"),
                         ec.EllipticCurvePrivateKey, "Chip Authentication")
    try:
        ca_info = chip_authentication_info(files["dg14"]) if "dg14" in files else None
    except pace_chip.ChipError as error:
        sys.exit("chip_with_aa: dg14 is malformed (%s)" % error)
    chip_authentication = ChipAuthentication(ca_key, ca_info, args.answer)

    tool = load_tool(args.tool)
    tool.patched_library(tempfile.mkdtemp(prefix="chip-with-aa-"))
    from virtualsmartcard import CardGenerator
    from virtualsmartcard.ConstantDefinitions import MAX_EXTENDED_LE
    from virtualsmartcard.SmartcardFilesystem import MF, DF, TransparentStructureEF
    from virtualsmartcard.SWutils import SwError, SW
    from virtualsmartcard.cards.ePass import PassportSAM, ePass_SE
    from virtualsmartcard import CryptoUtils
    from virtualsmartcard.utils import C_APDU, inttostring
    from virtualsmartcard.VirtualSmartcard import VirtualICC

    def checksum(self, p1, p2, data):
        """The ePass MAC with the send sequence counter in its 8 bytes (part 11, 9.8.2): the library writes
        it in as few bytes as its value needs, which after Chip Authentication (the counter from zero) breaks
        every MAC, and after BAC the one in 256 whose counter starts with a zero byte."""
        if p1 != 0x8E or p2 != 0x80:
            raise SwError(SW["ERR_INCORRECTP1P2"])
        self.ssc += 1
        return CryptoUtils.crypto_checksum(self.cct.algorithm, self.cct.key, inttostring(self.ssc, 8) + data)
    ePass_SE.compute_cryptographic_checksum = checksum

    class AuthenticatingSAM(PassportSAM):
        new_session = None  # Chip Authentication's (cipher, KS_enc, KS_mac), for the commands after its answer
        under_new_keys = False
        aes_session = None  # PACE's AES secure messaging; None under the ePass SAM's own (3DES) keys
        command_class = 0x00  # the class byte of the command being answered: General Authenticate chains

        def __init__(self, mf):
            PassportSAM.__init__(self, mf)
            # MRZ information (part 11, 9.7): document number, birth date and expiry date, each with its
            # check digit, from the second line of DG1's MRZ
            mrz_info = self.mrz2[0:10] + self.mrz2[13:20] + self.mrz2[21:28]
            self.pace = pace_chip.PaceChip(card_access, mrz_info, args.pace_answer) if card_access else None

        def get_challenge(self, p1, p2, data):
            if args.no_bac:
                raise SwError(SW["ERR_INSNOTSUPPORTED"])
            return PassportSAM.get_challenge(self, p1, p2, data)

        def external_authenticate(self, p1, p2, data):
            if args.no_bac:
                raise SwError(SW["ERR_INSNOTSUPPORTED"])
            answer = PassportSAM.external_authenticate(self, p1, p2, data)
            self.aes_session = None  # BAC's keys are the ePass SAM's own
            chip_authentication.chosen = None
            return answer

        def forget_attempts(self):
            """A reset or power-up ends a PACE session and a PACE or Chip Authentication attempt, as it ends
            any chip's session. (The ePass SAM's own keys, BAC's, it keeps, as the shared emulator does.)"""
            self.aes_session = None
            chip_authentication.chosen = None
            if self.pace:
                self.pace.attempt = None

        def protected(self):
            """Whether the command being answered came under secure messaging (and so passed its MAC)."""
            return bool(self.command_class & 0x0C)

        def internal_authenticate(self, p1, p2, data):
            if args.answer == "refuse" or key is None:
                raise SwError(SW["ERR_INSNOTSUPPORTED"])
            if p1 != 0 or p2 != 0:
                raise SwError(SW["ERR_INCORRECTP1P2"])
            if len(data) != 8:
                raise SwError(SW["ERR_WRONGLENGTH"])
            if isinstance(key, rsa.RSAPrivateKey):
                signature = rsa_answer(key, bytes(data), args.rsa_hash, args.answer)
            else:
                signature = ecdsa_answer(key, bytes(data), args.answer)
            return SW["NORMAL"], signature[:-1] if args.answer == "short" else signature

        def manage_security_environment(self, p1, p2, data):
            try:
                if (p1, p2) == (0xC1, 0xA4) and self.pace:
                    # A new authentication: whatever session there was ends here.
                    self.use_keys(None, None)
                    self.pace.set_authentication_template(bytes(data))
                elif (p1, p2) == (0x41, 0xA4):  # Chip Authentication's, under the session's secure messaging
                    if self.pace:
                        self.pace.attempt = None
                    chip_authentication.set_authentication_template(bytes(data), self.protected())
                elif (p1, p2) == (0x41, 0xA6):
                    self.new_session = chip_authentication.set_key_agreement_template(bytes(data))
                else:
                    return PassportSAM.manage_security_environment(self, p1, p2, data)
            except pace_chip.ChipError as error:
                raise SwError(error.sw)
            return SW["NORMAL"], b""

        def general_authenticate(self, p1, p2, data):
            """Chip Authentication's after its MSE:Set AT (protected, not chained), else PACE's four steps."""
            if self.pace is None and chip_authentication.info is None:
                raise SwError(SW["ERR_INSNOTSUPPORTED"])
            if p1 != 0 or p2 != 0:
                raise SwError(SW["ERR_INCORRECTP1P2"])
            chained = bool(self.command_class & 0x10)
            try:
                if chip_authentication.chosen is not None or self.pace is None:
                    answer, self.new_session = chip_authentication.general_authenticate(
                        bytes(data), self.protected(), chained)
                    return SW["NORMAL"], answer
                answer, session = self.pace.general_authenticate(bytes(data), chained)
            except pace_chip.ChipError as error:
                raise SwError(error.sw)
            if session is not None:
                self.use_keys(session.k_enc, session.k_mac, session.cipher.name != "3des")
            return SW["NORMAL"], answer

        def use_keys(self, k_enc, k_mac, aes=False):
            """Put the session under these keys with the counter at zero: AES secure messaging, or the ePass
            SAM's own 3DES (its security environment's ct.key, cct.key and ssc); None, None ends it. A Chip
            Authentication chosen under the old session ends with it."""
            chip_authentication.chosen = None
            self.aes_session = pace_chip.AesSecureMessaging(k_enc, k_mac) if aes else None
            self.current_SE.ct.key, self.current_SE.cct.key = (None, None) if aes else (k_enc, k_mac)
            self.current_SE.ssc = 0

        def parse_SM_CAPDU(self, capdu, header_authentication):
            if self.aes_session is None:
                return PassportSAM.parse_SM_CAPDU(self, capdu, header_authentication)
            header = bytes([capdu.cla, capdu.ins, capdu.p1, capdu.p2])
            try:
                data, le = self.aes_session.unwrap(header, bytes(capdu.data))
            except pace_chip.ChipError as error:
                self.aes_session = None  # part 11, 9.8: a secure messaging error ends the session
                raise SwError(error.sw)
            if le is not None:  # DO'97' as the library reads it: 00 00 asks for the most an extended Le can
                le_bytes, le = le, int.from_bytes(le, "big")
                if le == 0 and len(le_bytes) > 1:
                    le = MAX_EXTENDED_LE
            return C_APDU(cla=capdu.cla, ins=capdu.ins, p1=capdu.p1, p2=capdu.p2, le=le, data=data)

        def protect_result(self, sw, result):
            if self.aes_session:
                status, data = sw, self.aes_session.wrap(sw, result)
            else:
                status, data = PassportSAM.protect_result(self, sw, result)
            if self.under_new_keys and args.answer == "corrupt" and data:
                data = data[:-1] + bytes([data[-1] ^ 0x01])  # the last byte of DO'8E', the MAC
            if self.new_session:
                cipher, k_enc, k_mac = self.new_session
                self.use_keys(k_enc, k_mac, cipher.name != "3des")
                self.new_session = None
                self.under_new_keys = True
            return status, data

    # The shared tool's card, with this SAM and, for PACE, EF.CardAccess in the master file.
    def generate(self):
        mf = MF()
        if card_access is not None:
            mf.append(TransparentStructureEF(parent=mf, fid=0x011C, shortfid=0x1C, filedescriptor=0,
                                             data=card_access))
        df = DF(parent=mf, fid=4, dfname=b"\xa0\x00\x00\x02G\x10\x01", bertlv_data=[])
        for name, data in files.items():
            fid = {"com": 0x011E, "sod": 0x011D}.get(name) or 0x0100 + int(name[2:])
            df.append(TransparentStructureEF(parent=df, fid=fid, filedescriptor=0, data=data))
        mf.append(df)
        self.mf, self.sam = mf, AuthenticatingSAM(mf)
    CardGenerator.CardGenerator._CardGenerator__generate_ePass = generate
    chip = VirtualICC(None, "ePass", "localhost", args.port)
    sam, execute = chip.os.SAM, chip.os.execute
    chip.os.ins2handler[0x86] = sam.general_authenticate

    def forgetting_attempts(event):
        def handler():
            sam.forget_attempts()
            return event()
        return handler
    chip.os.powerUp, chip.os.reset = forgetting_attempts(chip.os.powerUp), forgetting_attempts(chip.os.reset)
    if card_access is not None:
        read_binary = chip.os.ins2handler[0xB0]

        def read_behind_access_control(p1, p2, data):
            """A PACE chip keeps the eMRTD application's files behind BAC or PACE: only the master file's
            (EF.CardAccess) are read without secure messaging. (The shared emulator's chip, and so a BAC chip
            here, reads any file either way.)"""
            if chip.os.mf.currentDF() is not chip.os.mf and not sam.command_class & 0x0C:
                raise SwError(SW["ERR_SECSTATUS"])
            return read_binary(p1, p2, data)
        chip.os.ins2handler[0xB0] = read_behind_access_control

    def answer(message):
        sam.command_class = message[0] if message else 0x00
        reply = execute(message)
        if args.link_kbps > 0:  # held for the bytes exchanged at that rate, plus 1 ms of turnaround
            time.sleep((len(message) + len(reply)) * 10 / (args.link_kbps * 1000) + 0.001)
        return reply
    chip.os.execute = answer
    return chip


if __name__ == "__main__":
    emulated_chip(arguments()).run()
