// The serial frame layer of SAM readers: request frames, captured responses,
// hostile frames and the incremental assembler (reference/idcard-sam.md).
#include "core/credentials/idcard/cardanswer.h"
#include "core/credentials/idcard/idcardreading.h"
#include "hal/sam/frameassembler.h"
#include "hal/sam/samframe.h"

#include <QRandomGenerator>
#include <QTest>

using namespace gate::idcard;
using Kind = FrameError::Kind;

Q_DECLARE_METATYPE(gate::idcard::SamCommand)

class IdCardFrameTest : public QObject {
    Q_OBJECT
private slots:
    void requestFrames_data();
    void requestFrames();
    void capturedResponses_data();
    void capturedResponses();
    void responseBuilderMatchesCaptures();
    void hostileResponses_data();
    void hostileResponses();
    void everyFailingStatusIsReported();
    void answerPartsFollowTheLengthFields();
    void assemblerYieldsFramesFromAnyChunking();
    void assemblerResynchronisesAfterBrokenFrames();
    void assemblerStaysSmallOnEndlessNoise();
    void credentialFailures();
};

namespace {

QByteArray hex(const char *text) {
    return QByteArray::fromHex(text);
}

// A 30 01 answer with a blank text block and photo: enough for the frame layer.
QByteArray plainReadAnswer() {
    QByteArray data = hex("01000400");
    data.append(QByteArray(256, ' ')).append(QByteArray(1024, '\0'));
    return responseFrame(status::Ok, data);
}

QList<FrameAssembler::Event> drain(FrameAssembler &assembler) {
    QList<FrameAssembler::Event> events;
    while (auto event = assembler.take())
        events << *event;
    return events;
}

} // namespace

void IdCardFrameTest::requestFrames_data() {
    QTest::addColumn<SamCommand>("command");
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("reset") << SamCommand::ResetSam << hex("AAAAAA9669000310FFEC");
    QTest::newRow("status") << SamCommand::SamStatus << hex("AAAAAA9669000311FFED");
    QTest::newRow("sam id") << SamCommand::SamId << hex("AAAAAA9669000312FFEE");
    QTest::newRow("find") << SamCommand::FindCard << hex("AAAAAA96690003200122");
    QTest::newRow("select") << SamCommand::SelectCard << hex("AAAAAA96690003200221");
    QTest::newRow("read") << SamCommand::ReadText << hex("AAAAAA96690003300132");
    QTest::newRow("address") << SamCommand::ReadAppendedAddress << hex("AAAAAA96690003300330");
    QTest::newRow("fingerprint") << SamCommand::ReadTextFingerprint << hex("AAAAAA96690003301023");
}

void IdCardFrameTest::requestFrames() {
    QFETCH(SamCommand, command);
    QFETCH(QByteArray, frame);
    QCOMPARE(requestFrame(command).toHex(), frame.toHex());
}

void IdCardFrameTest::capturedResponses_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("sw3");
    QTest::addColumn<int>("dataSize");
    QTest::newRow("status ok") << hex("AAAAAA9669000400009094") << 0x90 << 0;
    QTest::newRow("self-test failed") << hex("AAAAAA9669000400006064") << 0x60 << 0;
    QTest::newRow("find ok") << hex("AAAAAA9669000800009F0000000097") << 0x9F << 4;
    QTest::newRow("no card") << hex("AAAAAA9669000400008084") << 0x80 << 0;
    QTest::newRow("select ok") << hex("AAAAAA9669000C00009000000000000000009C") << 0x90 << 8;
    QTest::newRow("select failed") << hex("AAAAAA9669000400008185") << 0x81 << 0;
    QTest::newRow("read failed") << hex("AAAAAA9669000400004145") << 0x41 << 0;
}

void IdCardFrameTest::capturedResponses() {
    QFETCH(QByteArray, frame);
    QFETCH(int, sw3);
    QFETCH(int, dataSize);
    const ResponseParse parsed = parseResponse(frame);
    QVERIFY(!parsed.error);
    QCOMPARE(int(parsed.response->sw1), 0);
    QCOMPARE(int(parsed.response->sw2), 0);
    QCOMPARE(int(parsed.response->sw3), sw3);
    QCOMPARE(parsed.response->data.size(), dataSize);
}

void IdCardFrameTest::responseBuilderMatchesCaptures() {
    QCOMPARE(responseFrame(status::Ok).toHex(), hex("AAAAAA9669000400009094").toHex());
    QCOMPARE(responseFrame(status::FindOk, QByteArray(4, '\0')).toHex(),
             hex("AAAAAA9669000800009F0000000097").toHex());
    QCOMPARE(responseFrame(status::Ok, QByteArray(8, '\0')).toHex(),
             hex("AAAAAA9669000C00009000000000000000009C").toHex());
    const QByteArray answer = plainReadAnswer();
    QCOMPARE(answer.size(), 1295);
    QCOMPARE(answer.first(14).toHex(), hex("AAAAAA96690508000090010004 00").toHex());
}

void IdCardFrameTest::hostileResponses_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("code");
    const QByteArray ok = hex("AAAAAA9669000400009094");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("truncated");
    QTest::newRow("preamble only") << ok.first(5) << QStringLiteral("truncated");
    QTest::newRow("cut in the body") << ok.first(9) << QStringLiteral("truncated");
    QTest::newRow("checksum missing") << ok.chopped(1) << QStringLiteral("truncated");
    QTest::newRow("wrong checksum")
        << hex("AAAAAA9669000400009095") << QStringLiteral("bad_checksum");
    QTest::newRow("wrong preamble")
        << hex("AAAAAB9669000400009094") << QStringLiteral("bad_preamble");
    QTest::newRow("noise first") << hex("00AAAAAA9669000400009094")
                                 << QStringLiteral("bad_preamble");
    QTest::newRow("length 3") << hex("AAAAAA96690003009093") << QStringLiteral("bad_length");
    QTest::newRow("length 0") << hex("AAAAAA96690000") << QStringLiteral("bad_length");
    QTest::newRow("length too big") << hex("AAAAAA96690913") << QStringLiteral("bad_length");
    QTest::newRow("length FFFF") << hex("AAAAAA9669FFFF00009000") << QStringLiteral("bad_length");
    QTest::newRow("bytes after the frame")
        << hex("AAAAAA9669000400009094AAAAAA") << QStringLiteral("bad_length");
}

void IdCardFrameTest::hostileResponses() {
    QFETCH(QByteArray, frame);
    QFETCH(QString, code);
    const ResponseParse parsed = parseResponse(frame);
    QVERIFY(!parsed.response);
    QCOMPARE(parsed.error->code(), code);
    QCOMPARE(readIdCardAnswer(frame).error->code(), code);
}

void IdCardFrameTest::everyFailingStatusIsReported() {
    const QByteArray answer = plainReadAnswer();
    const QByteArrayView data = QByteArrayView(answer).sliced(10, answer.size() - 11);
    for (int sw3 = 0; sw3 < 256; ++sw3) {
        if (sw3 == status::Ok)
            continue;
        const CardAnswerParse parsed = parseCardAnswer(responseFrame(quint8(sw3), data));
        QVERIFY(!parsed.answer);
        QCOMPARE(parsed.error->kind, Kind::Status);
        QCOMPARE(parsed.error->code(), QString::asprintf("status_%02X", sw3));
    }
    QCOMPARE((FrameError{Kind::Status, 0x9F}.code()), QStringLiteral("status_9F"));
    QCOMPARE((FrameError{Kind::Status, 0x0A}.code()), QStringLiteral("status_0A"));
}

void IdCardFrameTest::answerPartsFollowTheLengthFields() {
    const QByteArray text(256, 'T');
    const QByteArray photo(1024, 'P');
    const QByteArray fingerprint(1024, 'F');
    // 30 01
    CardAnswerParse parsed =
        parseCardAnswer(responseFrame(status::Ok, hex("01000400") + text + photo));
    QVERIFY(parsed.answer);
    QCOMPARE(parsed.answer->text, text);
    QCOMPARE(parsed.answer->photo, photo);
    QVERIFY(parsed.answer->fingerprint.isEmpty());
    // 30 10 with a fingerprint: the text starts at 16
    const QByteArray withFingerprint =
        responseFrame(status::Ok, hex("010004000400") + text + photo + fingerprint);
    QCOMPARE(withFingerprint.size(), 2321);
    parsed = parseCardAnswer(withFingerprint);
    QVERIFY(parsed.answer);
    QCOMPARE(parsed.answer->text, text);
    QCOMPARE(parsed.answer->fingerprint, fingerprint);
    // 30 10 without: length 0, with or without the empty area
    for (const QByteArray &area : {QByteArray(), QByteArray(1024, '\0')}) {
        parsed =
            parseCardAnswer(responseFrame(status::Ok, hex("010004000000") + text + photo + area));
        QVERIFY(parsed.answer);
        QCOMPARE(parsed.answer->text, text);
        QVERIFY(parsed.answer->fingerprint.isEmpty());
    }
    // Lengths that do not add up to the frame
    parsed = parseCardAnswer(responseFrame(status::Ok, hex("01000300") + text + photo));
    QCOMPARE(parsed.error->code(), QStringLiteral("bad_length"));
    parsed = parseCardAnswer(responseFrame(status::Ok, hex("0100")));
    QCOMPARE(parsed.error->code(), QStringLiteral("bad_length"));
    parsed = parseCardAnswer(responseFrame(status::Ok, hex("010004000200") + text + photo + "FF"));
    QCOMPARE(parsed.error->code(), QStringLiteral("bad_length"));
    // A text part that is not the 256-byte block
    parsed = parseCardAnswer(responseFrame(status::Ok, hex("00FF0401") + text + photo));
    QCOMPARE(parsed.error->code(), QStringLiteral("bad_text"));
}

void IdCardFrameTest::assemblerYieldsFramesFromAnyChunking() {
    const QList<QByteArray> frames{hex("AAAAAA9669000400009094"), plainReadAnswer(),
                                   hex("AAAAAA9669000800009F0000000097"),
                                   requestFrame(SamCommand::FindCard)};
    QByteArray stream = hex("0011AAAA96");
    for (const QByteArray &frame : frames)
        stream += frame + hex("AA00FF69");
    for (const int chunkSize : {1, 2, 3, 5, 7, 64, 511, 4096}) {
        FrameAssembler assembler;
        QList<QByteArray> seen;
        for (qsizetype at = 0; at < stream.size(); at += chunkSize) {
            assembler.push(QByteArrayView(stream).sliced(
                at, std::min<qsizetype>(chunkSize, stream.size() - at)));
            for (const auto &event : drain(assembler)) {
                QVERIFY(!event.error);
                seen << event.frame;
            }
        }
        QCOMPARE(seen, frames);
        QVERIFY(assembler.bufferedBytes() < kPreambleSize);
    }
}

void IdCardFrameTest::assemblerResynchronisesAfterBrokenFrames() {
    const QByteArray good = hex("AAAAAA9669000400009094");
    QByteArray badChecksum = good;
    badChecksum.back() = char(0x95);
    // A preamble in the noise with a plausible length swallows the good frame
    // until its checksum fails; the scan then finds the good frame inside it.
    const QByteArray falseStart = hex("AAAAAA9669000A");
    const QByteArray hugeLength = hex("AAAAAA9669FFFF");

    FrameAssembler assembler;
    assembler.push(badChecksum + hugeLength + falseStart + good);
    const QList<FrameAssembler::Event> events = drain(assembler);
    QCOMPARE(events.size(), 4);
    QCOMPARE(events[0].error->code(), QStringLiteral("bad_checksum"));
    QCOMPARE(events[1].error->code(), QStringLiteral("bad_length"));
    QCOMPARE(events[2].error->code(), QStringLiteral("bad_checksum"));
    QCOMPARE(events[3].frame, good);
    QVERIFY(assembler.skippedBytes() > 0);

    // reset() forgets a half-received frame.
    assembler.push(good.first(8));
    QVERIFY(drain(assembler).isEmpty());
    assembler.reset();
    assembler.push(good);
    QCOMPARE(drain(assembler).size(), 1);
}

void IdCardFrameTest::assemblerStaysSmallOnEndlessNoise() {
    FrameAssembler assembler;
    QByteArray noise(4096, '\0');
    for (int round = 0; round < 256; ++round) {
        for (char &byte : noise)
            byte = char(QRandomGenerator::global()->bounded(256) & 0x7F); // never AA
        assembler.push(noise);
        QVERIFY(drain(assembler).isEmpty());
        QVERIFY(assembler.bufferedBytes() < kPreambleSize);
    }
    // Preambles with incomplete frames behind them stay bounded by one frame.
    for (int round = 0; round < 64; ++round) {
        assembler.push(hex("AAAAAA96690913") + noise.first(100));
        drain(assembler);
        QVERIFY(assembler.bufferedBytes() <= kMaxFrameSize + 107);
    }
}

void IdCardFrameTest::credentialFailures() {
    QCOMPARE(gate::credentialFromIdCardAnswer(hex("AAAAAA9669000400004145")).failure,
             std::optional(gate::Reason::CardUnreadable));
    QCOMPARE(gate::credentialFromIdCardAnswer(QByteArray()).failure,
             std::optional(gate::Reason::CardUnreadable));
    QCOMPARE(gate::credentialFromIdCardAnswer(plainReadAnswer()).failure,
             std::optional(gate::Reason::CardUnreadable)); // blank text block
    QCOMPARE(gate::credentialFromIdCardAnswer(plainReadAnswer()).kind,
             gate::Credential::Kind::Failure);
}

QTEST_GUILESS_MAIN(IdCardFrameTest)
#include "tst_idcardframe.moc"
