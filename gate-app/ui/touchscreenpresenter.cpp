#include "touchscreenpresenter.h"

#include "core/decision/passengermessage.h"
#include "cueplayer.h"
#include "passengerscreenmodel.h"
#include "servicemodemodel.h"

#include <QImage>

#include <utility>

namespace gate::ui {

namespace {

QVariantMap ticketForScreen(const PassageReport &report) {
    const MatchedTicket &ticket = *report.decision.ticket;
    QVariantMap map{{QStringLiteral("train"), ticket.train},
                    {QStringLiteral("seat"), ticket.seat},
                    {QStringLiteral("masked_name"), ticket.maskedName},
                    {QStringLiteral("dep"), ticket.dep},
                    {QStringLiteral("arr"), ticket.arr},
                    {QStringLiteral("departs_at"), ticket.departure}};
    if (ticket.car)
        map.insert(QStringLiteral("car"), *ticket.car);
    // Station names from the list, where it names the stations.
    for (const char *key : {"dep_zh", "dep_en", "arr_zh", "arr_en"}) {
        if (const QVariant name = report.decision.details.value(QLatin1String(key)); name.isValid())
            map.insert(QLatin1String(key), name);
    }
    if (report.decision.partyTids.size() > 1)
        map.insert(QStringLiteral("party"), report.decision.partyTids.size());
    return map;
}

// The chip's face as an image for the service panel; null when it had none.
QImage faceImage(const ChipProof &chip) {
    if (chip.faceSize.isEmpty())
        return {};
    return QImage(reinterpret_cast<const uchar *>(chip.faceRgb.constData()), chip.faceSize.width(),
                  chip.faceSize.height(), chip.faceSize.width() * 3, QImage::Format_RGB888)
        .copy();
}

QVariantMap serviceListEntry(const PassageReport &report) {
    return {{QStringLiteral("at"), report.decision.decidedAt},
            {QStringLiteral("admit"), report.decision.admit},
            {QStringLiteral("reason"), toString(report.decision.reason)},
            {QStringLiteral("credential"), report.credentialKind},
            {QStringLiteral("train"),
             report.decision.ticket ? report.decision.ticket->train : QString()}};
}

} // namespace

TouchscreenPresenter::TouchscreenPresenter(PassengerScreenModel &passengerScreen,
                                           ServiceModeModel &serviceMode, CuePlayer &cues)
    : m_passengerScreen(passengerScreen)
    , m_serviceMode(serviceMode)
    , m_cues(cues) {
    connect(&m_passengerScreen, &PassengerScreenModel::cueRequested, &m_cues, &CuePlayer::play);
}

void TouchscreenPresenter::showDecision(const PassageReport &report) {
    m_passengerScreen.preferLanguage(report.holderLanguage);
    if (report.decision.admit && report.decision.ticket) {
        m_passengerScreen.showAdmitted(ticketForScreen(report));
    } else {
        // The screen asks for the text again in each language the passenger
        // switches to; the decision itself is shown once.
        m_passengerScreen.showDenied(toString(report.decision.reason),
                                     [screen = &m_passengerScreen, decision = report.decision] {
                                         const PassengerMessage message =
                                             passengerMessage(decision, screen->language());
                                         return std::pair{message.headline, message.advice};
                                     });
    }
    m_serviceMode.addDecision(serviceListEntry(report));
    if (report.chip.state != ChipProof::State::NotApplicable) {
        const QString state = toString(report.chip.state);
        m_serviceMode.setLastPassport(faceImage(report.chip),
                                      report.chip.detail == state
                                          ? state
                                          : state + QStringLiteral(": ") + report.chip.detail);
    }
}

void TouchscreenPresenter::showLaneAvailability(bool ready, const QString &reason) {
    const bool emergency = reason == QLatin1String("emergency");
    m_passengerScreen.setEmergency(emergency);
    m_passengerScreen.setOutOfService(!ready && !emergency, reason);
    m_serviceMode.setLaneAvailability(ready, reason);
}

void TouchscreenPresenter::showListAge(ListAge age, qint64 ageSecs) {
    m_passengerScreen.setListStale(age != ListAge::Fresh, ageSecs);
}

void TouchscreenPresenter::showReadingChip() {
    m_passengerScreen.showReading(QStringLiteral("reading_chip"));
}

void TouchscreenPresenter::announceStaffCall(bool active) {
    if (active)
        m_cues.play(PassengerScreenModel::Cue::StaffCall);
}

} // namespace gate::ui
