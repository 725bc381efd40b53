// What the touchscreen shows of a decision and of the lane: the presenter's
// rules, on the real screen models (no QML needed).
#include "core/clock.h"
#include "core/service/pinverifier.h"
#include "ui/cueplayer.h"
#include "ui/passengerscreenmodel.h"
#include "ui/servicemodemodel.h"
#include "ui/touchscreenpresenter.h"

#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using gate::Language;
using gate::PassageReport;
using gate::Reason;
using gate::ui::PassengerScreenModel;

namespace {

constexpr qint64 kDeparture = 1'795'241'100;

PassageReport admittedParty() {
    PassageReport report;
    report.credentialKind = u"resident"_s;
    report.decision.admit = true;
    report.decision.reason = Reason::Ok;
    report.decision.decidedAt = kDeparture - 600;
    report.decision.ticket = gate::MatchedTicket{
        u"T1"_s, u"G1234"_s, u"BJP"_s, u"AOH"_s, kDeparture, 5, u"12F"_s, u"2"_s, u"ZHANG*"_s};
    report.decision.partyTids = {u"T1"_s, u"T2"_s};
    report.decision.details = {{u"dep_zh"_s, u"北京"_s}, {u"arr_en"_s, u"Shanghai"_s}};
    return report;
}

PassageReport deniedTooEarly(std::optional<Language> holderLanguage) {
    PassageReport report;
    report.credentialKind = u"mrz"_s;
    report.holderLanguage = holderLanguage;
    report.decision.reason = Reason::TooEarly;
    report.decision.details = {{u"trn"_s, u"G1234"_s}, {u"opens_at"_s, kDeparture - 1800}};
    report.decision.decidedAt = kDeparture - 3600;
    return report;
}

} // namespace

class TouchscreenPresenterTest : public QObject {
    Q_OBJECT

    gate::ManualClock m_clock{kDeparture};
    gate::service::PinVerifier m_pins{m_clock};
    std::unique_ptr<PassengerScreenModel> m_passenger;
    std::unique_ptr<gate::ui::ServiceModeModel> m_service;
    gate::ui::CuePlayer m_cues;
    std::unique_ptr<gate::ui::TouchscreenPresenter> m_presenter;

private slots:
    void init() {
        m_presenter.reset();
        m_passenger = std::make_unique<PassengerScreenModel>();
        m_passenger->setLanguages({Language::Chinese, Language::English}, Language::Chinese);
        m_service = std::make_unique<gate::ui::ServiceModeModel>(m_pins);
        m_presenter =
            std::make_unique<gate::ui::TouchscreenPresenter>(*m_passenger, *m_service, m_cues);
    }

    void anAdmittedPartyShowsItsTicket() {
        m_presenter->showDecision(admittedParty());
        QCOMPARE(m_passenger->screen(), PassengerScreenModel::Screen::Admitted);
        const QVariantMap ticket = m_passenger->ticket();
        QCOMPARE(ticket.value(u"train"_s).toString(), u"G1234"_s);
        QCOMPARE(ticket.value(u"coach"_s).toString(), u"5"_s);
        QCOMPARE(ticket.value(u"seat"_s).toString(), u"12F"_s);
        QCOMPARE(ticket.value(u"name"_s).toString(), u"ZHANG*"_s);
        QCOMPARE(ticket.value(u"direction"_s).toString(), u"ahead"_s);
        QCOMPARE(ticket.value(u"party"_s).toInt(), 2);
        QVERIFY(!ticket.value(u"departure"_s).toString().isEmpty());
        QCOMPARE(ticket.value(u"from_zh"_s).toString(), u"北京"_s);
        QCOMPARE(ticket.value(u"to_en"_s).toString(), u"Shanghai"_s);

        const QVariantList decisions = m_service->decisions();
        QCOMPARE(decisions.size(), 1);
        const QVariantMap entry = decisions.first().toMap();
        QCOMPARE(entry.value(u"admit"_s).toBool(), true);
        QCOMPARE(entry.value(u"train"_s).toString(), u"G1234"_s);
        QCOMPARE(entry.value(u"credential"_s).toString(), u"resident"_s);
        // Not a passport: the panel's last passport is left as it was.
        QVERIFY(m_service->passportChip().isEmpty());
    }

    void aDenialIsShownInTheHoldersLanguageAndAgainInTheNextOne() {
        QSignalSpy cues(m_passenger.get(), &PassengerScreenModel::cueRequested);
        m_presenter->showDecision(deniedTooEarly(Language::English));
        QCOMPARE(m_passenger->screen(), PassengerScreenModel::Screen::Denied);
        QCOMPARE(m_passenger->languageCode(), u"en"_s);
        QCOMPARE(m_passenger->reasonCode(), u"too_early"_s);
        const QString english = m_passenger->headline();
        QVERIFY2(english.contains(u"G1234"_s), qPrintable(english));

        m_passenger->nextLanguage();
        QCOMPARE(m_passenger->languageCode(), u"zh"_s);
        QCOMPARE(m_passenger->screen(), PassengerScreenModel::Screen::Denied);
        QVERIFY2(m_passenger->headline() != english, qPrintable(m_passenger->headline()));
        QVERIFY2(m_passenger->headline().contains(u"G1234"_s), qPrintable(m_passenger->headline()));
        // Switching language is not a new decision: no second entry on the
        // panel, no second cue, and the passenger's choice is kept.
        QCOMPARE(m_service->decisions().size(), 1);
        QCOMPARE(cues.size(), 1);
        m_passenger->nextLanguage();
        QCOMPARE(m_passenger->languageCode(), u"en"_s);
        QCOMPARE(m_passenger->headline(), english);
    }

    void aPassportsChipProofReachesOnlyTheServicePanel() {
        PassageReport report = deniedTooEarly(std::nullopt);
        report.chip.state = gate::ChipProof::State::Forged;
        report.chip.detail = u"hashes: mismatch"_s;
        report.chip.faceSize = QSize(2, 1);
        report.chip.faceRgb = QByteArray("\xff\x00\x00\x00\x00\xff", 6);
        m_presenter->showDecision(report);
        QCOMPARE(m_service->passportChip(), u"forged: hashes: mismatch"_s);
        const QImage face = m_service->passportFace();
        QCOMPARE(face.size(), QSize(2, 1));
        QCOMPARE(face.pixelColor(0, 0), QColor(Qt::red));
        QCOMPARE(face.pixelColor(1, 0), QColor(Qt::blue));
    }

    void theLanesAvailabilityPicksTheScreen() {
        m_presenter->showLaneAvailability(false, u"emergency"_s);
        QCOMPARE(m_passenger->screen(), PassengerScreenModel::Screen::Emergency);
        m_presenter->showLaneAvailability(false, u"link_lost"_s);
        QCOMPARE(m_passenger->screen(), PassengerScreenModel::Screen::OutOfService);
        QCOMPARE(m_passenger->outOfServiceReason(), u"link_lost"_s);
        m_presenter->showLaneAvailability(true, QString());
        QCOMPARE(m_passenger->screen(), PassengerScreenModel::Screen::Idle);
    }

    void anOldListIsShownWithItsAge() {
        m_presenter->showListAge(gate::ListAge::PastGrace, 7200);
        QVERIFY(m_passenger->listStale());
        QCOMPARE(m_passenger->listAgeSecsForQml(), 7200.0);
        m_presenter->showListAge(gate::ListAge::Fresh, 10);
        QVERIFY(!m_passenger->listStale());
    }

    void readingAChipIsSaid() {
        m_presenter->showReadingChip();
        QCOMPARE(m_passenger->screen(), PassengerScreenModel::Screen::Reading);
        QCOMPARE(m_passenger->readingHint(), u"reading_chip"_s);
    }
};

QTEST_MAIN(TouchscreenPresenterTest)
#include "tst_touchscreenpresenter.moc"
