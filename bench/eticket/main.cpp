// bench-eticket: an RT1 code from camera frame to verified claims.
//  - frame_ms: BarcodeReader::read + verify on a 1280x720 frame with a code
//    (generated phone-screen scenes), one thread;
//  - empty_frame_ms: read() on frames without a code (every fallback pass runs);
//  - stream_empty_frame_ms: readStreamFrame() on those (the camera's per-frame cost);
//  - verify_eddsa_ms / verify_es256_ms: verify() alone on the code text;
//  - ed25519_strict_libsodium_ms / ed25519_openssl_ms: one Ed25519 signature
//    check over a code's signed bytes, with the gate's strict verifier
//    (libsodium: S < L, no small-order R or key) and with OpenSSL 3's
//    EVP_DigestVerify (key object built once), which the gate used before;
//  - read_rate: share of the generated scenes whose code was read and valid.

#include "benchreport.h"
#include "code_issue.h"
#include "code_qrimage.h"
#include "phonescenes.h"
#include "testcodes.h"

#include "core/credentials/eticket/verifier.h"
#include "core/crypto/stricted25519.h"
#include "vision/barcode/barcodereader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/evp.h>

#include <functional>
#include <memory>

#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

using gate::issuer::SigningKey;
namespace eticket = gate::eticket;

namespace {

constexpr qint64 now = 1763700000;

eticket::TrustList trustFor(const std::vector<SigningKey> &keys) {
    QJsonArray entries;
    for (const SigningKey &key : keys) {
        const QByteArray pub = key.rawPublicKey();
        entries.append(QJsonObject{
            {QStringLiteral("kid"), QString::fromLatin1(eticket::keyIdOf(pub).toBase64())},
            {QStringLiteral("alg"), key.algorithm() == SigningKey::Algorithm::Ed25519
                                        ? QStringLiteral("EdDSA")
                                        : QStringLiteral("ES256")},
            {QStringLiteral("pub"), QString::fromLatin1(pub.toBase64())},
            {QStringLiteral("iss"), QStringLiteral("CR")},
            {QStringLiteral("nbf"), now - 86400},
            {QStringLiteral("exp"), now + 86400},
            {QStringLiteral("status"), QStringLiteral("active")},
        });
    }
    const QByteArray json =
        QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("gate-keys/1")},
                                  {QStringLiteral("keys"), entries}})
            .toJson();
    return *eticket::TrustList::parse(json, nullptr);
}

double elapsedMs(const QElapsedTimer &timer) {
    return double(timer.nsecsElapsed()) / 1e6;
}

std::vector<double> timeVerify(const QString &text, const eticket::TrustList &trust, int rounds) {
    std::vector<double> samples;
    samples.reserve(size_t(rounds));
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        const eticket::Verification result = eticket::verify(text, trust, now);
        samples.push_back(elapsedMs(timer));
        if (result.outcome != eticket::Outcome::Valid)
            qFatal("benchmark code did not verify");
    }
    return samples;
}

// The same signature checked `rounds` times by `check`.
std::vector<double> timeSignature(const std::function<bool()> &check, int rounds) {
    std::vector<double> samples;
    samples.reserve(size_t(rounds));
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer timer;
        timer.start();
        const bool ok = check();
        samples.push_back(elapsedMs(timer));
        if (!ok)
            qFatal("benchmark signature did not verify");
    }
    return samples;
}

bool opensslVerifies(EVP_PKEY *key, const QByteArray &message, const QByteArray &signature) {
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                          EVP_MD_CTX_free);
    return context && EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key) == 1 &&
           EVP_DigestVerify(context.get(),
                            reinterpret_cast<const unsigned char *>(signature.constData()),
                            size_t(signature.size()),
                            reinterpret_cast<const unsigned char *>(message.constData()),
                            size_t(message.size())) == 1;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    cv::setNumThreads(1);
    const SigningKey ed = SigningKey::generate(SigningKey::Algorithm::Ed25519);
    const SigningKey es = SigningKey::generate(SigningKey::Algorithm::P256);
    const eticket::TrustList trust = trustFor({ed, es});
    const gate::TicketClaims claims = gate::testing::typicalTicketClaims(now - 60);
    const QString edText = gate::issuer::issueTicketCode(claims, ed);
    const QString esText = gate::issuer::issueTicketCode(claims, es);

    const gate::vision::BarcodeReader reader;
    const auto scenes =
        gate::testing::renderPhoneScenes(gate::issuer::renderQrCode(edText, 4), 10, 7);
    std::vector<double> frameMs;
    int valid = 0;
    for (const auto &scene : scenes) {
        QElapsedTimer timer;
        timer.start();
        bool ok = false;
        for (const auto &code : reader.read(scene.frame))
            ok |= eticket::verify(QString::fromStdString(code.text), trust, now).outcome ==
                  eticket::Outcome::Valid;
        frameMs.push_back(elapsedMs(timer));
        valid += ok;
    }
    // An empty lane: an unevenly lit, slightly noisy scene without a code.
    cv::Mat empty(720, 1280, CV_8UC3);
    cv::randu(empty, cv::Scalar::all(60), cv::Scalar::all(190));
    cv::GaussianBlur(empty, empty, {0, 0}, 8);
    cv::Mat grain(empty.size(), CV_8UC3);
    cv::randu(grain, cv::Scalar::all(0), cv::Scalar::all(12));
    empty += grain;
    std::vector<double> emptyMs;
    std::vector<double> streamEmptyMs;
    for (unsigned i = 0; i < 20; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!reader.read(empty).empty())
            qFatal("a code in random noise");
        emptyMs.push_back(elapsedMs(timer));
        timer.restart();
        if (!reader.readStreamFrame(empty, i).empty())
            qFatal("a code in random noise");
        streamEmptyMs.push_back(elapsedMs(timer));
    }
    // A typical code's Sig_structure is about 180 bytes.
    const QByteArray message(180, 'm');
    const QByteArray signature = ed.sign(message);
    const QByteArray pub = ed.rawPublicKey();
    const std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> opensslKey(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                    reinterpret_cast<const unsigned char *>(pub.constData()),
                                    size_t(pub.size())),
        EVP_PKEY_free);
    const auto strictMs =
        timeSignature([&] { return gate::crypto::verifyEd25519(pub, message, signature); }, 20000);
    const auto opensslMs =
        timeSignature([&] { return opensslVerifies(opensslKey.get(), message, signature); }, 20000);
    gate::bench::printReport(
        QStringLiteral("eticket"),
        {{QStringLiteral("frame_ms"), gate::bench::summarize(frameMs)},
         {QStringLiteral("empty_frame_ms"), gate::bench::summarize(emptyMs)},
         {QStringLiteral("stream_empty_frame_ms"), gate::bench::summarize(streamEmptyMs)},
         {QStringLiteral("verify_eddsa_ms"),
          gate::bench::summarize(timeVerify(edText, trust, 2000))},
         {QStringLiteral("verify_es256_ms"),
          gate::bench::summarize(timeVerify(esText, trust, 2000))},
         {QStringLiteral("ed25519_strict_libsodium_ms"), gate::bench::summarize(strictMs)},
         {QStringLiteral("ed25519_openssl_ms"), gate::bench::summarize(opensslMs)},
         {QStringLiteral("read_rate"), double(valid) / double(scenes.size())},
         {QStringLiteral("frames"), qint64(scenes.size())},
         {QStringLiteral("code_chars"), edText.size()}});
    return 0;
}
