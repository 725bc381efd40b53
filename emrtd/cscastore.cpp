#include "emrtd/cscastore.h"

#include "emrtd/tlv.h"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace gate::emrtd {

namespace {

// A certificate or CRL file is a few kilobytes; a master list a few megabytes.
constexpr std::uintmax_t kMaxCertificateFile = 64 * 1024;
constexpr std::uintmax_t kMaxMasterList = 16 * 1024 * 1024;
constexpr std::size_t kMaxCertificates = 4096;

bool readFile(const std::filesystem::path &path, std::uintmax_t limit, Bytes *out,
              std::string *error) {
    std::error_code code;
    const auto size = std::filesystem::file_size(path, code);
    if (code || size > limit) {
        *error = path.string() + (code ? ": unreadable" : ": too large");
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    out->assign(std::istreambuf_iterator<char>(in), {});
    if (!in.good() && !in.eof()) {
        *error = path.string() + ": unreadable";
        return false;
    }
    return true;
}

bool looksLikePem(ByteView bytes) {
    static const std::string marker = "-----BEGIN";
    return std::search(bytes.begin(), bytes.end(), marker.begin(), marker.end()) != bytes.end();
}

// One certificate or CRL, in PEM or DER as the file has it.
template <typename T>
T *decodePemOrDer(ByteView bytes, T *(*readPem)(BIO *, T **, pem_password_cb *, void *),
                  T *(*readDer)(T **, const unsigned char **, long)) {
    if (looksLikePem(bytes)) {
        BIO *bio = BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size()));
        T *decoded = readPem(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        return decoded;
    }
    const unsigned char *at = bytes.data();
    return readDer(nullptr, &at, static_cast<long>(bytes.size()));
}

} // namespace

CscaStore::CscaStore() = default;

CscaStore::~CscaStore() {
    for (X509 *certificate : certificates_)
        X509_free(certificate);
    for (X509_CRL *crl : crls_)
        X509_CRL_free(crl);
}

CscaStore::CscaStore(CscaStore &&other) noexcept
    : certificates_(std::move(other.certificates_))
    , crls_(std::move(other.crls_)) {
    other.certificates_.clear();
    other.crls_.clear();
}

CscaStore &CscaStore::operator=(CscaStore &&other) noexcept {
    std::swap(certificates_, other.certificates_);
    std::swap(crls_, other.crls_);
    return *this;
}

std::size_t CscaStore::size() const {
    return certificates_.size();
}
const std::vector<X509 *> &CscaStore::certificates() const {
    return certificates_;
}
const std::vector<X509_CRL *> &CscaStore::crls() const {
    return crls_;
}

bool CscaStore::addCertificate(ByteView bytes, std::string *error) {
    if (certificates_.size() >= kMaxCertificates) {
        *error = "too many CSCA certificates";
        return false;
    }
    X509 *certificate = decodePemOrDer(bytes, PEM_read_bio_X509, d2i_X509);
    if (!certificate) {
        *error = "not a certificate";
        return false;
    }
    certificates_.push_back(certificate);
    return true;
}

bool CscaStore::addCrl(ByteView bytes, std::string *error) {
    X509_CRL *crl = decodePemOrDer(bytes, PEM_read_bio_X509_CRL, d2i_X509_CRL);
    if (!crl) {
        *error = "not a CRL";
        return false;
    }
    crls_.push_back(crl);
    return true;
}

bool CscaStore::load(const std::string &path, std::string *error) {
    std::error_code code;
    if (!std::filesystem::is_directory(path, code)) {
        Bytes bytes;
        if (!readFile(path, kMaxMasterList, &bytes, error))
            return false;
        return loadMasterList(bytes, error);
    }
    for (const auto &entry : std::filesystem::directory_iterator(path, code)) {
        if (!entry.is_regular_file())
            continue;
        const std::string extension = entry.path().extension().string();
        if (extension != ".pem" && extension != ".crt" && extension != ".cer" &&
            extension != ".der" && extension != ".crl")
            continue;
        Bytes bytes;
        std::string why;
        if (!readFile(entry.path(), kMaxCertificateFile, &bytes, error))
            return false;
        const bool added = extension == ".crl" ? addCrl(bytes, &why) : addCertificate(bytes, &why);
        if (!added) {
            *error = entry.path().string() + ": " + why;
            return false;
        }
    }
    if (code) {
        *error = path + ": " + code.message();
        return false;
    }
    if (certificates_.empty()) {
        *error = path + ": no CSCA certificate";
        return false;
    }
    return true;
}

bool CscaStore::loadMasterList(ByteView der, std::string *error) {
    const unsigned char *at = der.data();
    CMS_ContentInfo *cms = d2i_CMS_ContentInfo(nullptr, &at, static_cast<long>(der.size()));
    if (!cms) {
        *error = "the master list is not CMS";
        return false;
    }
    BIO *content = BIO_new(BIO_s_mem());
    // The signer's own chain is checked below against the list it signs.
    const bool signatureOk =
        CMS_verify(cms, nullptr, nullptr, nullptr, content, CMS_NO_SIGNER_CERT_VERIFY) == 1;
    STACK_OF(X509) *signers = signatureOk ? CMS_get0_signers(cms) : nullptr;
    X509 *signer = signers && sk_X509_num(signers) == 1 ? sk_X509_value(signers, 0) : nullptr;
    if (signer)
        X509_up_ref(signer);
    sk_X509_free(signers);
    CMS_ContentInfo_free(cms);
    BUF_MEM *buffer = nullptr;
    BIO_get_mem_ptr(content, &buffer);
    const Bytes list(buffer->data, buffer->data + buffer->length);
    BIO_free(content);
    if (!signatureOk || !signer) {
        X509_free(signer);
        *error = "the master list's signature does not verify";
        return false;
    }

    // CscaMasterList ::= SEQUENCE { version INTEGER, certList SET OF Certificate }
    const auto outer = parseSingleTlv(list);
    const auto fields = outer && outer->tag == 0x30 ? parseTlvList(outer->value) : std::nullopt;
    const auto certs = fields && fields->size() == 2 && (*fields)[1].tag == 0x31
                           ? parseTlvList((*fields)[1].value)
                           : std::nullopt;
    if (!certs || certs->empty()) {
        X509_free(signer);
        *error = "the master list holds no certificate list";
        return false;
    }
    CscaStore loaded;
    for (const Tlv &certificate : *certs) {
        std::string why;
        if (!loaded.addCertificate(certificate.whole, &why)) {
            X509_free(signer);
            *error = "master list: " + why;
            return false;
        }
    }
    // The list's signer must be vouched for by a CSCA the list carries.
    X509_STORE *store = X509_STORE_new();
    for (X509 *certificate : loaded.certificates())
        X509_STORE_add_cert(store, certificate);
    X509_STORE_CTX *context = X509_STORE_CTX_new();
    X509_STORE_CTX_init(context, store, signer, nullptr);
    X509_VERIFY_PARAM_set_flags(X509_STORE_CTX_get0_param(context),
                                X509_V_FLAG_PARTIAL_CHAIN | X509_V_FLAG_NO_CHECK_TIME);
    const bool chained = X509_verify_cert(context) == 1;
    X509_STORE_CTX_free(context);
    X509_STORE_free(store);
    X509_free(signer);
    if (!chained) {
        *error = "the master list's signer is not issued by a CSCA in the list";
        return false;
    }
    for (X509 *certificate : loaded.certificates_)
        certificates_.push_back(certificate);
    loaded.certificates_.clear();
    return true;
}

bool CscaStore::hasCountry(const std::string &country) const {
    for (X509 *certificate : certificates_)
        if (countryOf(X509_get_subject_name(certificate)) == country)
            return true;
    return false;
}

std::string countryOf(const X509_NAME *name) {
    const int index = X509_NAME_get_index_by_NID(name, NID_countryName, -1);
    if (index < 0)
        return {};
    const ASN1_STRING *value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    return std::string(reinterpret_cast<const char *>(ASN1_STRING_get0_data(value)),
                       static_cast<std::size_t>(ASN1_STRING_length(value)));
}

std::string nameText(const X509_NAME *name) {
    BIO *bio = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    BUF_MEM *buffer = nullptr;
    BIO_get_mem_ptr(bio, &buffer);
    std::string text(buffer->data, buffer->length);
    BIO_free(bio);
    return text;
}

} // namespace gate::emrtd
