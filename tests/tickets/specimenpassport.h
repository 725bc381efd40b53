#pragma once

#include "core/credentials/identitydocument.h"

#include <QString>

namespace gate::testing {

// A camera-read passport of the specimen state "UTO" whose number is
// `label`, valid until 2030: its holder key is holderKey(K_list,
// "PP:UTO:" + label).
IdentityDocument specimenPassport(const QString &label);

} // namespace gate::testing
