#include "screenprobe.h"

#include "core/clock.h"
#include "core/decision/passengermessage.h"
#include "core/service/pinverifier.h"
#include "ui/mainwindow.h"
#include "ui/passengerscreenmodel.h"
#include "ui/selftest.h"
#include "ui/servicemodemodel.h"
#include "ui/ticketdisplay.h"

#include <QQuickWindow>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using gate::Language;
using gate::ui::PassengerScreenModel;

namespace {

// 2026-11-21 06:05:00 UTC, 14:05 in China.
constexpr qint64 kDeparture = 1'795'241'100;

const QList<Language> kAllLanguages{Language::Chinese, Language::English, Language::Korean,
                                    Language::Japanese, Language::Russian};

gate::Decision tooEarly() {
    gate::Decision decision;
    decision.reason = gate::Reason::TooEarly;
    decision.details = {{u"trn"_s, u"G1234"_s}, {u"opens_at"_s, kDeparture}};
    decision.decidedAt = kDeparture - 3600;
    return decision;
}

QVariantMap admittedTicket() {
    return {{u"train"_s, u"G1234"_s},      {u"car"_s, 5},
            {u"seat"_s, u"12F"_s},         {u"masked_name"_s, u"ZHANG*"_s},
            {u"dep"_s, u"BJP"_s},          {u"arr"_s, u"AOH"_s},
            {u"departs_at"_s, kDeparture}, {u"direction"_s, u"right"_s}};
}

} // namespace

class TestPassengerScreens : public QObject {
    Q_OBJECT

public:
    // Proves the screens need no GPU: the software scene graph renders them.
    static void initMain() {
        qputenv("QT_QUICK_BACKEND", "software");
        qputenv("TZ", "Asia/Shanghai");
    }

private slots:
    void initTestCase() {
        m_passenger.setLanguages(kAllLanguages, Language::Chinese);
        m_engine = gate::ui::createMainEngine(m_passenger, m_service);
        QVERIFY(m_engine);
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QCOMPARE(m_window->size(), QSize(1280, 800));
    }

    void init() {
        m_passenger.setEmergency(false);
        m_passenger.setOutOfService(false);
        m_passenger.setNotCommissioned({});
        m_passenger.setListStale(false, 0);
        m_passenger.showIdle();
    }

    void everyScreenShowsItsKeyTexts_data() {
        QTest::addColumn<QString>("screen");
        QTest::addColumn<Language>("language");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("idle-zh") << u"idle"_s << Language::Chinese
                                 << QStringList{u"请出示车票或证件"_s, u"电子客票二维码"_s,
                                                u"身份证或居住证"_s, u"护照"_s, u"English"_s};
        QTest::newRow("idle-en") << u"idle"_s << Language::English
                                 << QStringList{u"Please present your ticket or ID"_s,
                                                u"E-ticket QR code"_s, u"Passport"_s, u"한국어"_s};
        QTest::newRow("stale-zh")
            << u"stale"_s << Language::Chinese
            << QStringList{u"票务数据已 2 小时 5 分钟未更新。此后购买的车票请咨询工作人员。"_s};
        QTest::newRow("stale-en")
            << u"stale"_s << Language::English
            << QStringList{
                   u"Ticket data last updated 2 h 5 min ago. Tickets bought since then: please ask staff."_s};
        QTest::newRow("reading-zh")
            << u"reading"_s << Language::Chinese << QStringList{u"请保持不动"_s};
        QTest::newRow("reading-en")
            << u"reading"_s << Language::English << QStringList{u"Hold still"_s};
        QTest::newRow("glare-zh") << u"glare"_s << Language::Chinese
                                  << QStringList{u"有反光，请稍微倾斜证件"_s};
        QTest::newRow("glare-en") << u"glare"_s << Language::English
                                  << QStringList{u"Glare: tilt the document slightly"_s};
        QTest::newRow("reading-chip-zh") << u"reading-chip"_s << Language::Chinese
                                         << QStringList{u"正在读取芯片，请保持护照不动"_s};
        QTest::newRow("reading-chip-en")
            << u"reading-chip"_s << Language::English
            << QStringList{u"Reading the chip, keep the passport still"_s};
        QTest::newRow("closer-en")
            << u"closer"_s << Language::English << QStringList{u"Move the document closer"_s};
        QTest::newRow("admitted-zh")
            << u"admitted"_s << Language::Chinese
            << QStringList{u"请通行"_s, u"车次"_s,       u"G1234"_s, u"5"_s,
                           u"12F"_s,    u"BJP 至 AOH"_s, u"14:05"_s, u"ZHANG*"_s};
        QTest::newRow("admitted-en")
            << u"admitted"_s << Language::English
            << QStringList{u"Please go through"_s, u"Train"_s, u"G1234"_s, u"12F"_s,
                           u"BJP to AOH"_s,        u"14:05"_s, u"ZHANG*"_s};
        // A party of three whose stations the list names.
        QTest::newRow("admitted-party-zh")
            << u"admitted-party"_s << Language::Chinese
            << QStringList{u"3 位旅客，请依次通行"_s, u"北京 至 上海虹桥"_s};
        QTest::newRow("admitted-party-en") << u"admitted-party"_s << Language::English
                                           << QStringList{u"3 passengers, please pass one by one"_s,
                                                          u"Beijing to Shanghai Hongqiao"_s};
        QTest::newRow("denied-zh") << u"denied"_s << Language::Chinese
                                   << QStringList{u"G1234 次列车 14:05 开始检票"_s,
                                                  u"请在候车室等候"_s, u"代码 too_early"_s};
        QTest::newRow("denied-en")
            << u"denied"_s << Language::English
            << QStringList{u"Check-in for G1234 opens at 14:05"_s,
                           u"Please wait in the waiting hall"_s, u"Code too_early"_s};
        QTest::newRow("idle-ko") << u"idle"_s << Language::Korean
                                 << QStringList{u"승차권이나 신분증을 보여 주세요"_s, u"여권"_s,
                                                u"日本語"_s};
        QTest::newRow("idle-ja") << u"idle"_s << Language::Japanese
                                 << QStringList{u"乗車券または身分証をご提示ください"_s,
                                                u"パスポート"_s, u"Русский"_s};
        QTest::newRow("idle-ru") << u"idle"_s << Language::Russian
                                 << QStringList{u"Предъявите билет или документ"_s, u"Паспорт"_s,
                                                u"中文"_s};
        // The list names stations in Chinese and English: other readers get
        // the English name.
        QTest::newRow("admitted-party-ko")
            << u"admitted-party"_s << Language::Korean
            << QStringList{u"3명, 한 분씩 통과하세요"_s, u"Beijing → Shanghai Hongqiao"_s,
                           u"열차"_s};
        QTest::newRow("admitted-party-ja")
            << u"admitted-party"_s << Language::Japanese
            << QStringList{u"3名様、お一人ずつお通りください"_s, u"Beijing → Shanghai Hongqiao"_s};
        QTest::newRow("admitted-party-ru") << u"admitted-party"_s << Language::Russian
                                           << QStringList{u"Пассажиров: 3, проходите по одному"_s,
                                                          u"Beijing — Shanghai Hongqiao"_s};
        QTest::newRow("denied-ko")
            << u"denied"_s << Language::Korean
            << QStringList{u"G1234 열차 개찰은 14:05에 시작합니다"_s, u"대합실에서 기다려 주세요"_s,
                           u"코드 too_early"_s};
        QTest::newRow("denied-ja")
            << u"denied"_s << Language::Japanese
            << QStringList{u"G1234列車の改札は 14:05 に始まります"_s, u"待合室でお待ちください"_s};
        QTest::newRow("denied-ru")
            << u"denied"_s << Language::Russian
            << QStringList{u"Посадка на G1234 начнётся в 14:05"_s, u"Подождите в зале ожидания"_s,
                           u"Код too_early"_s};
        QTest::newRow("out-of-service-zh")
            << u"out-of-service"_s << Language::Chinese
            << QStringList{u"本通道暂停使用"_s, u"请使用其他通道"_s, u"代码 LANE_LINK_LOST"_s};
        QTest::newRow("out-of-service-en")
            << u"out-of-service"_s << Language::English
            << QStringList{u"This gate is closed"_s, u"Please use another gate"_s};
        QTest::newRow("not-commissioned-zh")
            << u"not-commissioned"_s << Language::Chinese
            << QStringList{u"本通道暂停使用"_s,
                           u"本闸机尚未调试完成。待设置：根公钥、设备密钥、通道控制器地址"_s,
                           u"代码 not_commissioned"_s};
        QTest::newRow("not-commissioned-en")
            << u"not-commissioned"_s << Language::English
            << QStringList{u"This gate is closed"_s,
                           u"Not commissioned. Still to set: root key, device key, lane address"_s,
                           u"Code not_commissioned"_s};
        QTest::newRow("awaiting-document-zh")
            << u"awaiting-document"_s << Language::Chinese
            << QStringList{u"请放置购票时使用的身份证件或护照"_s,
                           u"此电子客票须与购票证件一同使用"_s, u"剩余 20 秒"_s, u"English"_s};
        QTest::newRow("awaiting-document-en")
            << u"awaiting-document"_s << Language::English
            << QStringList{u"Now place the ID card or passport you bought the ticket with"_s,
                           u"This e-ticket is valid only with its holder's document"_s,
                           u"Seconds left: 20"_s, u"한국어"_s};
        QTest::newRow("emergency") << u"emergency"_s << Language::Chinese
                                   << QStringList{u"紧急疏散"_s, u"Emergency: evacuate"_s};
        QTest::newRow("free-passage-zh")
            << u"free-passage"_s << Language::Chinese
            << QStringList{u"自由通行"_s, u"免验票，请直接通行"_s, u"English"_s};
        QTest::newRow("free-passage-en")
            << u"free-passage"_s << Language::English
            << QStringList{u"Free passage"_s, u"No ticket check: please go through"_s, u"한국어"_s};
    }

    void everyScreenShowsItsKeyTexts() {
        QFETCH(QString, screen);
        QFETCH(Language, language);
        QFETCH(QStringList, expected);

        m_passenger.setLanguage(language);
        present(screen);

        const QStringList texts = gate::ui::test::visibleTexts(*m_window);
        for (const QString &text : expected) {
            if (!texts.contains(text))
                qWarning() << "visible texts:" << texts;
            QVERIFY2(texts.contains(text), qPrintable(text));
        }
        QVERIFY(
            !gate::ui::test::saveScreenshot(*m_window, QString::fromLatin1(QTest::currentDataTag()))
                 .isEmpty());
    }

    void theButtonCyclesThroughTheStationsLanguages() {
        const QStringList titles{u"请出示车票或证件"_s, u"Please present your ticket or ID"_s,
                                 u"승차권이나 신분증을 보여 주세요"_s,
                                 u"乗車券または身分証をご提示ください"_s,
                                 u"Предъявите билет или документ"_s};
        QCOMPARE(gate::toString(m_passenger.language()), u"zh"_s);
        for (qsizetype i = 0; i <= kAllLanguages.size(); ++i) {
            const qsizetype at = i % kAllLanguages.size();
            QCOMPARE(gate::toString(m_passenger.language()), gate::toString(kAllLanguages.at(at)));
            const QStringList texts = gate::ui::test::visibleTexts(*m_window);
            QVERIFY2(texts.contains(titles.at(at)), qPrintable(texts.join(u" | "_s)));
            // The button names the language it switches to, in that language.
            const Language next = kAllLanguages.at((at + 1) % kAllLanguages.size());
            QVERIFY(texts.contains(QString::fromUtf8(gate::languageEntry(next).ownName)));
            m_passenger.nextLanguage();
        }
    }

    void theButtonFollowsTheStationsOrderAndHidesForOneLanguage() {
        m_passenger.setLanguages({Language::English, Language::Russian}, Language::English);
        QCOMPARE(gate::toString(m_passenger.language()), u"en"_s);
        QCOMPARE(m_passenger.nextLanguageName(), u"Русский"_s);
        m_passenger.nextLanguage();
        QCOMPARE(gate::toString(m_passenger.language()), u"ru"_s);
        m_passenger.nextLanguage();
        QCOMPARE(gate::toString(m_passenger.language()), u"en"_s);

        m_passenger.setLanguages({Language::Chinese}, Language::Chinese);
        QCOMPARE(gate::toString(m_passenger.language()), u"zh"_s);
        QCOMPARE(m_passenger.nextLanguageName(), QString());
        m_passenger.nextLanguage();
        QCOMPARE(gate::toString(m_passenger.language()), u"zh"_s);
        QVERIFY(!gate::ui::test::visibleTexts(*m_window).contains(u"English"_s));
        m_passenger.setLanguages(kAllLanguages, Language::Chinese);
    }

    void theDecisionLayersMessagesAreInTheCatalogue() {
        // gate::passengerMessage() translates with this context; the switch
        // of screen language must switch its texts too.
        m_passenger.setLanguage(Language::Chinese);
        QCOMPARE(QCoreApplication::translate("gate::Reason", "Check-in for %1 opens at %2"),
                 u"%1 次列车 %2 开始检票"_s);
        m_passenger.setLanguage(Language::Korean);
        QCOMPARE(QCoreApplication::translate("gate::Reason", "Check-in for %1 opens at %2"),
                 u"%1 열차 개찰은 %2에 시작합니다"_s);
        m_passenger.setLanguage(Language::English);
        QCOMPARE(QCoreApplication::translate("gate::Reason", "Check-in for %1 opens at %2"),
                 u"Check-in for %1 opens at %2"_s);
    }

    void aDenialFollowsTheLanguageButton() {
        m_passenger.showDenied(u"too_early"_s, [this] {
            const gate::PassengerMessage message =
                gate::passengerMessage(tooEarly(), m_passenger.language());
            return std::pair{message.headline, message.advice};
        });
        QStringList texts = gate::ui::test::visibleTexts(*m_window);
        QVERIFY(texts.contains(u"G1234 次列车 14:05 开始检票"_s));
        QVERIFY(texts.contains(u"请在候车室等候"_s));
        m_passenger.nextLanguage();
        texts = gate::ui::test::visibleTexts(*m_window);
        QVERIFY(texts.contains(u"Check-in for G1234 opens at 14:05"_s));
        QVERIFY(texts.contains(u"Please wait in the waiting hall"_s));
        QVERIFY(texts.contains(u"Code too_early"_s));
        m_passenger.nextLanguage();
        texts = gate::ui::test::visibleTexts(*m_window);
        QVERIFY(texts.contains(u"G1234 열차 개찰은 14:05에 시작합니다"_s));
        QVERIFY(texts.contains(u"코드 too_early"_s));
    }

    void aDocumentsNationalityPicksTheLanguageUntilTheScreenReturnsToIdle() {
        m_passenger.setResultDisplayMs(100);
        m_passenger.preferLanguage(Language::Japanese);
        m_passenger.showAdmitted(admittedTicket());
        QCOMPARE(gate::toString(m_passenger.language()), u"ja"_s);
        QVERIFY(gate::ui::test::visibleTexts(*m_window).contains(u"お通りください"_s));
        QTRY_COMPARE(m_passenger.screen(), PassengerScreenModel::Screen::Idle);
        QCOMPARE(gate::toString(m_passenger.language()), u"zh"_s);
        QVERIFY(gate::ui::test::visibleTexts(*m_window).contains(u"请出示车票或证件"_s));
        m_passenger.setResultDisplayMs(5000);
    }

    void aLanguageTheStationDoesNotEnableFallsBackToEnglishThenTheDefault() {
        m_passenger.setLanguages({Language::Chinese, Language::English}, Language::Chinese);
        m_passenger.preferLanguage(Language::Russian);
        QCOMPARE(gate::toString(m_passenger.language()), u"en"_s);
        m_passenger.setLanguages({Language::Chinese, Language::Korean}, Language::Chinese);
        m_passenger.preferLanguage(Language::Russian);
        QCOMPARE(gate::toString(m_passenger.language()), u"zh"_s);
        m_passenger.preferLanguage(Language::Korean);
        QCOMPARE(gate::toString(m_passenger.language()), u"ko"_s);
        m_passenger.setLanguages(kAllLanguages, Language::Chinese);
    }

    // A code or a Chinese card says nothing about its holder's language: the
    // one the passenger chose stays.
    void aCredentialWithoutALanguageKeepsThePassengersChoice() {
        m_passenger.nextLanguage();
        QCOMPARE(gate::toString(m_passenger.language()), u"en"_s);
        m_passenger.preferLanguage(std::nullopt);
        m_passenger.showAdmitted(admittedTicket());
        QCOMPARE(gate::toString(m_passenger.language()), u"en"_s);
        QVERIFY(gate::ui::test::visibleTexts(*m_window).contains(u"Please go through"_s));
    }

    void aLanguageChosenAtIdleLapses() {
        m_passenger.setIdleLanguageResetMs(100);
        m_passenger.nextLanguage();
        QCOMPARE(gate::toString(m_passenger.language()), u"en"_s);
        QTRY_COMPARE(gate::toString(m_passenger.language()), u"zh"_s);
        m_passenger.setIdleLanguageResetMs(30000);
    }

    void aStalledReadingReturnsToIdle() {
        m_passenger.setReadingTimeoutMs(100);
        m_passenger.showReading(u"move_closer"_s);
        QCOMPARE(m_passenger.screen(), PassengerScreenModel::Screen::Reading);
        QTRY_COMPARE(m_passenger.screen(), PassengerScreenModel::Screen::Idle);
        m_passenger.setReadingTimeoutMs(8000);
    }

    void aFreeModeShowsTheFreePassageScreenForItsWay() {
        m_passenger.setOutOfService(true, u"free_entry"_s);
        QCOMPARE(m_passenger.screen(), PassengerScreenModel::Screen::FreePassage);
        QStringList texts = gate::ui::test::visibleTexts(*m_window);
        QVERIFY(texts.contains(u"自由进站"_s));
        QVERIFY(!texts.contains(u"本通道暂停使用"_s));
        m_passenger.setOutOfService(true, u"free_exit"_s);
        QVERIFY(gate::ui::test::visibleTexts(*m_window).contains(u"自由出站"_s));
        // Any other reason closes the gate; an emergency outranks free passage.
        m_passenger.setOutOfService(true, u"locked"_s);
        QCOMPARE(m_passenger.screen(), PassengerScreenModel::Screen::OutOfService);
        m_passenger.setOutOfService(true, u"free_passage"_s);
        m_passenger.setEmergency(true);
        QCOMPARE(m_passenger.screen(), PassengerScreenModel::Screen::Emergency);
        m_passenger.setEmergency(false);
        QCOMPARE(m_passenger.screen(), PassengerScreenModel::Screen::FreePassage);
        m_passenger.setOutOfService(false);
        QCOMPARE(m_passenger.screen(), PassengerScreenModel::Screen::Idle);
    }

    // The decision that ends the wait replaces the screen; without one the
    // screen still returns to idle by itself.
    void theDocumentScreenGivesWayToTheDecision() {
        m_passenger.setResultDisplayMs(200);
        m_passenger.showAwaitingDocument(300);
        QCOMPARE(m_passenger.screen(), PassengerScreenModel::Screen::AwaitingDocument);
        QVERIFY(m_passenger.documentSecsLeft() >= 1);
        m_passenger.showDenied(u"holder_mismatch"_s, u"This ticket belongs to another document"_s,
                               {});
        QCOMPARE(m_passenger.screen(), PassengerScreenModel::Screen::Denied);
        m_passenger.showAwaitingDocument(300);
        QTRY_COMPARE(m_passenger.screen(), PassengerScreenModel::Screen::Idle);
        QCOMPARE(m_passenger.documentSecsLeft(), 0);
        m_passenger.setResultDisplayMs(5000);
    }

    void emergencyOutranksOutOfServiceAndResults() {
        m_passenger.setOutOfService(true, u"LANE_LINK_LOST"_s);
        m_passenger.setEmergency(true);
        m_passenger.showAdmitted(admittedTicket());
        QCOMPARE(m_passenger.screen(), PassengerScreenModel::Screen::Emergency);
        m_passenger.setEmergency(false);
        QCOMPARE(m_passenger.screen(), PassengerScreenModel::Screen::OutOfService);
        m_passenger.setOutOfService(false);
        QCOMPARE(m_passenger.screen(), PassengerScreenModel::Screen::Admitted);
    }

    void cuesFollowTheResults() {
        QSignalSpy cues(&m_passenger, &PassengerScreenModel::cueRequested);
        m_passenger.showAdmitted(admittedTicket());
        m_passenger.showDenied(u"already_used"_s, u"Ticket already used"_s, {});
        m_passenger.setEmergency(true);
        QCOMPARE(cues.size(), 3);
        QCOMPARE(cues.at(0).at(0).value<PassengerScreenModel::Cue>(),
                 PassengerScreenModel::Cue::Admit);
        QCOMPARE(cues.at(1).at(0).value<PassengerScreenModel::Cue>(),
                 PassengerScreenModel::Cue::Deny);
        QCOMPARE(cues.at(2).at(0).value<PassengerScreenModel::Cue>(),
                 PassengerScreenModel::Cue::Alarm);
    }

    void namesAreMaskedAndOversizedFieldsCut() {
        QCOMPARE(gate::ui::maskedName(u"ZHANG*"_s), u"ZHANG*"_s);
        QCOMPARE(gate::ui::maskedName(u"张三丰"_s), u"张**"_s);
        QCOMPARE(gate::ui::maskedName(u"  ANNA   MARIA  "_s), u"A*** M****"_s);
        QCOMPARE(gate::ui::maskedName(QString()), QString());
        const QVariantMap shown = gate::ui::ticketForDisplay({{u"train"_s, QString(500, u'G')},
                                                              {u"direction"_s, u"sideways"_s},
                                                              {u"departs_at"_s, u"soon"_s}});
        QCOMPARE(shown.value(u"train"_s).toString().size(), 32);
        QCOMPARE(shown.value(u"direction"_s).toString(), u"ahead"_s);
        QCOMPARE(shown.value(u"departure"_s).toString(), QString());
    }

    // The rule of gate::stationName(): the reader's language, else English,
    // else the telecode.
    void stationNamesFollowTheReadersLanguage() {
        const QVariantMap shown = gate::ui::ticketForDisplay({{u"dep"_s, u"BJP"_s},
                                                              {u"dep_zh"_s, u"北京"_s},
                                                              {u"dep_en"_s, u"Beijing"_s},
                                                              {u"arr"_s, u"AOH"_s},
                                                              {u"arr_zh"_s, u"上海虹桥"_s}});
        QCOMPARE(shown.value(u"from_zh"_s).toString(), u"北京"_s);
        QCOMPARE(shown.value(u"from_en"_s).toString(), u"Beijing"_s);
        QCOMPARE(shown.value(u"from_ko"_s).toString(), u"Beijing"_s);
        QCOMPARE(shown.value(u"from_ru"_s).toString(), u"Beijing"_s);
        QCOMPARE(shown.value(u"to_zh"_s).toString(), u"上海虹桥"_s);
        QCOMPARE(shown.value(u"to_en"_s).toString(), u"AOH"_s);
        QCOMPARE(shown.value(u"to_ja"_s).toString(), u"AOH"_s);
        const QVariantMap englishOnly =
            gate::ui::ticketForDisplay({{u"dep"_s, u"BJP"_s}, {u"dep_en"_s, u"Beijing"_s}});
        QCOMPARE(englishOnly.value(u"from_zh"_s).toString(), u"Beijing"_s);
    }

    // Every language's texts fit the screen, landscape and portrait: no text
    // leaves the window, runs into another text or into a pictogram, or is
    // cut. The denied screen is tried with every reason's message.
    void everyLanguageFitsTheScreen_data() {
        QTest::addColumn<Language>("language");
        QTest::addColumn<bool>("portrait");
        QTest::addColumn<bool>("wide"); // the wide lane's larger symbols
        for (const Language language : kAllLanguages) {
            for (const bool portrait : {false, true}) {
                for (const bool wide : {false, true}) {
                    const QString tag = gate::toString(language) +
                                        (portrait ? u"-portrait"_s : u"-landscape"_s) +
                                        (wide ? u"-wide"_s : QString());
                    QTest::newRow(qPrintable(tag)) << language << portrait << wide;
                }
            }
        }
    }

    void everyLanguageFitsTheScreen() {
        QFETCH(Language, language);
        QFETCH(bool, portrait);
        QFETCH(bool, wide);
        QQuickWindow *window = portrait ? portraitWindow() : m_window;
        QVERIFY(window);
        m_passenger.setLanguage(language);
        m_passenger.setWideLane(wide);
        const auto narrowAgain = qScopeGuard([this] { m_passenger.setWideLane(false); });
        const QString prefix = gate::toString(language) +
                               (portrait ? u"-portrait-"_s : u"-landscape-"_s) +
                               (wide ? u"wide-"_s : QString());

        const QStringList screens{u"idle"_s,
                                  u"stale"_s,
                                  u"reading"_s,
                                  u"reading-chip"_s,
                                  u"glare"_s,
                                  u"closer"_s,
                                  u"admitted"_s,
                                  u"admitted-party"_s,
                                  u"awaiting-document"_s,
                                  u"out-of-service"_s,
                                  u"not-commissioned"_s,
                                  u"free-entry"_s,
                                  u"free-passage"_s};
        for (const QString &screen : screens) {
            init();
            m_passenger.setLanguage(language);
            present(screen);
            QVERIFY(!gate::ui::test::saveScreenshot(*window, prefix + screen).isEmpty());
            const QStringList problems = gate::ui::test::layoutProblems(*window);
            QVERIFY2(problems.isEmpty(),
                     qPrintable(prefix + screen + u": "_s + problems.join(u"; "_s)));
        }

        // The longest of the denied screens is kept as a screenshot.
        qsizetype longest = -1;
        for (const gate::ReasonEntry &entry : gate::kReasons) {
            if (entry.reason == gate::Reason::Ok)
                continue;
            init();
            m_passenger.setLanguage(language);
            showDenied(exampleDecision(entry.reason));
            const QString tag = prefix + u"denied-"_s + gate::toString(entry.reason);
            const QStringList problems = gate::ui::test::layoutProblems(*window);
            QVERIFY2(problems.isEmpty(), qPrintable(tag + u": "_s + problems.join(u"; "_s)));
            const qsizetype length = m_passenger.headline().size() + m_passenger.advice().size();
            if (length > longest) {
                longest = length;
                QVERIFY(!gate::ui::test::saveScreenshot(*window, prefix + u"denied-longest"_s)
                             .isEmpty());
            }
        }
    }

    void portraitIdleFitsTheScreen() {
        gate::ui::WindowOptions portrait;
        portrait.portrait = true;
        auto engine = gate::ui::createMainEngine(m_passenger, m_service, portrait);
        QVERIFY(engine);
        auto *window = qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(window->size(), QSize(800, 1280));
        QVERIFY(gate::ui::test::visibleTexts(*window).contains(u"请出示车票或证件"_s));
        QVERIFY(!gate::ui::test::saveScreenshot(*window, u"portrait-idle-zh"_s).isEmpty());
        m_passenger.showAdmitted(admittedTicket());
        QVERIFY(!gate::ui::test::saveScreenshot(*window, u"portrait-admitted-zh"_s).isEmpty());
    }

    void selfTestLoadsEveryQmlFile() { QCOMPARE(gate::ui::selfTest(), 0); }

private:
    // A portrait window on the same passenger model, made when first asked for.
    QQuickWindow *portraitWindow() {
        if (!m_portraitEngine) {
            gate::ui::WindowOptions portrait;
            portrait.portrait = true;
            m_portraitEngine = gate::ui::createMainEngine(m_passenger, m_service, portrait);
            if (!m_portraitEngine)
                return nullptr;
        }
        auto *window = qobject_cast<QQuickWindow *>(m_portraitEngine->rootObjects().constFirst());
        return window && QTest::qWaitForWindowExposed(window) ? window : nullptr;
    }

    // A decision for `reason` with every detail its message fills in, a
    // station with a long name among them.
    static gate::Decision exampleDecision(gate::Reason reason) {
        gate::Decision decision = tooEarly();
        decision.reason = reason;
        decision.details.insert(u"closes_at"_s, kDeparture - 180);
        decision.details.insert(u"used_at"_s, kDeparture - 7200);
        decision.details.insert(u"gates"_s, QStringList{u"A5"_s, u"A6"_s});
        decision.details.insert(u"station"_s, u"AOH"_s);
        decision.details.insert(u"station_zh"_s, u"上海虹桥"_s);
        decision.details.insert(u"station_en"_s, u"Shanghai Hongqiao"_s);
        return decision;
    }

    // The decision layer hands over its message in the screen's language.
    void showDenied(const gate::Decision &decision) {
        const gate::PassengerMessage message =
            gate::passengerMessage(decision, m_passenger.language());
        m_passenger.showDenied(gate::toString(decision.reason), message.headline, message.advice);
    }

    void present(const QString &screen) {
        if (screen == u"stale") {
            m_passenger.setListStale(true, 2 * 3600 + 5 * 60 + 30);
        } else if (screen == u"reading") {
            m_passenger.showReading(u"hold_still"_s);
        } else if (screen == u"glare") {
            m_passenger.showReading(u"glare"_s);
        } else if (screen == u"reading-chip") {
            m_passenger.showReading(u"reading_chip"_s);
        } else if (screen == u"closer") {
            m_passenger.showReading(u"move_closer"_s);
        } else if (screen == u"admitted") {
            m_passenger.showAdmitted(admittedTicket());
        } else if (screen == u"admitted-party") {
            QVariantMap party = admittedTicket();
            party.insert(u"party"_s, 3);
            party.insert(u"dep_zh"_s, u"北京"_s);
            party.insert(u"dep_en"_s, u"Beijing"_s);
            party.insert(u"arr_zh"_s, u"上海虹桥"_s);
            party.insert(u"arr_en"_s, u"Shanghai Hongqiao"_s);
            m_passenger.showAdmitted(party);
        } else if (screen == u"denied") {
            showDenied(tooEarly());
        } else if (screen == u"out-of-service") {
            m_passenger.setOutOfService(true, u"LANE_LINK_LOST"_s);
        } else if (screen == u"not-commissioned") {
            m_passenger.setNotCommissioned({u"root_key"_s, u"device_key"_s, u"lane_address"_s});
        } else if (screen == u"awaiting-document") {
            m_passenger.showAwaitingDocument(20'000);
        } else if (screen == u"emergency") {
            m_passenger.setEmergency(true);
        } else if (screen == u"free-entry") {
            m_passenger.setOutOfService(true, u"free_entry"_s);
        } else if (screen == u"free-passage") {
            m_passenger.setOutOfService(true, u"free_passage"_s);
        }
    }

    gate::ManualClock m_clock{1'795'200'000};
    gate::service::PinVerifier m_verifier{m_clock};
    PassengerScreenModel m_passenger;
    gate::ui::ServiceModeModel m_service{m_verifier};
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    std::unique_ptr<QQmlApplicationEngine> m_portraitEngine;
    QQuickWindow *m_window = nullptr;
};

QTEST_MAIN(TestPassengerScreens)
#include "tst_passengerscreens.moc"
