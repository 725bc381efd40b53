#include "emrtdreaderplugin.h"

#include "emrtdreader.h"

namespace gate::emrtdreader {

std::unique_ptr<hal::CredentialSource>
EmrtdReaderPlugin::createCredentialSource(const QString &deviceName, const QJsonObject &settings,
                                          QString *error) {
    std::optional<EmrtdReaderSettings> readerSettings = readerSettingsFromJson(settings, error);
    if (!readerSettings)
        return nullptr;
    return std::make_unique<EmrtdReader>(deviceName, std::move(*readerSettings));
}

} // namespace gate::emrtdreader
