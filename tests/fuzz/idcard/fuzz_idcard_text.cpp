// libFuzzer: the 256-byte text block of a card answer (shorter inputs are
// padded with spaces so that every input reaches the layout parsers).
#include "core/credentials/idcard/textblock.h"
#include "core/credentials/idcard/textblocklayout.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    QByteArray block(reinterpret_cast<const char *>(data),
                     qsizetype(std::min<size_t>(size, gate::idcard::layout::kTextBlockSize)));
    while (block.size() < gate::idcard::layout::kTextBlockSize)
        block.append(block.size() % 2 == 0 ? ' ' : '\0');
    const auto document = gate::idcard::parseTextBlock(block);
    if (document && document->number.isEmpty())
        __builtin_trap(); // a readable card always has a number
    return 0;
}
