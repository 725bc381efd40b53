#pragma once

#include "emrtd/bytes.h"

#include <memory>
#include <string>
#include <vector>

struct x509_st;
struct X509_crl_st;
struct X509_name_st;

namespace gate::emrtd {

// The Country Signing CA certificates the gate trusts, and the CRLs it has
// for them. Loaded from a folder (PEM or DER certificates; `.crl` files are
// CRLs) or from an ICAO master list (a CMS-signed list of CSCAs).
class CscaStore {
public:
    CscaStore();
    ~CscaStore();
    CscaStore(CscaStore &&) noexcept;
    CscaStore &operator=(CscaStore &&) noexcept;

    // A folder of certificates and CRLs, or one master-list file. False, with
    // `error`, when nothing could be loaded or a file is not a certificate.
    bool load(const std::string &path, std::string *error);
    // A master list's certificates, after its CMS signature verified against
    // its own signer certificate and that signer chains to a CSCA in the list.
    bool loadMasterList(ByteView der, std::string *error);

    std::size_t size() const;
    const std::vector<x509_st *> &certificates() const;
    const std::vector<X509_crl_st *> &crls() const;
    // Whether any certificate here belongs to `country` (the subject's C=, ISO 3166 alpha-2).
    bool hasCountry(const std::string &country) const;

private:
    bool addCertificate(ByteView bytes, std::string *error);
    bool addCrl(ByteView bytes, std::string *error);

    std::vector<x509_st *> certificates_;
    std::vector<X509_crl_st *> crls_;
};

// The subject's (or issuer's) countryName, empty when absent.
std::string countryOf(const X509_name_st *name);
// One line per name, RFC 2253 order: "CN=...,O=...,C=UT".
std::string nameText(const X509_name_st *name);

} // namespace gate::emrtd
