#include "loopbackport.h"

#include <QTcpServer>

namespace gate::test {

quint16 freeLoopbackPort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace gate::test
