// libFuzzer target: one line of the station collector's passage file, as
// gate-issuer relay reads it, through to the `used` record lines it would
// publish (each checked by the gate's record parser, as the relay does).
#include "core/tickets/ticketrecord.h"
#include "relay_passages.h"
#include "ticketlist_records.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArrayView line(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto record = gate::issuer::parseCollectedRecord(line, &error);
    if (!record)
        return 0;
    gate::issuer::SeenRecords seen;
    (void)seen.admit(record->gate, record->seq);
    const auto used = gate::issuer::usedRecordsOf(*record, &error);
    if (!used)
        return 0;
    for (const gate::tickets::UsedRecord &use : *used)
        (void)gate::tickets::parseRecordLine(gate::issuer::recordLine(use), &error);
    return 0;
}
