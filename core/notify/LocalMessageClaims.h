#pragma once

#include "notify/MessageClaims.h"

#include <QCoreApplication>

namespace hotline {

class Database;

/**
 * Claims in the local SQLite file (table sms_claims): the guard for a standalone centre, where the console
 * and a scheduled `hotlinectl escalate` may share one database. Each call is one BEGIN IMMEDIATE transaction.
 */
class LocalMessageClaims final : public MessageClaims
{
    Q_DECLARE_TR_FUNCTIONS(LocalMessageClaims)

public:
    explicit LocalMessageClaims(Database &db);

    Claim claim(const QString &messageId, const QString &claimant, qint64 nowMs, qint64 leaseMs) override;
    bool markSent(const QString &messageId, const QString &claimant, qint64 nowMs, QString *error) override;
    void release(const QString &messageId, const QString &claimant) override;

private:
    Database &m_db;
};

} // namespace hotline
