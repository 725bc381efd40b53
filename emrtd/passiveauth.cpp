#include "emrtd/passiveauth.h"

#include "emrtd/lds.h"
#include "emrtd/opensslptr.h"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <memory>

namespace gate::emrtd {

namespace {

using CmsPtr = OpensslPtr<CMS_ContentInfo, CMS_ContentInfo_free>;
using BioPtr = OpensslPtr<BIO, BIO_free_all>;
using StorePtr = OpensslPtr<X509_STORE, X509_STORE_free>;
using StoreContextPtr = OpensslPtr<X509_STORE_CTX, X509_STORE_CTX_free>;
using ObjectPtr = OpensslPtr<ASN1_OBJECT, ASN1_OBJECT_free>;

std::string chainStatus(int verifyError) {
    switch (verifyError) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
    case X509_V_ERR_CERT_NOT_YET_VALID:
    case X509_V_ERR_CRL_HAS_EXPIRED:
    case X509_V_ERR_CRL_NOT_YET_VALID:
        return "expired";
    case X509_V_ERR_CERT_REVOKED:
        return "revoked";
    default:
        return "unknown_dsc";
    }
}

bool hasCrlFor(const CscaStore &cscas, const X509 *dsc) {
    for (X509_CRL *crl : cscas.crls())
        if (X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_issuer_name(dsc)) == 0)
            return true;
    return false;
}

void checkChain(X509 *dsc, const CscaStore &cscas, std::time_t now, PassiveAuthResult *result) {
    result->dsc = nameText(X509_get_subject_name(dsc));
    result->dscCountry = countryOf(X509_get_issuer_name(dsc));
    if (result->dscCountry.empty() || !cscas.hasCountry(result->dscCountry)) {
        result->chain = "no_csca";
        return;
    }
    StorePtr store(X509_STORE_new());
    for (X509 *certificate : cscas.certificates())
        X509_STORE_add_cert(store.get(), certificate);
    for (X509_CRL *crl : cscas.crls())
        X509_STORE_add_crl(store.get(), crl);
    StoreContextPtr context(X509_STORE_CTX_new());
    X509_STORE_CTX_init(context.get(), store.get(), dsc, nullptr);
    X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(context.get());
    // Every installed CSCA is a trust anchor, link certificates included.
    unsigned long flags = X509_V_FLAG_PARTIAL_CHAIN;
    if (hasCrlFor(cscas, dsc))
        flags |= X509_V_FLAG_CRL_CHECK;
    X509_VERIFY_PARAM_set_flags(param, flags);
    X509_VERIFY_PARAM_set_time(param, now);
    // A DSC carries no TLS purpose; ICAO does not ask for one.
    X509_VERIFY_PARAM_set_purpose(param, X509_PURPOSE_ANY);
    if (X509_verify_cert(context.get()) == 1) {
        result->chain = "ok";
        STACK_OF(X509) *chain = X509_STORE_CTX_get0_chain(context.get());
        X509 *anchor = sk_X509_value(chain, sk_X509_num(chain) - 1);
        result->csca = nameText(X509_get_subject_name(anchor));
        if (countryOf(X509_get_subject_name(anchor)) != result->dscCountry)
            result->chain = "unknown_dsc"; // another country's CSCA cannot vouch for this one
        return;
    }
    result->chain = chainStatus(X509_STORE_CTX_get_error(context.get()));
}

void checkHashes(const SecurityObject &object, const std::map<int, Bytes> &dataGroups,
                 PassiveAuthResult *result) {
    const unsigned char *at = object.hashAlgorithm.data();
    ObjectPtr oid(d2i_ASN1_OBJECT(nullptr, &at, static_cast<long>(object.hashAlgorithm.size())));
    const EVP_MD *digest = oid ? EVP_get_digestbyobj(oid.get()) : nullptr;
    if (!digest) {
        result->hashes = "mismatch";
        for (const auto &[group, bytes] : dataGroups)
            result->mismatchedGroups.push_back(group);
        return;
    }
    for (const auto &[group, bytes] : dataGroups) {
        const auto expected = object.dataGroupHashes.find(group);
        Bytes actual(static_cast<std::size_t>(EVP_MD_get_size(digest)));
        unsigned int size = 0;
        EVP_Digest(bytes.data(), bytes.size(), actual.data(), &size, digest, nullptr);
        if (expected == object.dataGroupHashes.end() || expected->second != actual)
            result->mismatchedGroups.push_back(group);
    }
    result->hashes = result->mismatchedGroups.empty() ? "ok" : "mismatch";
}

} // namespace

PassiveAuthResult verifySod(ByteView sodFile, const std::map<int, Bytes> &dataGroups,
                            const CscaStore &cscas, std::time_t now) {
    PassiveAuthResult result;
    const auto signedData = sodSignedData(sodFile);
    if (!signedData)
        return result;
    const unsigned char *at = signedData->data();
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &at, static_cast<long>(signedData->size())));
    if (!cms || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed)
        return result;
    char oid[64] = {};
    OBJ_obj2txt(oid, sizeof oid, CMS_get0_eContentType(cms.get()), 1);
    if (std::string(oid) != kLdsSecurityObjectOid)
        return result;

    BioPtr content(BIO_new(BIO_s_mem()));
    // The DSC is checked against the CSCAs below, with the gate's own clock.
    if (CMS_verify(cms.get(), nullptr, nullptr, nullptr, content.get(),
                   CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) != 1) {
        result.signature = "bad";
        result.chain = "unknown_dsc";
        return result;
    }
    STACK_OF(X509) *signers = CMS_get0_signers(cms.get());
    if (!signers || sk_X509_num(signers) != 1) {
        sk_X509_free(signers);
        result.signature = "bad";
        result.chain = "unknown_dsc";
        return result;
    }
    X509 *dsc = sk_X509_value(signers, 0);
    sk_X509_free(signers); // the certificates stay owned by the CMS structure
    result.signature = "ok";
    checkChain(dsc, cscas, now, &result);

    BUF_MEM *buffer = nullptr;
    BIO_get_mem_ptr(content.get(), &buffer);
    const auto object = parseSecurityObject(
        ByteView(reinterpret_cast<const std::uint8_t *>(buffer->data), buffer->length));
    if (!object) {
        result.signature = "malformed";
        return result;
    }
    checkHashes(*object, dataGroups, &result);
    return result;
}

} // namespace gate::emrtd
