#include "screenprobe.h"
#include "servicelane.h"

#include "core/clock.h"
#include "core/service/pinverifier.h"
#include "ui/mainwindow.h"
#include "ui/passengerscreenmodel.h"
#include "ui/servicemodemodel.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using gate::service::PinVerifier;
using gate::ui::ServiceModeModel;
using Stage = gate::ui::ServiceModeModel::Stage;
using LaneMode = gate::hal::LaneStatus::Mode;
using gate::Language;
using gate::ui::PassengerScreenModel;

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
        QVERIFY(m_verifier.setStaff({{kStaff, PinVerifier::hash(u"246813"_s)}}).isEmpty());
        m_engine = gate::ui::createMainEngine(m_passenger, m_service);
        QVERIFY(m_engine);
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanup() {
        m_service.exit();
        m_clock.advance(3600); // any lockout of a test is over
        m_service.setIdleTimeoutMs(120000);
        // What a test's lane left behind.
        m_service.setLaneAvailability(true, {});
        m_passenger.setEmergency(false);
        m_passenger.setOutOfService(false);
        m_passenger.setLanguage(Language::Chinese);
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

    // Checked after the hold interval (3 s) has passed: a tap whose release
    // did not cancel the hold would open the keypad only then.
    void aShortTapInTheCornerDoesNothing() {
        QTest::mouseClick(m_window, Qt::LeftButton, {}, QPoint(40, 40));
        QTest::qWait(3500);
        QCOMPARE(m_service.stage(), Stage::Closed);
    }

    void theRightPinOpensTheServiceMode() {
        QSignalSpy actions(&m_service, &ServiceModeModel::staffAction);
        logIn(u"246813"_s);
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
        for (const char *command :
             {"open_once_entry", "open_once_exit", "free_entry", "free_exit", "free_passage",
              "lock", "normal", "emergency_reset", "alarm_reset"})
            QTest::newRow(command) << QString::fromLatin1(command);
    }
    void commandsCarryTheStaffId() {
        QFETCH(QString, command);
        QSignalSpy lane(&m_service, &ServiceModeModel::laneCommandRequested);
        QSignalSpy actions(&m_service, &ServiceModeModel::staffAction);
        QVERIFY(!m_service.command(command)); // not logged in
        QCOMPARE(lane.size(), 0);

        logIn(u"246813"_s);
        const auto loggedIn = actions.size();
        QVERIFY(m_service.command(command));
        QCOMPARE(lane.size(), 1);
        QCOMPARE(lane.at(0), (QVariantList{command, kStaff}));
        // Audited with its outcome, once the lane answered (freeEntryFreeExitAndBackToNormal).
        QCOMPARE(actions.size(), loggedIn);
    }

    void syncNowAndUnknownCommands() {
        QSignalSpy sync(&m_service, &ServiceModeModel::syncNowRequested);
        QSignalSpy lane(&m_service, &ServiceModeModel::laneCommandRequested);
        QSignalSpy actions(&m_service, &ServiceModeModel::staffAction);
        logIn(u"246813"_s);
        QVERIFY(m_service.command(u"sync_now"_s));
        QCOMPARE(sync.size(), 1);
        QCOMPARE(sync.at(0).at(0).toString(), kStaff);

        const auto before = actions.size();
        QVERIFY(!m_service.command(u"self-destruct"_s));
        QCOMPARE(actions.size(), before);
        QCOMPARE(lane.size(), 0);
    }

    void aButtonOnThePanelSendsItsCommand() {
        QSignalSpy lane(&m_service, &ServiceModeModel::laneCommandRequested);
        logIn(u"246813"_s);
        QVERIFY(click(u"Free passage"_s, u"自由通行"_s));
        QCOMPARE(lane.size(), 1);
        QCOMPARE(lane.at(0), (QVariantList{u"free_passage"_s, kStaff}));
    }

    void commandsTheLaneWouldRefuseAreDisabled() {
        QSignalSpy lane(&m_service, &ServiceModeModel::laneCommandRequested);
        logIn(u"246813"_s);
        // Locked or in a free mode, the lane still takes every command.
        m_service.setLaneAvailability(false, u"locked"_s);
        QVERIFY(m_service.commandRefusals().isEmpty());
        m_service.setLaneAvailability(false, u"free_exit"_s);
        QVERIFY(m_service.commandRefusals().isEmpty());

        m_service.setLaneAvailability(false, u"emergency"_s);
        const QVariantMap refusals = m_service.commandRefusals();
        for (const char *command : {"open_once_entry", "open_once_exit", "free_entry", "free_exit",
                                    "free_passage", "lock", "normal", "alarm_reset"})
            QCOMPARE(refusals.value(QString::fromLatin1(command)).toString(), u"emergency"_s);
        QVERIFY(!refusals.contains(u"emergency_reset"_s));
        QVERIFY(!m_service.command(u"free_entry"_s));
        QVERIFY(click(u"Free exit"_s, u"自由出站"_s)); // greyed out
        QCOMPARE(lane.size(), 0);
        QVERIFY(m_service.command(u"emergency_reset"_s));
        QVERIFY(m_service.command(u"sync_now"_s));

        for (const QString &reason : {u"starting"_s, u"link_down"_s}) {
            m_service.setLaneAvailability(false, reason);
            QCOMPARE(m_service.commandRefusals().size(), 9);
            QCOMPARE(m_service.commandRefusals().value(u"normal"_s).toString(), u"link_down"_s);
        }
        m_service.setLaneAvailability(true, {});
        QVERIFY(m_service.commandRefusals().isEmpty());
        QVERIFY(m_service.command(u"free_entry"_s));
    }

    // The new modes through the panel's buttons to the lane state machine, the
    // modbus-lane driver and the lane simulator, and into the audit trail.
    void freeEntryFreeExitAndBackToNormal() {
        ServiceLane lane;
        QVERIFY2(lane.start(m_passenger, m_service), qPrintable(lane.error()));
        QTRY_VERIFY_WITH_TIMEOUT(lane.controller().readyForPassenger(), 10000);
        QVERIFY(m_service.commandRefusals().isEmpty());

        logIn(u"246813"_s);
        QVERIFY(click(u"Free entry"_s, u"自由进站"_s));
        QTRY_COMPARE_WITH_TIMEOUT(int(lane.controller().snapshot().status.mode),
                                  int(LaneMode::FreeEntry), 5000);
        QCOMPARE(gate::toString(lane.controller().state()),
                 gate::toString(gate::LaneState::FreePassage));
        QTRY_VERIFY_WITH_TIMEOUT(hasServiceRecord(lane, u"free_entry"_s), 5000);
        m_service.exit();
        QCOMPARE(m_passenger.screen(), PassengerScreenModel::Screen::FreePassage);
        QVERIFY(showsTexts({u"自由进站"_s, u"进站免验票，请直接通行"_s, u"出站请使用其他通道"_s},
                           u"free-entry-zh"_s));
        m_passenger.setLanguage(Language::English);
        QVERIFY(showsTexts({u"Free entry"_s, u"Entering: no ticket check, please go through"_s,
                            u"Leaving: please use another gate"_s},
                           u"free-entry-en"_s));

        logIn(u"246813"_s);
        QVERIFY(click(u"Free exit"_s, u"自由出站"_s));
        QTRY_COMPARE_WITH_TIMEOUT(int(lane.controller().snapshot().status.mode),
                                  int(LaneMode::FreeExit), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(hasServiceRecord(lane, u"free_exit"_s), 5000);
        m_service.exit();
        QTRY_COMPARE(m_passenger.outOfServiceReason(), u"free_exit"_s);
        QVERIFY(showsTexts({u"Free exit"_s, u"Leaving: no ticket check, please go through"_s,
                            u"Entering: please use another gate"_s},
                           u"free-exit-en"_s));
        m_passenger.setLanguage(Language::Chinese);
        QVERIFY(showsTexts({u"自由出站"_s, u"出站免验票，请直接通行"_s, u"进站请使用其他通道"_s},
                           u"free-exit-zh"_s));

        logIn(u"246813"_s);
        QVERIFY(click(u"Normal operation"_s, u"恢复正常运行"_s));
        QTRY_VERIFY_WITH_TIMEOUT(lane.controller().readyForPassenger(), 5000);
        QCOMPARE(int(lane.controller().snapshot().status.mode), int(LaneMode::Controlled));
        QTRY_VERIFY_WITH_TIMEOUT(hasServiceRecord(lane, u"normal"_s), 5000);
        m_service.exit();
        QCOMPARE(m_passenger.screen(), PassengerScreenModel::Screen::Idle);
    }

    // The fire alarm latches the emergency and a lost link takes the lane
    // away: the panel greys out what the lane controller would refuse and says why.
    void thePanelFollowsTheLane() {
        ServiceLane lane;
        QVERIFY2(lane.start(m_passenger, m_service), qPrintable(lane.error()));
        QTRY_VERIFY_WITH_TIMEOUT(lane.controller().readyForPassenger(), 10000);
        QSignalSpy commands(&m_service, &ServiceModeModel::laneCommandRequested);
        logIn(u"246813"_s);
        m_passenger.setLanguage(Language::English);

        lane.sim().send(u"fire on"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_service.commandRefusals().value(u"free_entry"_s).toString(),
                                  u"emergency"_s, 5000);
        // No reset while the fire input is on, and the panel says why.
        QTRY_COMPARE_WITH_TIMEOUT(
            m_service.commandRefusals().value(u"emergency_reset"_s).toString(),
            u"fire_alarm_active"_s, 5000);
        QVERIFY(showsTexts({u"Emergency latched: reset the emergency first"_s,
                            u"Fire alarm input active: the emergency cannot be reset"_s},
                           u"service-panel-emergency-en"_s));
        QVERIFY(!m_service.command(u"emergency_reset"_s));
        QVERIFY(click(u"Free entry"_s, u"自由进站"_s));
        QCOMPARE(commands.size(), 0);
        // A reset that crossed the fire on its way (the panel had offered it
        // a moment before) reaches the lane controller, which refuses it while
        // the fire input is on: audited as refused, and the panel says so.
        emit m_service.laneCommandRequested(u"emergency_reset"_s, kStaff);
        QTRY_VERIFY_WITH_TIMEOUT(hasServiceRecord(lane, u"emergency_reset"_s, u"refused"_s), 5000);
        QTRY_VERIFY(!m_service.commandOutcomes().isEmpty());
        const QVariantMap outcome = m_service.commandOutcomes().constFirst().toMap();
        QCOMPARE(outcome.value(u"command"_s).toString(), u"emergency_reset"_s);
        QCOMPARE(outcome.value(u"outcome"_s).toString(), u"refused"_s);
        QCOMPARE(outcome.value(u"reason"_s).toString(), u"fire_alarm_active"_s);
        QVERIFY(
            !gate::ui::test::saveScreenshot(*m_window, u"service-panel-refused-en"_s).isEmpty());

        lane.sim().send(u"fire off"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            !lane.controller().snapshot().status.input(gate::hal::LaneInput::FireAlarm), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_service.commandRefusals().contains(u"emergency_reset"_s), 5000);
        QVERIFY(click(u"Reset emergency"_s, u"复位紧急模式"_s));
        QTRY_VERIFY_WITH_TIMEOUT(lane.controller().readyForPassenger(), 5000);
        QVERIFY(m_service.commandRefusals().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(hasServiceRecord(lane, u"emergency_reset"_s), 5000);

        lane.sim().send(u"offline on"_s);
        lane.sim().send(u"disconnect"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_service.commandRefusals().value(u"free_exit"_s).toString(),
                                  u"link_down"_s, 10000);
        m_passenger.setLanguage(Language::Chinese);
        QVERIFY(showsTexts({u"与通道失去连接：通道命令不可用"_s}, u"service-panel-link-down-zh"_s));
        QVERIFY(!m_service.command(u"free_exit"_s));

        lane.sim().send(u"offline off"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_service.commandRefusals().isEmpty(), 10000);
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
                                   {u"train"_s, u"G1234"_s},
                                   {u"document"_s, u"11010519491231002X"_s}});
        }
        QCOMPARE(m_service.decisions().size(), ServiceModeModel::kMaxDecisions);
        QCOMPARE(m_service.decisions().first().toMap().value(u"reason"_s).toString(), u"ok"_s);
        for (const QVariant &decision : m_service.decisions())
            QVERIFY(!decision.toMap().contains(u"document"_s));

        logIn(u"246813"_s);
        m_passenger.setLanguage(gate::Language::English);
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
        for (const QString &command : {u"Free entry"_s, u"Free exit"_s, u"Free passage"_s,
                                       u"Normal operation"_s, u"Lock lane"_s})
            QVERIFY2(texts.contains(command), qPrintable(command));
        for (const QString &text : texts)
            QVERIFY2(!text.contains(u"11010519491231002X"_s), qPrintable(text));
        QVERIFY(!gate::ui::test::saveScreenshot(*m_window, u"service-panel-en"_s).isEmpty());
        m_passenger.setLanguage(gate::Language::Chinese);
        const QStringList chinese = gate::ui::test::visibleTexts(*m_window);
        QVERIFY(chinese.contains(u"维护模式，工号 1001"_s));
        for (const QString &command :
             {u"自由进站"_s, u"自由出站"_s, u"自由通行"_s, u"恢复正常运行"_s})
            QVERIFY2(chinese.contains(command), qPrintable(command));
        QVERIFY(!gate::ui::test::saveScreenshot(*m_window, u"service-panel-zh"_s).isEmpty());
    }

    // The last passport's chip face (DG2) is shown to staff, with what the chip proved.
    void thePanelShowsTheLastPassportsChipFace() {
        const QColor skin(200, 150, 120);
        QImage face(120, 160, QImage::Format_RGB888);
        face.fill(skin);
        m_service.setLastPassport(face, u"verified"_s);
        logIn(u"246813"_s);
        m_passenger.setLanguage(gate::Language::English);
        const QStringList texts = gate::ui::test::visibleTexts(*m_window);
        QVERIFY(texts.contains(u"Last passport chip"_s));
        QVERIFY(texts.contains(u"verified"_s));

        QQuickItem *shown = nullptr;
        const std::function<void(QQuickItem *)> find = [&](QQuickItem *item) {
            if (item->inherits("gate::ui::PassportFaceItem") && item->isVisible())
                shown = item;
            for (QQuickItem *child : item->childItems())
                find(child);
        };
        find(m_window->contentItem());
        QVERIFY(shown);
        const auto centre = [shown] {
            return shown->mapToScene(QPointF(shown->width() / 2, shown->height() / 2)).toPoint();
        };
        // The panel may still be coming in: the face shows once it is rendered.
        QTRY_COMPARE(m_window->grabWindow().pixelColor(centre()), skin);
        QVERIFY(
            !gate::ui::test::saveScreenshot(*m_window, u"service-panel-passport-en"_s).isEmpty());
        m_passenger.setLanguage(gate::Language::Chinese);
        QVERIFY(gate::ui::test::visibleTexts(*m_window).contains(u"最近护照芯片"_s));
        QVERIFY(
            !gate::ui::test::saveScreenshot(*m_window, u"service-panel-passport-zh"_s).isEmpty());
    }

    void theServiceModeClosesWhenLeftAlone() {
        QSignalSpy actions(&m_service, &ServiceModeModel::staffAction);
        m_service.setIdleTimeoutMs(100);
        logIn(u"246813"_s);
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

    // Clicks the middle of the panel's visible text in either language; false
    // when there is none.
    bool click(const QString &english, const QString &chinese) {
        QQuickItem *label = findTextItem(english, chinese, u"servicePanel"_s);
        if (!label)
            return false;
        const QPointF centre = label->mapToScene(QPointF(label->width() / 2, label->height() / 2));
        QTest::mouseClick(m_window, Qt::LeftButton, {}, centre.toPoint());
        return true;
    }

    // A staff command's record, written once the lane answered, with its outcome.
    static bool hasServiceRecord(const ServiceLane &lane, const QString &action,
                                 const QString &outcome = u"done"_s) {
        const QList<gate::AuditEvent> records = lane.serviceRecords();
        return std::any_of(records.cbegin(), records.cend(), [&](const gate::AuditEvent &record) {
            return record.fields.value(u"action"_s).toString() == action &&
                   record.fields.value(u"staff"_s).toString() == kStaff &&
                   record.fields.value(u"outcome"_s).toString() == outcome;
        });
    }

    // Whether the window shows all these texts; saves a screenshot either way.
    bool showsTexts(const QStringList &expected, const QString &screenshot) {
        const QStringList texts = gate::ui::test::visibleTexts(*m_window);
        bool shown = true;
        for (const QString &text : expected) {
            if (!texts.contains(text)) {
                qWarning() << "missing" << text << "among" << texts;
                shown = false;
            }
        }
        return !gate::ui::test::saveScreenshot(*m_window, screenshot).isEmpty() && shown;
    }

    // Searches the item named `under`, or the whole window.
    QQuickItem *findTextItem(const QString &english, const QString &chinese,
                             const QString &under = {}) {
        QQuickItem *root =
            under.isEmpty() ? m_window->contentItem() : m_window->findChild<QQuickItem *>(under);
        if (!root)
            return nullptr;
        QList<QQuickItem *> pending{root};
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
