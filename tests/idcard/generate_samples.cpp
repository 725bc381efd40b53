// Writes the .bin answer frames of tests/idcard/samples from samples/cards.json
// (valid cards) and from hostile changes to one of them (invalid frames). The
// golden .json files beside them are written by hand. Run after changing the
// encoder or cards.json:  idcard-generate-samples tests/idcard/samples
#include "core/credentials/idcard/cardencoder.h"
#include "core/credentials/idcard/textblocklayout.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {

using namespace gate::idcard;

constexpr qsizetype kTextOffset = 14; // in a 30 01 answer

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    return true;
}

// Recomputes the checksum after a change inside the frame.
QByteArray resealed(QByteArray frame) {
    frame.back() = char(
        xorChecksum(QByteArrayView(frame).sliced(kPreambleSize, frame.size() - kPreambleSize - 1)));
    return frame;
}

QByteArray withText(QByteArray frame, qsizetype textOffset, QStringView text) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        frame[kTextOffset + textOffset + 2 * i] = char(text[i].unicode() & 0xFF);
        frame[kTextOffset + textOffset + 2 * i + 1] = char(text[i].unicode() >> 8);
    }
    return resealed(frame);
}

QByteArray withByte(QByteArray frame, qsizetype offset, char value) {
    frame[offset] = value;
    return frame;
}

QMap<QString, QByteArray> invalidFrames(const QByteArray &base) {
    namespace at = layout::resident;
    QByteArray noPreamble = base;
    noPreamble[0] = '\xAB';
    QByteArray lengthTooShort = withByte(base, 6, '\x00'); // 0x0500: fewer bytes than sent
    QByteArray partsMismatch = resealed(withByte(base, 12, '\x03')); // photo length 0x0300
    QByteArray shortText = base;
    shortText[10] = '\x00'; // text length 0x00F0, photo 0x0410: same total
    shortText[11] = '\xF0';
    shortText[12] = '\x04';
    shortText[13] = '\x10';
    return {
        {QStringLiteral("empty"), {}},
        {QStringLiteral("truncated-header"), base.first(6)},
        {QStringLiteral("truncated-text"), base.first(700)},
        {QStringLiteral("bad-checksum"), withByte(base, base.size() - 1, char(base.back() ^ 0x01))},
        {QStringLiteral("bad-checksum-text-changed"), withByte(base, kTextOffset + 2, '\x41')},
        {QStringLiteral("bad-preamble"), noPreamble},
        {QStringLiteral("garbage-before-frame"), QByteArray("\x00\x13\xAA\x55", 4) + base},
        {QStringLiteral("trailing-bytes"), base + QByteArray("\xAA\xAA", 2)},
        {QStringLiteral("length-too-short"), lengthTooShort},
        {QStringLiteral("length-beyond-data"), withByte(base, 6, '\x09')},
        {QStringLiteral("length-huge"), withByte(withByte(base, 5, '\xFF'), 6, '\xFF')},
        {QStringLiteral("parts-mismatch"), partsMismatch},
        {QStringLiteral("text-length-not-256"), resealed(shortText)},
        {QStringLiteral("status-41-read-failed"), QByteArray::fromHex("AAAAAA9669000400004145")},
        {QStringLiteral("status-80-no-card"), QByteArray::fromHex("AAAAAA9669000400008084")},
        {QStringLiteral("status-9F-find-answer"),
         QByteArray::fromHex("AAAAAA9669000800009F0000000097")},
        {QStringLiteral("status-60-self-test"), QByteArray::fromHex("AAAAAA9669000400006064")},
        {QStringLiteral("bad-text-birth-date"), withText(base, at::birth.offset, u"19911301")},
        {QStringLiteral("bad-text-control-character"), withText(base, at::name.offset, u"\u0001")},
        {QStringLiteral("bad-text-sex-code"), withText(base, at::sex.offset, u"5")},
        {QStringLiteral("bad-text-no-number"),
         withText(base, at::number.offset, QString(18, u' '))},
        {QStringLiteral("bad-text-valid-to"), withText(base, at::validTo.offset, u"长久    ")},
    };
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    if (app.arguments().size() != 2) {
        std::fprintf(stderr, "usage: idcard-generate-samples SAMPLES_DIR\n");
        return 2;
    }
    const QDir samples(app.arguments().at(1));
    QFile cardsFile(samples.filePath(QStringLiteral("cards.json")));
    if (!cardsFile.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(cardsFile.fileName()));
        return 2;
    }
    const QJsonArray entries = QJsonDocument::fromJson(cardsFile.readAll()).array();
    QByteArray firstFrame;
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const QString name = entry.value(QStringLiteral("sample")).toString();
        QString error;
        const auto card =
            cardDescriptionFromJson(entry.value(QStringLiteral("card")).toObject(), &error);
        const SamCommand read =
            entry.value(QStringLiteral("read")).toString() == QLatin1String("30 10")
                ? SamCommand::ReadTextFingerprint
                : SamCommand::ReadText;
        const auto frame = card ? encodeReadAnswer(*card, read, &error) : std::nullopt;
        if (!frame) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(name), qPrintable(error));
            return 1;
        }
        if (firstFrame.isEmpty())
            firstFrame = *frame;
        if (!writeFile(samples.filePath(QStringLiteral("valid/%1.bin").arg(name)), *frame))
            return 1;
    }
    const QMap<QString, QByteArray> invalid = invalidFrames(firstFrame);
    for (auto it = invalid.begin(); it != invalid.end(); ++it)
        if (!writeFile(samples.filePath(QStringLiteral("invalid/%1.bin").arg(it.key())),
                       it.value()))
            return 1;
    return 0;
}
