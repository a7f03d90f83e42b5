#include "service/Attachments.h"

#include "auth/Permissions.h"
#include "domain/TextRules.h"
#include "domain/TicketFold.h"
#include "service/TicketQueries.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"
#include "util/Clock.h"

#include <QFileInfo>
#include <QLocale>
#include <QMimeDatabase>

using namespace Qt::StringLiterals;

namespace hotline {

namespace {

constexpr int kMaxFileName = 200;

// Whatever the name says: these first bytes start a program (Windows PE, ELF, Mach-O, a script with #!).
bool looksLikeProgram(const QByteArray &b)
{
    return b.startsWith("MZ") || b.startsWith("\x7f" "ELF") || b.startsWith("#!")
           || b.startsWith("\xca\xfe\xba\xbe") || b.startsWith("\xfe\xed\xfa\xce") || b.startsWith("\xfe\xed\xfa\xcf")
           || b.startsWith("\xce\xfa\xed\xfe") || b.startsWith("\xcf\xfa\xed\xfe");
}

// Names a desktop would run (or a browser would execute) when opened, even if the content hides it.
bool hasProgramExtension(const QString &name)
{
    static const QStringList programs{u"exe"_s, u"dll"_s, u"com"_s, u"bat"_s, u"cmd"_s, u"msi"_s, u"scr"_s,
                                      u"sh"_s,  u"ps1"_s, u"vbs"_s, u"js"_s,  u"jar"_s, u"apk"_s, u"app"_s,
                                      u"so"_s,  u"run"_s, u"bin"_s, u"lnk"_s, u"hta"_s, u"wsf"_s, u"pif"_s,
                                      u"html"_s, u"htm"_s, u"svg"_s};
    return programs.contains(QFileInfo(name).suffix().toLower());
}

// What the centre accepts: photos, PDF, office documents, plain text. Decided on the content's type.
bool isAccepted(const QMimeType &type)
{
    const QString name = type.name();
    if (name.startsWith(u"image/"_s))
        return name != u"image/svg+xml"_s; // SVG may carry scripts
    static const QStringList exact{
        u"application/pdf"_s,
        u"application/msword"_s,
        u"application/vnd.ms-excel"_s,
        u"application/vnd.ms-powerpoint"_s,
        u"application/rtf"_s,
        u"text/plain"_s,
        u"text/csv"_s,
    };
    static const QStringList families{
        u"application/vnd.openxmlformats-officedocument."_s,
        u"application/vnd.oasis.opendocument."_s,
        u"application/vnd.ms-"_s,
        u"application/wps-"_s,
    };
    if (exact.contains(name))
        return true;
    for (const QString &f : families) {
        if (name.startsWith(f))
            return true;
    }
    return false;
}

QString cleanName(const QString &raw)
{
    QString name = raw;
    name.replace(u'\\', u'/'); // a Windows path from a form or a CSV
    name = TextRules::stripped(QFileInfo(name).fileName(), TextRules::Lines::Single).trimmed();
    return name;
}

QString megabytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

Attachments::Attachments(Database &db, EventStore &store, const Clock &clock)
    : m_db(db), m_store(store), m_clock(clock)
{
}

QStringList Attachments::stages()
{
    return {u"registration"_s, u"before"_s, u"after"_s, u"document"_s};
}

bool Attachments::isStage(const QString &code)
{
    return stages().contains(code);
}

QString Attachments::stageName(const QString &code)
{
    if (code == u"registration"_s)
        return tr("At registration");
    if (code == u"before"_s)
        return tr("Before handling");
    if (code == u"after"_s)
        return tr("After handling");
    if (code == u"document"_s)
        return tr("Document");
    return code;
}

QString Attachments::sizeProblem(const QString &fileName, qint64 size, qint64 maxBytes)
{
    if (size <= maxBytes)
        return {};
    return tr("“%1” is %2 MB; at most %3 MB may be attached (setting attachments.max_mb).")
        .arg(cleanName(fileName), megabytes(size), QString::number(maxBytes / (1024 * 1024)));
}

bool Attachments::prepare(const AttachmentFile &file, qint64 maxBytes, const QString &ticketId, const Actor &actor,
                          qint64 atMs, PreparedAttachment *out, QString *error)
{
    const QString name = cleanName(file.fileName);
    const QString shown = name.isEmpty() ? tr("The file") : u"“%1”"_s.arg(name);
    if (name.isEmpty()) {
        *error = tr("The file has no name.");
        return false;
    }
    if (TextRules::length(name) > kMaxFileName) {
        *error = tr("The file name is too long (at most %1 characters).").arg(kMaxFileName);
        return false;
    }
    const QString stage = file.stage.isEmpty() ? u"document"_s : file.stage;
    if (!isStage(stage)) {
        *error = tr("Unknown stage \"%1\"; use one of %2.").arg(stage, stages().join(u", "_s));
        return false;
    }
    if (file.bytes.isEmpty()) {
        *error = tr("%1 is empty.").arg(shown);
        return false;
    }
    if (const QString why = sizeProblem(name, file.bytes.size(), maxBytes); !why.isEmpty()) {
        *error = why;
        return false;
    }
    if (looksLikeProgram(file.bytes) || hasProgramExtension(name)) {
        *error = tr("%1 is a program or script; programs cannot be attached.").arg(shown);
        return false;
    }
    const QMimeType type = QMimeDatabase().mimeTypeForFileNameAndData(name, file.bytes);
    if (!isAccepted(type)) {
        *error = tr("%1 is not a photo, PDF, office document or text (its content is %2).").arg(shown, type.name());
        return false;
    }
    out->bytes = file.bytes;
    out->hash = AttachmentStore::hashOf(file.bytes);
    out->event = TicketEvent::make(ticketId, EventType::Attached, atMs, actor.user, actor.console,
                                   {{Key::Hash, out->hash},
                                    {Key::FileName, name},
                                    {Key::MimeType, type.name()},
                                    {Key::Size, qint64(file.bytes.size())},
                                    {Key::Stage, stage}});
    return true;
}

bool Attachments::storeBlobs(Database &db, const QList<PreparedAttachment> &files, QString *error)
{
    AttachmentStore store(db);
    for (const PreparedAttachment &f : files) {
        if (!store.putBlob(f.hash, f.bytes, error))
            return false;
    }
    return true;
}

QString Attachments::attach(const Actor &actor, const QString &ticketId, const AttachmentFile &file, QString *error)
{
    const Ticket t = m_store.ticket(ticketId);
    // Someone who may not see the ticket learns nothing about it, not even that it exists.
    if (!t.exists() || (actor.role != Role::System && !TicketQueries::maySee(actor, t))) {
        *error = tr("Ticket not found.");
        return {};
    }
    if (!Permissions::allowsOn(actor, Action::Attach, t.state, t.department, error))
        return {};
    PreparedAttachment prepared;
    if (!prepare(file, Settings(m_db).attachmentMaxBytes(), ticketId, actor, m_clock.nowMs(), &prepared, error))
        return {};
    if (const QString why = TicketFold::check(t, prepared.event); !why.isEmpty()) {
        *error = why;
        return {};
    }
    // The bytes and the event in one transaction: never an event without its bytes, nor bytes nobody names.
    if (!m_store.appendWith({prepared.event}, [&](QString *e) { return storeBlobs(m_db, {prepared}, e); }, error))
        return {};
    return prepared.hash;
}

QList<AttachmentRow> Attachments::list(const Actor &actor, const QString &ticketId)
{
    const Ticket t = m_store.ticket(ticketId);
    if (actor.role != Role::System && !TicketQueries::maySee(actor, t))
        return {};
    return AttachmentStore(m_db).forTicket(ticketId);
}

std::optional<QByteArray> Attachments::content(const Actor &actor, const QString &hash, QString *error)
{
    AttachmentStore store(m_db);
    bool visible = false;
    for (const QString &ticketId : store.ticketsWith(hash.toLower())) {
        if (actor.role == Role::System || TicketQueries::maySee(actor, m_store.ticket(ticketId))) {
            visible = true;
            break;
        }
    }
    if (!visible) {
        *error = tr("No attachment with the hash %1 on a ticket you may see.").arg(hash);
        return std::nullopt;
    }
    std::optional<QByteArray> bytes = store.blob(hash.toLower());
    if (!bytes)
        *error = tr("The file has not been received from the shared server yet; try again after the next sync.");
    return bytes;
}

} // namespace hotline
