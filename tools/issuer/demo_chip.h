#pragma once

#include <QString>
#include <QStringList>

namespace gate::issuer {

// A passport chip for the demo's chip passenger, as its issuing state would
// make it (ICAO Doc 9303 part 10): EF.COM, DG1 holding `mrz`, DG2 with a
// drawn face and EF.SOD, the LDS security object signed by a Document Signer
// of a CSCA of Utopia ("UT") made here. Writes the files `com`, `dg1`, `dg2`
// and `sod` into `chipDir` (what a
// chip emulator serves) and the CSCA's certificate into `cscaDir` (what the
// gate's emrtd-reader trusts). Fresh keys on every call, none kept.
bool writeDemoChip(const QStringList &mrz, const QString &chipDir, const QString &cscaDir,
                   QString *error);

} // namespace gate::issuer
