#pragma once

#include <QString>
#include <QStringView>

namespace gate::idcard {

// ISO 3166-1 alpha-3 code of a 3-digit ISO numeric country code ("586" ->
// "PAK"); empty when the number is not assigned. The 2023 FPR card may carry
// its nationality either way.
QString alpha3FromIsoNumeric(QStringView numeric);

} // namespace gate::idcard
