#pragma once

#include "core/decision/listage.h"
#include "core/passage/passagereport.h"

#include <QObject>

namespace gate::ui {

class CuePlayer;
class PassengerScreenModel;
class ServiceModeModel;

// What the touchscreen shows of the gate: each decision on the passenger's
// screen (in the language the passenger reads) and in the service panel's
// list, the lane's availability, an old list, a staff call's chime. The
// rules of what a passenger sees live here; the gate's wiring only forwards.
class TouchscreenPresenter : public QObject {
    Q_OBJECT
public:
    TouchscreenPresenter(PassengerScreenModel &passengerScreen, ServiceModeModel &serviceMode,
                         CuePlayer &cues);

    void showDecision(const PassageReport &report);
    // The lane controller's availability: an emergency has its own screen,
    // any other unavailability is "out of service" with its reason.
    void showLaneAvailability(bool ready, const QString &reason);
    void showListAge(ListAge age, qint64 ageSecs);
    void showReadingChip();
    // A staff call chimes once when pressed; the panel's alarm list shows it
    // while it is held.
    void announceStaffCall(bool active);

private:
    PassengerScreenModel &m_passengerScreen;
    ServiceModeModel &m_serviceMode;
    CuePlayer &m_cues;
};

} // namespace gate::ui
