#pragma once

#include "auth/Actor.h"
#include "domain/Enums.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace hotline {

class Database;

/** One integration of an electronic channel (a WeChat account's backend, the web form, …). */
struct IntakeToken
{
    QString name;      ///< also the tickets' source and the actor "intake:NAME"
    Channel channel = Channel::Web;
    qint64 createdMs = 0;
    QString createdBy;
    std::optional<qint64> revokedMs;
};

/**
 * The intake service's bearer tokens (table intake_tokens). A token is 256 random bits, URL-safe, shown once
 * when it is added; only its SHA-256 is stored, so a copy of the database lets nobody file requests. Adding and
 * revoking are administrative changes (Action::ManageIntake), recorded through AdminAudit without the token or
 * its hash.
 */
class IntakeTokens final
{
    Q_DECLARE_TR_FUNCTIONS(IntakeTokens)

public:
    explicit IntakeTokens(Database &db) : m_db(db) {}

    /** The channels an integration may file for: every one but the phone and the walk-in desk. */
    static QList<Channel> channels();
    /** Empty when name may name a token (1–64 of A–Z a–z 0–9 . _ -), else why not. */
    static QString checkName(const QString &name);
    static QByteArray hashOf(const QByteArray &token);

    /** Adds a token and returns it (the only time it is seen); empty with error set on refusal. */
    QString add(const Actor &by, const QString &name, Channel channel, QString *error);
    bool revoke(const Actor &by, const QString &name, QString *error);
    QList<IntakeToken> all(QString *error = nullptr) const;
    /** The live (not revoked) token whose hash matches; nullopt for anything else. */
    std::optional<IntakeToken> authenticate(const QByteArray &token) const;

private:
    Database &m_db;
};

} // namespace hotline
