#pragma once

#include "core/config/gateconfig.h"

#include <QList>
#include <QString>

namespace gate {

// What a valid configuration still lacks before the gate may serve
// passengers. The package ships its configuration like this: the gate then
// starts into an out-of-service screen that names what is missing, instead of
// failing and being restarted by systemd (docs/operations.md, Commissioning).
// The rule, one item each:
//   root_key      tickets.root_key is empty
//   device_key    tickets.device_key names no file, or a file that does not exist yet
//   lane_address  the lane device's settings.url is an empty string
struct CommissioningGap {
    QString item;          // "root_key", "device_key", "lane_address"
    QString key;           // the configuration key to set, dotted ("devices[2].settings.url")
    QString hint;          // how to get the value
    qsizetype device = -1; // index in GateConfig::devices of the device it belongs to
};

QList<CommissioningGap> commissioningGaps(const GateConfig &config);

// "root key (tickets.root_key), device key (...), ...": for STATUS= and logs.
QString describeGaps(const QList<CommissioningGap> &gaps);

} // namespace gate
