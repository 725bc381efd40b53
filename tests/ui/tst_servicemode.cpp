#include "screenprobe.h"

#include "core/clock.h"
#include "core/service/pinverifier.h"
#include "ui/mainwindow.h"
#include "ui/passengerscreenmodel.h"
#include "ui/servicemodemodel.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using gate::service::PinVerifier;
using gate::ui::ServiceModeModel;
using Stage = gate::ui::ServiceModeModel::Stage;

namespace {

constexpr qint64 kStart = 1'795'200'000;
const QString kStaff = u"1001"_s;

} // namespace

class TestServiceMode : public QObject {
    Q_OBJECT

public:
    static void initMain() {
        qputenv("QT_QUICK_BACKEND", "software");
        qputenv("TZ", "UTC");
    }

private slots:
    void initTestCase() {
        QVERIFY(m_verifier.setStaff({{kStaff, PinVerifier::hash(u"2468"_s, 1000)}}).isEmpty());
        m_engine = gate::ui::createMainEngine(m_passenger, m_service);
        QVERIFY(m_engine);
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanup() {
        m_service.exit();
        m_clock.advance(3600); // any lockout of a test is over
        m_service.setIdleTimeoutMs(120000);
    }

    void aLongPressInTheCornerOpensTheKeypad() {
        QTest::mousePress(m_window, Qt::LeftButton, {}, QPoint(40, 40));
        QTRY_COMPARE_WITH_TIMEOUT(m_service.stage(), Stage::StaffNumber, 10000);
        QTest::mouseRelease(m_window, Qt::LeftButton, {}, QPoint(40, 40));
        QVERIFY(gate::ui::test::visibleTexts(*m_window).contains(u"维护模式：请输入工号"_s));
        type(kStaff);
        m_service.confirm();
        QCOMPARE(m_service.stage(), Stage::Pin);
        type(u"24"_s);
        QVERIFY(gate::ui::test::visibleTexts(*m_window).contains(u"●●"_s));
        QVERIFY(!gate::ui::test::saveScreenshot(*m_window, u"service-keypad-zh"_s).isEmpty());
    }

    void aShortTapInTheCornerDoesNothing() {
        QTest::mouseClick(m_window, Qt::LeftButton, {}, QPoint(40, 40));
        QCOMPARE(m_service.stage(), Stage::Closed);
    }

    void theRightPinOpensTheServiceMode() {
        QSignalSpy actions(&m_service, &ServiceModeModel::staffAction);
        logIn(u"2468"_s);
        QCOMPARE(m_service.stage(), Stage::Open);
        QCOMPARE(m_service.staffId(), kStaff);
        QCOMPARE(actions.size(), 1);
        QCOMPARE(actions.at(0), (QVariantList{u"login"_s, kStaff}));

        m_service.exit();
        QCOMPARE(m_service.stage(), Stage::Closed);
        QCOMPARE(actions.last(), (QVariantList{u"logout"_s, kStaff}));
    }

    void repeatedWrongPinsLockTheKeypad() {
        QSignalSpy actions(&m_service, &ServiceModeModel::staffAction);
        for (int i = 0; i < 2; ++i) {
            logIn(u"1111"_s);
            QCOMPARE(m_service.stage(), Stage::Pin);
            QVERIFY(m_service.pinRejected());
            m_service.exit();
        }
        logIn(u"1111"_s);
        QCOMPARE(m_service.stage(), Stage::LockedOut);
        QCOMPARE(actions.size(), 3);
        QCOMPARE(actions.at(0), (QVariantList{u"login_failed"_s, kStaff}));
        QCOMPARE(actions.at(2), (QVariantList{u"login_locked"_s, kStaff}));
        QVERIFY(gate::ui::test::visibleTexts(*m_window).contains(u"密码错误次数过多"_s));
        QVERIFY(!gate::ui::test::saveScreenshot(*m_window, u"service-locked-zh"_s).isEmpty());

        // Closing and reopening does not get round the lockout.
        m_service.exit();
        m_service.requestEntry();
        QCOMPARE(m_service.stage(), Stage::LockedOut);
        m_service.pressDigit(1);
        QCOMPARE(m_service.typedStaffId(), QString());

        m_clock.advance(300);
        QTRY_COMPARE(m_service.stage(), Stage::StaffNumber);
    }

    void commandsCarryTheStaffId_data() {
        QTest::addColumn<QString>("command");
        for (const char *command : {"open_once_entry", "open_once_exit", "free_passage", "lock",
                                    "normal", "emergency_reset", "alarm_reset"})
            QTest::newRow(command) << QString::fromLatin1(command);
    }
    void commandsCarryTheStaffId() {
        QFETCH(QString, command);
        QSignalSpy lane(&m_service, &ServiceModeModel::laneCommandRequested);
        QSignalSpy actions(&m_service, &ServiceModeModel::staffAction);
        QVERIFY(!m_service.command(command)); // not logged in
        QCOMPARE(lane.size(), 0);

        logIn(u"2468"_s);
        QVERIFY(m_service.command(command));
        QCOMPARE(lane.size(), 1);
        QCOMPARE(lane.at(0), (QVariantList{command, kStaff}));
        QCOMPARE(actions.last(), (QVariantList{command, kStaff}));
    }

    void syncNowAndUnknownCommands() {
        QSignalSpy sync(&m_service, &ServiceModeModel::syncNowRequested);
        QSignalSpy lane(&m_service, &ServiceModeModel::laneCommandRequested);
        QSignalSpy actions(&m_service, &ServiceModeModel::staffAction);
        logIn(u"2468"_s);
        QVERIFY(m_service.command(u"sync_now"_s));
        QCOMPARE(sync.size(), 1);
        QCOMPARE(sync.at(0).at(0).toString(), kStaff);
        QCOMPARE(actions.last(), (QVariantList{u"sync_now"_s, kStaff}));

        const auto before = actions.size();
        QVERIFY(!m_service.command(u"self-destruct"_s));
        QCOMPARE(actions.size(), before);
        QCOMPARE(lane.size(), 0);
    }

    void aButtonOnThePanelSendsItsCommand() {
        QSignalSpy lane(&m_service, &ServiceModeModel::laneCommandRequested);
        logIn(u"2468"_s);
        QQuickItem *button = findTextItem(u"Free passage"_s, u"自由通行"_s);
        QVERIFY(button);
        const QPointF centre =
            button->mapToScene(QPointF(button->width() / 2, button->height() / 2));
        QTest::mouseClick(m_window, Qt::LeftButton, {}, centre.toPoint());
        QCOMPARE(lane.size(), 1);
        QCOMPARE(lane.at(0), (QVariantList{u"free_passage"_s, kStaff}));
    }

    void thePanelShowsStatusAndOnlyTheLastFiftyDecisions() {
        m_service.setDeviceHealth(
            {QVariantMap{{u"device"_s, u"ID reader"_s}, {u"state"_s, u"ok"_s}},
             QVariantMap{{u"device"_s, u"Camera"_s},
                         {u"state"_s, u"fault"_s},
                         {u"detail"_s, u"no frames"_s}},
             QVariantMap{{u"device"_s, u"Lane link"_s}, {u"state"_s, u"degraded"_s}}});
        m_service.setLaneCounters({{u"entries"_s, 1204},
                                   {u"denied"_s, 37},
                                   {u"mode"_s, u"normal"_s},
                                   {u"nested"_s, QVariantMap{{u"x"_s, 1}}}});
        m_service.setAlarms({u"Tailgating at 10:42"_s});
        m_service.setListInfo(8812, 7 * 60);
        m_service.setBacklog(3);
        for (int i = 0; i < 60; ++i) {
            m_service.addDecision({{u"at"_s, kStart + i},
                                   {u"admit"_s, i % 3 != 0},
                                   {u"reason"_s, i % 3 ? u"ok"_s : u"already_used"_s},
                                   {u"credential"_s, i % 2 ? u"eticket"_s : u"idcard"_s},
                                   {u"trn"_s, u"G1234"_s},
                                   {u"document"_s, u"11010519491231002X"_s}});
        }
        QCOMPARE(m_service.decisions().size(), ServiceModeModel::kMaxDecisions);
        QCOMPARE(m_service.decisions().first().toMap().value(u"reason"_s).toString(), u"ok"_s);
        for (const QVariant &decision : m_service.decisions())
            QVERIFY(!decision.toMap().contains(u"document"_s));

        logIn(u"2468"_s);
        m_passenger.setLanguage(gate::ui::Language::English);
        const QStringList texts = gate::ui::test::visibleTexts(*m_window);
        QVERIFY(texts.contains(u"Service mode, staff 1001"_s));
        QVERIFY(texts.contains(u"Camera: no frames"_s));
        QVERIFY(texts.contains(u"entries: 1204"_s));
        QVERIFY(texts.contains(u"mode: normal"_s));
        QVERIFY(texts.filter(u"nested"_s).isEmpty());
        QVERIFY(texts.contains(u"18:40:59   allowed   ok   eticket   G1234"_s));
        QVERIFY(texts.contains(u"Tailgating at 10:42"_s));
        QVERIFY(texts.contains(u"List 8812, 7 min old"_s));
        QVERIFY(texts.contains(u"3 records waiting to be sent"_s));
        for (const QString &text : texts)
            QVERIFY2(!text.contains(u"11010519491231002X"_s), qPrintable(text));
        QVERIFY(!gate::ui::test::saveScreenshot(*m_window, u"service-panel-en"_s).isEmpty());
        m_passenger.setLanguage(gate::ui::Language::Chinese);
        QVERIFY(gate::ui::test::visibleTexts(*m_window).contains(u"维护模式，工号 1001"_s));
        QVERIFY(!gate::ui::test::saveScreenshot(*m_window, u"service-panel-zh"_s).isEmpty());
    }

    void theServiceModeClosesWhenLeftAlone() {
        QSignalSpy actions(&m_service, &ServiceModeModel::staffAction);
        m_service.setIdleTimeoutMs(100);
        logIn(u"2468"_s);
        QTRY_COMPARE(m_service.stage(), Stage::Closed);
        QCOMPARE(actions.last(), (QVariantList{u"logout_idle"_s, kStaff}));
    }

private:
    void type(const QString &digits) {
        for (const QChar c : digits)
            m_service.pressDigit(c.digitValue());
    }

    void logIn(const QString &pin) {
        m_service.requestEntry();
        type(kStaff);
        m_service.confirm();
        type(pin);
        m_service.confirm();
    }

    QQuickItem *findTextItem(const QString &english, const QString &chinese) {
        QList<QQuickItem *> pending{m_window->contentItem()};
        while (!pending.isEmpty()) {
            QQuickItem *item = pending.takeFirst();
            if (!item->isVisible())
                continue;
            const QString text = item->property("text").toString();
            if (item->inherits("QQuickText") && (text == english || text == chinese))
                return item;
            pending += item->childItems();
        }
        return nullptr;
    }

    gate::ManualClock m_clock{kStart};
    PinVerifier m_verifier{m_clock, {3, 300}};
    gate::ui::PassengerScreenModel m_passenger;
    ServiceModeModel m_service{m_verifier};
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};

QTEST_MAIN(TestServiceMode)
#include "tst_servicemode.moc"
