#include "demo_chip.h"

#include "emrtd/bytes.h"
#include "emrtd/opensslptr.h"
#include "emrtd/passiveauth.h"
#include "emrtd/tlv.h"

#include <QDir>
#include <QFile>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <array>
#include <optional>

namespace gate::issuer {

namespace {

using KeyPtr = emrtd::OpensslPtr<EVP_PKEY, EVP_PKEY_free>;
using CertPtr = emrtd::OpensslPtr<X509, X509_free>;
using BioPtr = emrtd::OpensslPtr<BIO, BIO_free_all>;
using CmsPtr = emrtd::OpensslPtr<CMS_ContentInfo, CMS_ContentInfo_free>;
using ObjectPtr = emrtd::OpensslPtr<ASN1_OBJECT, ASN1_OBJECT_free>;

constexpr long kDay = 24 * 3600;

emrtd::Bytes tlv(std::uint32_t tag, const emrtd::Bytes &value) {
    return emrtd::encodeTlv(tag, value);
}

QByteArray toQByteArray(const emrtd::Bytes &bytes) {
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
}

// A certificate of Utopia's: its CSCA (self-signed, may sign certificates)
// or a Document Signer issued by it.
CertPtr certificate(const char *commonName, EVP_PKEY *key, X509 *issuer, EVP_PKEY *issuerKey,
                    long validFromSecs, long validToSecs) {
    CertPtr cert(X509_new());
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("UT"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("Demo State Utopia"), -1, -1,
                               0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0);
    const bool isCa = issuer == nullptr;
    X509_set_version(cert.get(), X509_VERSION_3);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), isCa ? 1 : 2);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), validFromSecs);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), validToSecs);
    X509_set_issuer_name(cert.get(), isCa ? name : X509_get_subject_name(issuer));
    X509_set_pubkey(cert.get(), key);
    X509V3_CTX context;
    X509V3_set_ctx(&context, isCa ? cert.get() : issuer, cert.get(), nullptr, nullptr, 0);
    const std::pair<int, const char *> extensions[] = {
        {NID_basic_constraints, isCa ? "critical,CA:TRUE,pathlen:0" : "critical,CA:FALSE"},
        {NID_key_usage, isCa ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature"},
        {NID_subject_key_identifier, "hash"},
        {NID_authority_key_identifier, "keyid:always"}};
    for (const auto &[nid, value] : extensions) {
        X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
        if (!extension)
            return nullptr;
        X509_add_ext(cert.get(), extension, -1);
        X509_EXTENSION_free(extension);
    }
    if (X509_sign(cert.get(), isCa ? key : issuerKey, EVP_sha256()) <= 0)
        return nullptr;
    return cert;
}

// A face for DG2, which every passport has: a drawn pictogram (the demo's
// passenger is nobody), as a JPEG of 480 x 640.
std::optional<emrtd::Bytes> faceJpeg() {
    cv::Mat image(640, 480, CV_8UC3, cv::Scalar(214, 206, 196));
    cv::circle(image, {240, 250}, 120, cv::Scalar(150, 170, 200), cv::FILLED);
    cv::ellipse(image, {240, 640}, {200, 190}, 0, 180, 360, cv::Scalar(90, 70, 60), cv::FILLED);
    std::vector<std::uint8_t> jpeg;
    if (!cv::imencode(".jpg", image, jpeg))
        return std::nullopt;
    return jpeg;
}

std::array<std::uint8_t, 4> bigEndian32(std::size_t value) {
    return {std::uint8_t(value >> 24), std::uint8_t(value >> 16), std::uint8_t(value >> 8),
            std::uint8_t(value)};
}

// DG2: a biometric information template holding one ISO/IEC 19794-5 face
// record with a JPEG image (ICAO Doc 9303 part 10, 4.7.2).
emrtd::Bytes dg2Of(const emrtd::Bytes &jpeg) {
    const emrtd::Bytes facialInformation(16, 0x00); // no feature points, all unspecified
    // Full frontal, JPEG, 480 x 640, 24-bit RGB, a static photograph.
    const emrtd::Bytes imageInformation{0x01, 0x00, 0x01, 0xE0, 0x02, 0x80,
                                        0x01, 0x02, 0x00, 0x00, 0x00, 0x00};
    const std::size_t blockSize =
        4 + facialInformation.size() + imageInformation.size() + jpeg.size();
    const emrtd::Bytes record =
        emrtd::concat({emrtd::bytesOf(std::string("FAC\0"
                                                  "010\0",
                                                  8)),
                       bigEndian32(14 + blockSize), emrtd::Bytes{0x00, 0x01},
                       bigEndian32(blockSize), facialInformation, imageInformation, jpeg});
    const emrtd::Bytes header = tlv(0xA1, emrtd::concat({tlv(0x80, emrtd::Bytes{0x01, 0x01}),
                                                         tlv(0x87, emrtd::Bytes{0x01, 0x01}),
                                                         tlv(0x88, emrtd::Bytes{0x00, 0x08})}));
    return tlv(0x75, tlv(0x7F61, emrtd::concat(
                                     {tlv(0x02, emrtd::Bytes{0x01}),
                                      tlv(0x7F60, emrtd::concat({header, tlv(0x5F2E, record)}))})));
}

// LDSSecurityObject ::= SEQUENCE { version 0, hashAlgorithm SHA-256,
// dataGroupHashValues SEQUENCE OF { dataGroupNumber, dataGroupHashValue } }.
emrtd::Bytes ldsSecurityObject(const std::vector<std::pair<std::uint8_t, emrtd::Bytes>> &groups) {
    emrtd::Bytes hashes;
    for (const auto &[number, content] : groups) {
        emrtd::Bytes digest(EVP_MAX_MD_SIZE);
        unsigned int digestSize = 0;
        EVP_Digest(content.data(), content.size(), digest.data(), &digestSize, EVP_sha256(),
                   nullptr);
        digest.resize(digestSize);
        const emrtd::Bytes entry =
            tlv(0x30, emrtd::concat({tlv(0x02, emrtd::Bytes{number}), tlv(0x04, digest)}));
        hashes.insert(hashes.end(), entry.begin(), entry.end());
    }
    const emrtd::Bytes sha256Oid{0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01};
    return tlv(0x30, emrtd::concat({tlv(0x02, emrtd::Bytes{0x00}), tlv(0x30, tlv(0x06, sha256Oid)),
                                    tlv(0x30, hashes)}));
}

// The SOD: a CMS SignedData of the LDS security object by the Document Signer.
std::optional<emrtd::Bytes> signedSecurityObject(const emrtd::Bytes &lds, X509 *dsc,
                                                 EVP_PKEY *dscKey) {
    BioPtr content(BIO_new_mem_buf(lds.data(), int(lds.size())));
    const unsigned flags = CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
    CmsPtr cms(CMS_sign(dsc, dscKey, nullptr, nullptr, flags));
    const ObjectPtr type(OBJ_txt2obj(emrtd::kLdsSecurityObjectOid, 1));
    if (!cms || !type || CMS_set1_eContentType(cms.get(), type.get()) != 1 ||
        CMS_final(cms.get(), content.get(), nullptr, flags) != 1)
        return std::nullopt;
    BioPtr out(BIO_new(BIO_s_mem()));
    if (i2d_CMS_bio(out.get(), cms.get()) != 1)
        return std::nullopt;
    char *data = nullptr;
    const long size = BIO_get_mem_data(out.get(), &data);
    return emrtd::Bytes(data, data + size);
}

bool writeFile(const QString &path, const QByteArray &data, QString *error) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size()) {
        *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    return true;
}

} // namespace

bool writeDemoChip(const QStringList &mrz, const QString &chipDir, const QString &cscaDir,
                   QString *error) {
    if (mrz.size() != 2 || !QDir().mkpath(chipDir) || !QDir().mkpath(cscaDir)) {
        *error = QStringLiteral("demo chip: a two-line MRZ and writable folders are needed");
        return false;
    }
    const KeyPtr cscaKey(EVP_EC_gen("P-256"));
    const KeyPtr dscKey(EVP_EC_gen("P-256"));
    const CertPtr csca = cscaKey ? certificate("CSCA Utopia (demo)", cscaKey.get(), nullptr,
                                               nullptr, -3650 * kDay, 3650 * kDay)
                                 : nullptr;
    const CertPtr dsc = csca && dscKey
                            ? certificate("Document Signer Utopia (demo)", dscKey.get(), csca.get(),
                                          cscaKey.get(), -30 * kDay, 3 * 365 * kDay)
                            : nullptr;
    if (!dsc) {
        *error = QStringLiteral("demo chip: the certificates could not be made");
        return false;
    }

    const emrtd::Bytes dg1 =
        tlv(0x61, tlv(0x5F1F, emrtd::bytesOf(mrz.join(QString()).toStdString())));
    const emrtd::Bytes com = tlv(0x60, emrtd::concat({tlv(0x5F01, emrtd::bytesOf("0107")),
                                                      tlv(0x5F36, emrtd::bytesOf("040000")),
                                                      tlv(0x5C, emrtd::Bytes{0x61, 0x75})}));
    const auto face = faceJpeg();
    const emrtd::Bytes dg2 = face ? dg2Of(*face) : emrtd::Bytes();
    const auto sod = face ? signedSecurityObject(ldsSecurityObject({{1, dg1}, {2, dg2}}), dsc.get(),
                                                 dscKey.get())
                          : std::nullopt;
    if (!sod) {
        *error = QStringLiteral("demo chip: the security object could not be signed");
        return false;
    }

    BioPtr pem(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(pem.get(), csca.get());
    char *pemData = nullptr;
    const long pemSize = BIO_get_mem_data(pem.get(), &pemData);
    return writeFile(QDir(chipDir).filePath(QStringLiteral("com")), toQByteArray(com), error) &&
           writeFile(QDir(chipDir).filePath(QStringLiteral("dg1")), toQByteArray(dg1), error) &&
           writeFile(QDir(chipDir).filePath(QStringLiteral("dg2")), toQByteArray(dg2), error) &&
           writeFile(QDir(chipDir).filePath(QStringLiteral("sod")), toQByteArray(tlv(0x77, *sod)),
                     error) &&
           writeFile(QDir(cscaDir).filePath(QStringLiteral("csca-ut-demo.pem")),
                     QByteArray(pemData, pemSize), error);
}

} // namespace gate::issuer
