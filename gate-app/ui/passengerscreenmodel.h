#pragma once

#include "languageswitcher.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <optional>
#include <utility>

namespace gate::ui {

// What the passenger side of the touchscreen shows. The application calls the
// show*/set* entry points; QML only reads the properties and calls
// nextLanguage(). Emergency outranks a lane out of controlled service
// (closed, or free passage), which outranks the passenger screens; a result or
// reading screen returns to idle by itself.
class PassengerScreenModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(Screen screen READ screen NOTIFY screenChanged)
    Q_PROPERTY(QString readingHint READ readingHint NOTIFY contentChanged)
    Q_PROPERTY(QVariantMap ticket READ ticket NOTIFY contentChanged)
    Q_PROPERTY(QString reasonCode READ reasonCode NOTIFY contentChanged)
    Q_PROPERTY(QString headline READ headline NOTIFY contentChanged)
    Q_PROPERTY(QString advice READ advice NOTIFY contentChanged)
    Q_PROPERTY(QString outOfServiceReason READ outOfServiceReason NOTIFY screenChanged)
    Q_PROPERTY(QStringList notCommissioned READ notCommissioned NOTIFY screenChanged)
    Q_PROPERTY(bool listStale READ listStale NOTIFY listStaleChanged)
    Q_PROPERTY(double listAgeSecs READ listAgeSecsForQml NOTIFY listStaleChanged)
    Q_PROPERTY(QString languageCode READ languageCode NOTIFY languageChanged)
    Q_PROPERTY(QString nextLanguageName READ nextLanguageName NOTIFY languageChanged)
    Q_PROPERTY(int documentSecsLeft READ documentSecsLeft NOTIFY documentSecsLeftChanged)
    Q_PROPERTY(bool wideLane READ wideLane NOTIFY wideLaneChanged)
    Q_PROPERTY(bool staffHelpsHere READ staffHelpsHere NOTIFY contentChanged)

public:
    enum class Screen {
        Idle,
        Reading,
        Admitted,
        Denied,
        OutOfService,
        FreePassage,
        Emergency,
        AwaitingDocument,
    };
    Q_ENUM(Screen)
    // StaffCall: the lane's staff-call button was pressed (a chime).
    enum class Cue { Admit, Deny, Alarm, StaffCall };
    Q_ENUM(Cue)

    explicit PassengerScreenModel(QObject *parent = nullptr);

    // Entry points for the application.
    void showIdle();
    // hint: "reading", "hold_still", "move_closer", "glare", "reading_chip"
    // (a passport's chip is being read); other
    // codes show the generic "reading" text.
    void showReading(const QString &hint);
    // A code bound to its holder was read: the passenger is asked for the ID
    // card or passport the ticket was bought with, for `windowMs`, with the
    // time left on screen. The decision that follows replaces this screen.
    void showAwaitingDocument(qint64 windowMs);
    // ticket: train, car, seat, masked_name, dep, arr, departs_at (Unix seconds),
    // direction, and dep_zh/dep_en/arr_zh/arr_en, party where known.
    void showAdmitted(const QVariantMap &ticket);
    // headline/advice arrive translated (gate::passengerMessage()). These
    // stay as they are when the passenger switches language.
    void showDenied(const QString &reasonCode, const QString &headline, const QString &advice);
    // The same, but the texts are asked for again whenever the passenger
    // switches language while the screen is up, e.g.
    // [this, decision] { auto m = gate::passengerMessage(decision, language());
    // return std::pair{m.headline, m.advice}; }
    using DeniedText = std::function<std::pair<QString, QString>()>;
    void showDenied(const QString &reasonCode, DeniedText text);
    // The lane does not serve ticketed passengers; `reasonCode` is the lane's
    // availability reason (LaneController::availabilityChanged). A free mode,
    // "free_entry", "free_exit" or "free_passage" (both ways), shows the
    // free-passage screen for that way; any other reason the closed screen.
    void setOutOfService(bool outOfService, const QString &reasonCode = {});
    // The gate is not commissioned: closed, and the screen names the items
    // staff must still set ("root_key", "device_key", "lane_address";
    // core/config/commissioning.h). An empty list clears it.
    void setNotCommissioned(const QStringList &items);
    void setEmergency(bool emergency);
    void setListStale(bool stale, qint64 ageSecs);
    // A wide lane (wheelchairs, prams, large luggage; staff nearby), as its
    // lane profile says: larger symbols, and a passenger sent to staff is told
    // that staff will help.
    void setWideLane(bool wide);

    // The language for the current passenger; back to the default at idle.
    void setLanguage(Language language);
    // The languages the station enables, in the order the language button
    // goes through them, and the one each passenger is greeted in (added in
    // front when the list lacks it: the screen must be able to return to it).
    void setLanguages(const QList<Language> &languages, Language defaultLanguage);
    // The language of the document just read (IdentityDocument::holderLanguage):
    // that one where the station enables it, else English where enabled, else
    // the default. Without one (a code, a Chinese card) the language shown
    // stays: the default, or the one the passenger chose.
    void preferLanguage(std::optional<Language> holderLanguage);
    Language language() const { return m_language; }
    // The next of the enabled languages, after the last the first.
    Q_INVOKABLE void nextLanguage();

    // How long a result (admitted/denied) stays up, how long a reading screen
    // waits for the next camera report, and how long idle keeps a language
    // the passenger chose before going back to the default.
    void setResultDisplayMs(int ms) { m_resultDisplayMs = ms; }
    void setReadingTimeoutMs(int ms) { m_readingTimeoutMs = ms; }
    void setIdleLanguageResetMs(int ms) { m_idleLanguageResetMs = ms; }

    Screen screen() const;
    // The screen as the status socket reports it: "idle", "out_of_service", ...
    QString screenName() const;
    QString readingHint() const { return m_readingHint; }
    QVariantMap ticket() const { return m_ticket; }
    QString reasonCode() const { return m_reasonCode; }
    QString headline() const { return m_headline; }
    QString advice() const { return m_advice; }
    QString outOfServiceReason() const { return m_outOfServiceReason; }
    QStringList notCommissioned() const { return m_notCommissioned; }
    bool listStale() const { return m_listStale; }
    qint64 listAgeSecs() const { return m_listAgeSecs; }
    double listAgeSecsForQml() const { return double(m_listAgeSecs); } // QML has no 64-bit integer
    // "zh", "en", ...: QML picks station names by it.
    QString languageCode() const { return toString(m_language); }
    // The language the button switches to, in that language ("한국어");
    // empty when the station enables one language only.
    QString nextLanguageName() const;
    // Whole seconds left of the holder-document window (rounded up).
    int documentSecsLeft() const;
    bool wideLane() const { return m_wideLane; }
    // The denial shown sends the passenger to staff, who are at this lane.
    bool staffHelpsHere() const;

signals:
    void screenChanged();
    void contentChanged();
    void listStaleChanged();
    void languageChanged();
    void documentSecsLeftChanged();
    void wideLaneChanged();
    // The admit/deny/alarm sound. No audio backend is assumed here: the
    // application connects this to whatever plays sounds on the box.
    void cueRequested(gate::ui::PassengerScreenModel::Cue cue);

private:
    void setPassengerScreen(Screen screen, int returnAfterMs);
    void setDeniedText(const QString &headline, const QString &advice);
    void onReturnTimer();
    // The enabled language after the one shown; the first when the one shown
    // is not among them (English as a fallback).
    Language followingLanguage() const;

    Screen m_passengerScreen = Screen::Idle;
    bool m_outOfService = false;
    bool m_emergency = false;
    QString m_outOfServiceReason;
    QStringList m_notCommissioned;
    QString m_readingHint;
    QVariantMap m_ticket;
    QString m_reasonCode;
    QString m_headline;
    QString m_advice;
    DeniedText m_deniedText;
    bool m_listStale = false;
    qint64 m_listAgeSecs = 0;
    bool m_wideLane = false;

    LanguageSwitcher m_switcher;
    Language m_language = Language::English;
    Language m_defaultLanguage = Language::Chinese;
    QList<Language> m_languages{Language::Chinese, Language::English};

    QTimer m_returnTimer;
    QTimer m_documentTick;
    QDeadlineTimer m_documentDeadline;
    int m_resultDisplayMs = 5000;
    int m_readingTimeoutMs = 8000;
    int m_idleLanguageResetMs = 30000;
};

} // namespace gate::ui
