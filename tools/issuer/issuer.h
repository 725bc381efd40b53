#pragma once

#include <QStringList>

// gate-issuer: the ticket system's side, for demo data, tests and integrators.
// Each command lives in a file of its own and follows gatectl's conventions
// (JSON on stdout, messages on stderr, exit 2 on bad usage).
namespace gate::issuer {

int keygen(const QStringList &args);      // new signing key (PEM) + its public key and kid
int trustList(const QStringList &args);   // keys.json from public keys and their windows
int code(const QStringList &args);        // a signed RT1 e-ticket code, as text and PNG
int ticketList(const QStringList &args);  // a signed ticket-list folder (snapshot, deltas)
int demoStation(const QStringList &args); // the demo's station: list, keys, passengers
int relay(const QStringList &args);       // passages from the collector to `used` records

} // namespace gate::issuer
