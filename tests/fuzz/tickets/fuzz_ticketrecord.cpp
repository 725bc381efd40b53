// libFuzzer target: one ticket-list record line, and the same bytes as a
// gzip record file, through the gate's parsers.
#include "core/tickets/gziplinereader.h"
#include "core/tickets/ticketrecord.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    (void)gate::tickets::parseRecordLine(bytes, &error);

    gate::tickets::GzipLineReader lines(bytes, gate::tickets::maxRecordLineBytes);
    QByteArray line;
    for (int count = 0; count < 1000 && lines.nextLine(&line); ++count)
        (void)gate::tickets::parseRecordLine(line, &error);
    return 0;
}
