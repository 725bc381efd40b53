// The passenger screens of a wide lane (wheelchairs, prams, large luggage;
// staff nearby): larger symbols, and "Staff will help you" where a passenger
// is sent to staff. Grabbed to <build>/ui-screenshots/wide-*.png.
#include "screenprobe.h"

#include "core/clock.h"
#include "core/service/pinverifier.h"
#include "ui/mainwindow.h"
#include "ui/passengerscreenmodel.h"
#include "ui/servicemodemodel.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

using namespace Qt::StringLiterals;
using gate::Language;
using gate::ui::PassengerScreenModel;

namespace {

// The width of the widest visible result symbol on screen.
qreal widestSymbol(QQuickItem *item) {
    if (!item->isVisible())
        return 0;
    qreal widest = QString::fromLatin1(item->metaObject()->className())
                           .startsWith(QLatin1String("SymbolPictogram"))
                       ? item->width()
                       : 0;
    for (QQuickItem *child : item->childItems())
        widest = std::max(widest, widestSymbol(child));
    return widest;
}

} // namespace

class TestWideLane : public QObject {
    Q_OBJECT

public:
    static void initMain() { qputenv("QT_QUICK_BACKEND", "software"); }

private slots:
    void initTestCase() {
        m_engine = gate::ui::createMainEngine(m_passenger, m_service);
        QVERIFY(m_engine);
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void init() {
        m_passenger.setWideLane(false);
        m_passenger.showIdle();
    }

    void aPassengerSentToStaffIsToldStaffWillHelp_data() {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<Language>("language");
        QTest::addColumn<QString>("expected");
        QTest::newRow("staff-check-zh")
            << u"staff_check_required"_s << Language::Chinese << u"工作人员将为您提供帮助"_s;
        QTest::newRow("staff-check-en")
            << u"staff_check_required"_s << Language::English << u"Staff will help you"_s;
        QTest::newRow("staff-check-ko")
            << u"staff_check_required"_s << Language::Korean << u"직원이 도와드리겠습니다"_s;
        QTest::newRow("staff-check-ja")
            << u"staff_check_required"_s << Language::Japanese << u"係員がお手伝いします"_s;
        QTest::newRow("staff-check-ru")
            << u"staff_check_required"_s << Language::Russian << u"Вам поможет сотрудник"_s;
        QTest::newRow("already-used-en")
            << u"already_used"_s << Language::English << u"Staff will help you"_s;
    }
    void aPassengerSentToStaffIsToldStaffWillHelp() {
        QFETCH(QString, reason);
        QFETCH(Language, language);
        QFETCH(QString, expected);
        m_passenger.setLanguage(language);
        // The decision layer's texts, in the screen's language.
        const QString advice =
            QCoreApplication::translate("gate::Reason", "Please go to the staffed gate");
        m_passenger.showDenied(
            reason, QCoreApplication::translate("gate::Reason", "This ticket is checked by staff"),
            advice);
        QVERIFY(!m_passenger.staffHelpsHere());
        QStringList texts = gate::ui::test::visibleTexts(*m_window);
        QVERIFY2(texts.contains(advice), qPrintable(texts.join('|')));
        QVERIFY(!texts.contains(expected));
        const qreal standardSymbol = widestSymbol(m_window->contentItem());

        m_passenger.setWideLane(true);
        QVERIFY(m_passenger.staffHelpsHere());
        texts = gate::ui::test::visibleTexts(*m_window);
        QVERIFY2(texts.contains(expected), qPrintable(texts.join('|')));
        QVERIFY(!texts.contains(advice));
        QVERIFY2(widestSymbol(m_window->contentItem()) > standardSymbol,
                 qPrintable(QString::number(standardSymbol)));
        QVERIFY(!gate::ui::test::saveScreenshot(
                     *m_window, u"wide-denied-"_s + QString::fromLatin1(QTest::currentDataTag()))
                     .isEmpty());
    }

    // Other denials keep their advice: the passenger can act on it alone.
    void otherDenialsKeepTheirAdvice() {
        m_passenger.setWideLane(true);
        m_passenger.setLanguage(Language::English);
        m_passenger.showDenied(u"too_early"_s, u"Check-in for G1234 opens at 14:05"_s,
                               u"Please wait in the waiting hall"_s);
        QVERIFY(!m_passenger.staffHelpsHere());
        const QStringList texts = gate::ui::test::visibleTexts(*m_window);
        QVERIFY(texts.contains(u"Please wait in the waiting hall"_s));
        QVERIFY(!texts.contains(u"Staff will help you"_s));
    }

    void theAdmittedSymbolsAreLarger() {
        const QVariantMap ticket{{u"train"_s, u"G1234"_s},
                                 {u"car"_s, 5},
                                 {u"seat"_s, u"12F"_s},
                                 {u"direction"_s, u"right"_s}};
        m_passenger.setLanguage(Language::Chinese);
        m_passenger.showAdmitted(ticket);
        const qreal standardSymbol = widestSymbol(m_window->contentItem());
        m_passenger.setWideLane(true);
        m_passenger.showAdmitted(ticket);
        QVERIFY(widestSymbol(m_window->contentItem()) > standardSymbol);
        QVERIFY(!gate::ui::test::saveScreenshot(*m_window, u"wide-admitted-zh"_s).isEmpty());
    }

private:
    gate::ManualClock m_clock{1'795'200'000};
    gate::service::PinVerifier m_verifier{m_clock};
    PassengerScreenModel m_passenger;
    gate::ui::ServiceModeModel m_service{m_verifier};
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};

QTEST_MAIN(TestWideLane)
#include "tst_widelane.moc"
