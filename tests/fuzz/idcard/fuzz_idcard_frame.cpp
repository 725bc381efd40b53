// libFuzzer: serial bytes from a SAM reader, fed to the frame assembler in
// chunks of fuzzer-chosen sizes, and whole inputs to the answer parsers.
#include "core/credentials/idcard/cardanswer.h"
#include "core/credentials/idcard/idcardreading.h"
#include "hal/sam/frameassembler.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    gate::idcard::readIdCardAnswer(bytes);
    gate::idcard::parseResponse(bytes);

    // The first byte picks the chunk size, as a serial driver delivers them.
    if (bytes.isEmpty())
        return 0;
    const qsizetype chunk = 1 + quint8(bytes.front());
    const QByteArrayView stream = bytes.sliced(1);
    gate::idcard::FrameAssembler assembler;
    for (qsizetype at = 0; at < stream.size(); at += chunk) {
        assembler.push(stream.sliced(at, std::min(chunk, stream.size() - at)));
        while (auto event = assembler.take()) {
            if (event->error)
                continue;
            // Every frame the assembler yields must pass the frame check.
            if (gate::idcard::parseResponse(event->frame).error &&
                event->frame.size() > gate::idcard::kHeaderSize + 3)
                __builtin_trap();
            gate::idcard::parseCardAnswer(event->frame);
        }
        if (assembler.bufferedBytes() > gate::idcard::kMaxFrameSize + chunk)
            __builtin_trap();
    }
    return 0;
}
