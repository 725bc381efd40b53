#!/usr/bin/python3
"""Serve an ePassport chip that also answers Active Authentication, for tests of a PC/SC eMRTD reader.

Usage: chip_with_aa.py --tool EMRTD_CHIP FOLDER [--port 35963] [--aa-key FILE] [--rsa-hash sha1|sha256]
                       [--answer good|refuse|short|corrupt] [--link-kbps N]

EMRTD_CHIP is shared/tools/emrtd-chip: its patched vsmartcard-vpicc ePass chip (BAC, secure messaging, the
files of FOLDER) is loaded from that file and run as it runs it. What this program adds, written from ICAO
Doc 9303 part 11, 6.1:
- INTERNAL AUTHENTICATE (00 88 00 00, an 8-byte challenge), answered under the session's secure messaging
  with a signature by the Active Authentication private key FOLDER/aa-key.pem (make_passport.py --aa writes
  it along with DG15), or by --aa-key FILE (a cloned chip: the genuine files, another key):
  RSA: ISO/IEC 9796-2 digital signature scheme 1, representative 6A || M1 (random) || H(M1 || challenge) ||
  trailer (BC for SHA-1, 34 CC for SHA-256), raised to the private exponent;
  ECDSA: plain r || s (BSI TR-03111) over the challenge with SHA-256, the hash make_passport.py writes in
  DG14's ActiveAuthenticationInfo.
- --answer for the faulty chips of the tests: `refuse` answers 6D00 (instruction not supported), `short`
  drops the signature's last byte, `corrupt` signs a representative whose header is 4A (RSA) or changes a
  byte of r (ECDSA).
- --link-kbps N holds each answer for the bytes exchanged (command and response, 10 bits per byte) at N
  kbit/s plus 1 ms of turnaround, the way a contactless link of that speed would: 106 and 424 kbit/s are
  the ISO/IEC 14443 rates of common readers."""
import argparse, hashlib, importlib.machinery, importlib.util, os, re, sys, tempfile, time

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


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--tool", required=True, help="shared/tools/emrtd-chip")
    ap.add_argument("--port", type=int, default=35963)
    ap.add_argument("--aa-key", help="the private key the chip signs with (default FOLDER/aa-key.pem)")
    ap.add_argument("--rsa-hash", choices=sorted(RSA_TRAILERS), default="sha1")
    ap.add_argument("--answer", choices=["good", "refuse", "short", "corrupt"], default="good")
    ap.add_argument("--link-kbps", type=float, default=0)
    args = ap.parse_args()
    files = {n: open(os.path.join(args.folder, n), "rb").read() for n in os.listdir(args.folder)
             if n in ("com", "sod") or re.fullmatch(r"dg([1-9]|1[0-6])", n)}
    if "dg1" not in files:
        sys.exit("chip_with_aa: the folder has no dg1")
    key = serialization.load_pem_private_key(
        open(args.aa_key or os.path.join(args.folder, "aa-key.pem"), "rb").read(), None)
    if not isinstance(key, (rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey)):
        sys.exit("chip_with_aa: the Active Authentication key is neither RSA nor EC")

    tool = load_tool(args.tool)
    tool.patched_library(tempfile.mkdtemp(prefix="chip-with-aa-"))
    from virtualsmartcard import CardGenerator
    from virtualsmartcard.SmartcardFilesystem import MF, DF, TransparentStructureEF
    from virtualsmartcard.SWutils import SwError, SW
    from virtualsmartcard.cards.ePass import PassportSAM
    from virtualsmartcard.VirtualSmartcard import VirtualICC

    class ActiveAuthSAM(PassportSAM):
        def internal_authenticate(self, p1, p2, data):
            if args.answer == "refuse":
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

    # The shared tool's card, with this SAM.
    def generate(self):
        mf = MF()
        df = DF(parent=mf, fid=4, dfname=b"\xa0\x00\x00\x02G\x10\x01", bertlv_data=[])
        for name, data in files.items():
            fid = {"com": 0x011E, "sod": 0x011D}.get(name) or 0x0100 + int(name[2:])
            df.append(TransparentStructureEF(parent=df, fid=fid, filedescriptor=0, data=data))
        mf.append(df)
        self.mf, self.sam = mf, ActiveAuthSAM(mf)
    CardGenerator.CardGenerator._CardGenerator__generate_ePass = generate
    chip = VirtualICC(None, "ePass", "localhost", args.port)
    if args.link_kbps > 0:
        execute = chip.os.execute

        def held(message):
            answer = execute(message)
            time.sleep((len(message) + len(answer)) * 10 / (args.link_kbps * 1000) + 0.001)
            return answer
        chip.os.execute = held
    chip.run()


if __name__ == "__main__":
    main()
