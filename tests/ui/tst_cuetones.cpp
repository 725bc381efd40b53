// The passenger cues: the PCM they are made of, and a player that copes with
// a machine that has no speaker.
#include "ui/cueplayer.h"
#include "ui/cuetones.h"

#include <QAudioDevice>
#include <QMediaDevices>
#include <QRegularExpression>
#include <QTest>
#include <QtEndian>

#include <cmath>

using gate::ui::PassengerScreenModel;
using namespace Qt::StringLiterals;

namespace {

constexpr int rate = 48000;

QList<qint16> samples(const QByteArray &pcm) {
    QList<qint16> out;
    for (qsizetype i = 0; i + 1 < pcm.size(); i += 2)
        out.append(qFromLittleEndian<qint16>(pcm.constData() + i));
    return out;
}

// Sign changes per second over the first `ms` of the sound: twice its pitch.
double pitchOfStart(const QList<qint16> &values, int ms) {
    const int count = rate * ms / 1000;
    int crossings = 0;
    for (int i = 1; i < count && i < values.size(); ++i)
        crossings += (values[i - 1] < 0) != (values[i] < 0);
    return crossings / 2.0 / (ms / 1000.0);
}

} // namespace

class CueTonesTest : public QObject {
    Q_OBJECT

private slots:
    void lengthsFollowTheirTones_data() {
        QTest::addColumn<PassengerScreenModel::Cue>("cue");
        QTest::addColumn<int>("ms");
        QTest::newRow("admit") << PassengerScreenModel::Cue::Admit << 340;
        QTest::newRow("deny") << PassengerScreenModel::Cue::Deny << 480;
        QTest::newRow("alarm") << PassengerScreenModel::Cue::Alarm << 1000;
        QTest::newRow("staff call") << PassengerScreenModel::Cue::StaffCall << 900;
    }
    void lengthsFollowTheirTones() {
        QFETCH(PassengerScreenModel::Cue, cue);
        QFETCH(int, ms);
        QCOMPARE(gate::ui::cueTone(cue, rate).size(), qsizetype(rate) * ms / 1000 * 2);
    }

    void admitSoundsHigherThanDeny() {
        const double admit =
            pitchOfStart(samples(gate::ui::cueTone(PassengerScreenModel::Cue::Admit, rate)), 100);
        const double deny =
            pitchOfStart(samples(gate::ui::cueTone(PassengerScreenModel::Cue::Deny, rate)), 100);
        QVERIFY2(std::abs(admit - 880) < 30, qPrintable(QString::number(admit)));
        QVERIFY2(std::abs(deny - 330) < 30, qPrintable(QString::number(deny)));
    }

    // The staff call is a chime, high then low, not the alarm's siren.
    void staffCallChimesHighThenLow() {
        const QList<qint16> chime =
            samples(gate::ui::cueTone(PassengerScreenModel::Cue::StaffCall, rate));
        const double high = pitchOfStart(chime, 200);
        const double low = pitchOfStart(chime.mid(rate * 400 / 1000), 200);
        QVERIFY2(std::abs(high - 1047) < 30, qPrintable(QString::number(high)));
        QVERIFY2(std::abs(low - 784) < 30, qPrintable(QString::number(low)));
    }

    void fadesInAndOutWithoutClipping() {
        for (auto cue : {PassengerScreenModel::Cue::Admit, PassengerScreenModel::Cue::Deny,
                         PassengerScreenModel::Cue::Alarm, PassengerScreenModel::Cue::StaffCall}) {
            const QList<qint16> values = samples(gate::ui::cueTone(cue, rate));
            QVERIFY(std::abs(values.first()) < 100);
            QVERIFY(std::abs(values.last()) < 100);
            qint16 peak = 0;
            for (qint16 value : values)
                peak = std::max<qint16>(peak, qint16(std::abs(value)));
            QVERIFY2(peak > 10000 && peak < 32000, qPrintable(QString::number(peak)));
        }
    }

    // With a speaker the newer cue cuts the one playing; without one the
    // player says so once and plays nothing.
    void playingWithOrWithoutASpeakerIsSafe() {
        const QAudioDevice output = QMediaDevices::defaultAudioOutput();
        if (output.isNull())
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"cues are silent"_s));
        gate::ui::CuePlayer player;
        if (output.isNull())
            QVERIFY(!player.audible());
        player.play(PassengerScreenModel::Cue::Admit);
        player.play(PassengerScreenModel::Cue::Deny);
        if (!player.audible()) {
            QVERIFY(player.lastCue().isEmpty());
            return;
        }
        const int outputRate = output.preferredFormat().sampleRate() > 0
                                   ? output.preferredFormat().sampleRate()
                                   : 44100;
        QCOMPARE(player.lastCue(), gate::ui::cueTone(PassengerScreenModel::Cue::Deny, outputRate));
    }
};

QTEST_MAIN(CueTonesTest)
#include "tst_cuetones.moc"
