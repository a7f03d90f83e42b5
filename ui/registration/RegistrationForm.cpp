#include "registration/RegistrationForm.h"

#include "registration/CallFields.h"
#include "registration/CallerPanel.h"
#include "registration/DraftBanner.h"
#include "registration/IncidentSuggestions.h"
#include "auth/Permissions.h"
#include "service/TicketQueries.h"
#include "service/TicketService.h"
#include "service/Workspace.h"
#include "storage/EventStore.h"
#include "storage/Settings.h"
#include "support/ConsoleSession.h"
#include "util/Clock.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

#include <functional>

using namespace Qt::StringLiterals;

namespace hotline {
namespace {

const QString kAnswer = u"intake_answer"_s;

// What the suggestions of the same incident compare: the place and the summary within one category and town.
DuplicateQuery incidentQuery(const RegistrationDraft &draft)
{
    const NewTicket t = draft.toNewTicket();
    return DuplicateQuery{t.category, t.town, t.address, t.summary, {}};
}

} // namespace

RegistrationForm::RegistrationForm(ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_drafts(session.workspace().database())
{
    setObjectName(u"registrationForm"_s);
    setWindowTitle(tr("Register a call"));
    buildLayout();
    setupTabOrderAndShortcuts();

    connect(m_fields, &CallFields::edited, this, &RegistrationForm::fieldsEdited);
    connect(m_fields, &CallFields::callChanged, this, &RegistrationForm::updatePanel);
    connect(m_fields, &CallFields::phoneLeft, this,
            [this] { m_errors->showField(u"caller_phone"_s, m_fields->phoneProblem()); });
    connect(m_panel, &CallerPanel::linkRequested, this, &RegistrationForm::linkTicket);
    connect(&m_session, &ConsoleSession::ticketsChanged, m_panel, &CallerPanel::refresh);

    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(kDraftDelayMs);
    connect(&m_draftTimer, &QTimer::timeout, this, &RegistrationForm::saveDraftNow);
    // Leaving a field (or the window) writes a pending draft at once instead of waiting for the debounce.
    m_focusConnection = connect(qApp, &QApplication::focusChanged, this, [this](QWidget *old, QWidget *) {
        if (old && isAncestorOf(old) && m_draftTimer.isActive())
            saveDraftNow();
    });

    offerStoredDraft();
    m_fields->focusPhone();
}

RegistrationForm::~RegistrationForm()
{
    // Closing the console with a half-typed call keeps it for next time (a crash relies on the debounce).
    if (m_draftTimer.isActive())
        saveDraftNow();
    // QWidget's destructor closes the window and deletes the children after this object's members are gone;
    // the focus changes that causes must not reach them.
    disconnect(m_focusConnection);
    m_fields->disconnect(this);
    m_panel->disconnect(this);
}

void RegistrationForm::buildLayout()
{
    m_draftBanner = new DraftBanner(this);
    connect(m_draftBanner, &DraftBanner::restoreRequested, this, &RegistrationForm::restoreDraft);
    connect(m_draftBanner, &DraftBanner::discardRequested, this, &RegistrationForm::discardDraft);

    m_errorsLabel = new QLabel(this);
    m_errorsLabel->setObjectName(u"errors"_s);
    m_errors.emplace(m_errorsLabel);

    TicketQueries &queries = m_session.workspace().queries();
    m_fields = new CallFields(queries.towns(), queries.categories(), this);
    m_fields->declareFields(*m_errors);

    const auto keys = [](QKeyCombination k) { return QKeySequence(k).toString(QKeySequence::NativeText); };
    m_submit = new QPushButton(tr("Register  (%1)").arg(keys(Qt::CTRL | Qt::Key_Return)), this);
    m_submit->setObjectName(u"submit"_s);
    QFont bold = m_submit->font();
    bold.setBold(true);
    m_submit->setFont(bold);
    m_new = new QPushButton(tr("New call  (%1)").arg(keys(Qt::CTRL | Qt::Key_N)), this);
    m_new->setObjectName(u"newTicket"_s);
    connect(m_submit, &QPushButton::clicked, this, &RegistrationForm::submit);
    connect(m_new, &QPushButton::clicked, this, &RegistrationForm::newTicket);

    m_draftStatus = new QLabel(this);
    m_draftStatus->setObjectName(u"draftStatus"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_draftStatus, 1);
    buttons->addWidget(m_new);
    buttons->addWidget(m_submit);

    m_attachFiles = new QPushButton(tr("Attach &files…"), this);
    m_attachFiles->setObjectName(u"attachFiles"_s);
    m_attachFiles->setToolTip(tr("Photos or documents the caller sent: they are registered with the ticket"));
    m_attachFiles->setVisible(Permissions::allows(m_session.actor(), Action::Attach));
    connect(m_attachFiles, &QPushButton::clicked, this, &RegistrationForm::chooseFiles);
    m_filesLabel = new QLabel(this);
    m_filesLabel->setObjectName(u"attachedFiles"_s);
    m_filesLabel->setWordWrap(true);
    m_filesLabel->setTextFormat(Qt::PlainText);
    auto *files = new QHBoxLayout;
    files->addWidget(m_attachFiles);
    files->addWidget(m_filesLabel, 1);

    auto *callBox = new QGroupBox(tr("Call"), this);
    auto *callLayout = new QVBoxLayout(callBox);
    callLayout->addWidget(m_fields);
    m_suggestions = new IncidentSuggestions(m_session, callBox);
    callLayout->addWidget(m_suggestions);
    callLayout->addLayout(files);
    callLayout->addStretch();
    callLayout->addLayout(buttons);

    m_numberPanel = new QFrame(this);
    m_numberPanel->setObjectName(u"lastTicket"_s);
    m_numberPanel->setFrameShape(QFrame::StyledPanel);
    m_numberCaption
        = new QLabel(tr("The number of the registered ticket appears here, to read to the caller."), m_numberPanel);
    m_numberCaption->setObjectName(u"ticketNumberCaption"_s);
    m_numberCaption->setWordWrap(true);
    m_number = new QLabel(m_numberPanel);
    m_number->setObjectName(u"ticketNumber"_s);
    m_number->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_number->setAlignment(Qt::AlignCenter);
    QFont numberFont = m_number->font();
    numberFont.setBold(true);
    numberFont.setPointSizeF(numberFont.pointSizeF() * 2.4);
    m_number->setFont(numberFont);
    m_number->setMinimumHeight(QFontMetrics(numberFont).height());
    auto *numberLayout = new QVBoxLayout(m_numberPanel);
    numberLayout->addWidget(m_numberCaption);
    numberLayout->addWidget(m_number);

    m_panel = new CallerPanel(m_session, this);
    auto *side = new QVBoxLayout;
    side->addWidget(m_numberPanel);
    side->addWidget(m_panel, 1);

    auto *columns = new QHBoxLayout;
    columns->addWidget(callBox, 3);
    columns->addLayout(side, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_draftBanner);
    layout->addWidget(m_errorsLabel);
    layout->addLayout(columns, 1);
}

void RegistrationForm::setupTabOrderAndShortcuts()
{
    // After the fields: submit, then what is needed less often. Hidden widgets are skipped by Tab.
    const QList<QWidget *> chain {m_fields->lastField(),
                                  m_submit,
                                  m_new,
                                  findChild<QWidget *>(u"linkDuplicate"_s),
                                  findChild<QWidget *>(u"restoreDraft"_s),
                                  findChild<QWidget *>(u"discardDraft"_s),
                                  findChild<QWidget *>(u"callerHistory"_s)};
    for (qsizetype i = 0; i + 1 < chain.size(); ++i)
        setTabOrder(chain.at(i), chain.at(i + 1));
    if (auto *history = qobject_cast<QAbstractItemView *>(chain.last()))
        history->setTabKeyNavigation(false); // Tab leaves the table instead of walking its cells

    const auto shortcut = [this](const QList<QKeySequence> &keys, const std::function<void()> &action) {
        auto *s = new QShortcut(this);
        s->setKeys(keys);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, action);
    };
    // Return on the main keyboard, Enter on the keypad: both submit with Ctrl held.
    shortcut({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}, [this] { submit(); });
    shortcut({QKeySequence(Qt::CTRL | Qt::Key_N)}, [this] { newTicket(); });
}

RegistrationDraft RegistrationForm::content() const
{
    return m_fields->content();
}

void RegistrationForm::setContent(const RegistrationDraft &draft)
{
    m_fields->setContent(draft);
    m_errors->clear();
}

void RegistrationForm::clearFields()
{
    RegistrationDraft blank;
    blank.channel = content().channel; // the channel a call-taker works on stays for the next call
    m_files.clear();
    updateFiles();
    m_fields->setContent(blank);
    m_fields->setLists(m_session.workspace().queries().towns(), m_session.workspace().queries().categories());
    m_errors->clear();
    m_draftTimer.stop();
}

void RegistrationForm::fieldsEdited()
{
    revalidateFlagged();
    m_suggestions->setQuery(incidentQuery(content()));
    m_draftTimer.start();
}

void RegistrationForm::updatePanel()
{
    m_panel->setCall(m_fields->validPhone(), m_fields->summary(), m_fields->details());
}

// ---- validation and submit ---------------------------------------------------------------------------------

QList<FieldError> RegistrationForm::validate(const RegistrationDraft &draft) const
{
    QList<FieldError> errors = TicketService::validate(draft.toNewTicket());
    // One field for both coordinates: the service's latitude and longitude problems are shown there.
    for (FieldError &e : errors) {
        if (e.field == u"latitude"_s || e.field == u"longitude"_s)
            e.field = u"coordinates"_s;
    }
    std::optional<double> latitude, longitude;
    if (!RegistrationDraft::parseCoordinates(draft.coordinates, &latitude, &longitude))
        errors << FieldError {u"coordinates"_s,
                              tr("Give the coordinates as latitude, longitude in degrees, e.g. 23.0329, 113.1453.")};
    if (draft.type == TicketType::Consult) {
        const bool answered = !draft.intakeAnswer.trimmed().isEmpty();
        if (draft.closeAtIntake && !answered)
            errors << FieldError {kAnswer, tr("Write the answer given to the caller, or untick “close at intake”.")};
        else if (!draft.closeAtIntake && answered)
            errors << FieldError {
                kAnswer,
                tr("There is an answer but the ticket would stay open: tick “close at intake” or clear the answer.")};
        else if (draft.intakeAnswer.size() > TicketService::kMaxDetails)
            errors << FieldError {kAnswer,
                                  tr("The answer is too long (%1 characters, at most %2).")
                                      .arg(draft.intakeAnswer.size())
                                      .arg(TicketService::kMaxDetails)};
    }
    return errors;
}

void RegistrationForm::revalidateFlagged()
{
    // A problem once pointed out follows the typing and goes away as soon as it is fixed; fields that
    // were not flagged are not judged while the operator is still typing them.
    if (m_errors->isEmpty())
        return;
    const QList<FieldError> now = validate(content());
    for (const QString &code : {u"caller_phone"_s, u"caller_name"_s, u"summary"_s, u"details"_s, kAnswer, u"address"_s,
                                u"coordinates"_s}) {
        if (!m_errors->hasError(code))
            continue;
        const auto it = std::find_if(now.cbegin(), now.cend(), [&](const FieldError &e) { return e.field == code; });
        m_errors->showField(code, it == now.cend() ? QString() : it->message);
    }
}

bool RegistrationForm::submit()
{
    const RegistrationDraft draft = content();
    const QList<FieldError> errors = validate(draft);
    if (!errors.isEmpty()) {
        m_errors->showAll(errors);
        if (QWidget *first = m_errors->firstInvalidWidget())
            first->setFocus(Qt::OtherFocusReason);
        return false;
    }
    const Actor &actor = m_session.actor();
    TicketService &service = m_session.workspace().tickets();
    QString error;
    NewTicket input = draft.toNewTicket();
    input.files = m_files; // registered with the ticket, in one transaction
    const QString id = service.registerTicket(actor, input, &error);
    if (id.isEmpty()) {
        // The form keeps everything: the operator can try again and nothing typed is lost.
        m_errors->showGeneral(tr("The ticket was not registered: %1").arg(error));
        return false;
    }
    const QString number = m_session.workspace().events().ticket(id).number;
    // Registered, then closed (rather than registerAndClose, which returns no id when the close fails): a
    // refused close must not hide that the ticket exists, or the operator would register it twice.
    QString closeProblem;
    if (draft.closesAtIntake() && !service.close(actor, id, draft.intakeAnswer.trimmed(), &error))
        closeProblem = tr("Ticket %1 was registered but could not be closed: %2 It waits in the dispatch queue.")
                           .arg(number, error);

    clearFields();
    m_suggestions->setRegistered(id, number, incidentQuery(draft)); // merge it into the same incident, if it is one
    saveDraftNow(); // the call is registered: its draft goes
    m_errors->showGeneral(closeProblem);
    showRegistered(number, draft.closesAtIntake() && closeProblem.isEmpty());
    m_fields->focusPhone();
    Q_EMIT ticketRegistered(id, number);
    return true;
}

void RegistrationForm::showRegistered(const QString &number, bool closed)
{
    m_lastNumber = number;
    m_number->setText(number);
    m_numberCaption->setText(closed
                                 ? tr("Answered and closed. Ticket number (copied to the clipboard):")
                                 : tr("Registered. Read the ticket number to the caller (copied to the clipboard):"));
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(number);
}

void RegistrationForm::newTicket()
{
    clearFields();
    saveDraftNow(); // the abandoned call's draft goes
    m_fields->focusPhone();
}

bool RegistrationForm::addFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_errors->showGeneral(tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    const QString tooBig = Attachments::sizeProblem(path, file.size(), m_session.workspace().settings().attachmentMaxBytes());
    if (!tooBig.isEmpty()) {
        m_errors->showGeneral(tooBig);
        return false;
    }
    m_files << AttachmentFile {QFileInfo(path).fileName(), file.readAll(), u"registration"_s};
    m_errors->showGeneral(QString());
    updateFiles();
    return true;
}

QStringList RegistrationForm::fileNames() const
{
    QStringList names;
    for (const AttachmentFile &f : m_files)
        names << f.fileName;
    return names;
}

void RegistrationForm::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Attach files"), QString(),
        tr("Photos and documents (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff *.heic *.pdf *.doc *.docx "
           "*.xls *.xlsx *.ppt *.pptx *.odt *.ods *.odp *.wps *.rtf *.txt);;All files (*)"));
    for (const QString &path : paths) {
        if (!addFile(path))
            break;
    }
}

void RegistrationForm::updateFiles()
{
    m_filesLabel->setText(m_files.isEmpty() ? QString() : tr("To attach: %1").arg(fileNames().join(tr(", "))));
}

void RegistrationForm::linkTicket(const QString &number)
{
    if (number.isEmpty() || m_fields->details().contains(number))
        return;
    m_fields->appendToDetails(tr("Related ticket: %1").arg(number)); // the banner confirms, the draft follows
}

// ---- drafts -------------------------------------------------------------------------------------------------

QString RegistrationForm::localTime(qint64 ms, const QString &format) const
{
    return QDateTime::fromMSecsSinceEpoch(ms, m_session.sla().calendar().timeZone()).toString(format);
}

bool RegistrationForm::saveDraftNow()
{
    m_draftTimer.stop();
    const RegistrationDraft draft = content();
    const QString user = m_session.actor().user;
    const qint64 now = m_session.clock().nowMs();
    // The table keeps the call being typed; with a blank form, the draft still on offer (so that a crash
    // before the operator decided does not lose it); else nothing.
    QString error;
    bool ok = true;
    if (!draft.isBlank())
        ok = m_drafts.save(user, now, draft.toJson(), &error);
    else if (m_offered)
        ok = m_drafts.save(user, m_offeredSavedMs, m_offered->toJson(), &error);
    else
        ok = m_drafts.clear(user, &error);
    if (!ok) {
        setDraftStatus(error, true);
        return false;
    }
    setDraftStatus(draft.isBlank() ? QString() : tr("Draft saved at %1").arg(localTime(now, u"HH:mm:ss"_s)), false);
    Q_EMIT draftSaved();
    return true;
}

void RegistrationForm::offerStoredDraft()
{
    const std::optional<StoredDraft> stored = m_drafts.load(m_session.actor().user);
    if (!stored || stored->content.value(u"v"_s).toInt() > RegistrationDraft::kFormatVersion)
        return;
    const RegistrationDraft draft = RegistrationDraft::fromJson(stored->content);
    if (draft.isBlank())
        return;
    // The offer stands until the operator decides; a new call typed meanwhile is saved as usual.
    m_offered = draft;
    m_offeredSavedMs = stored->savedMs;
    QStringList what;
    if (!draft.callerPhone.trimmed().isEmpty())
        what << draft.callerPhone.trimmed();
    if (!draft.callerName.trimmed().isEmpty())
        what << draft.callerName.trimmed();
    what << (draft.summary.trimmed().isEmpty() ? tr("(no summary yet)") : tr("“%1”").arg(draft.summary.trimmed()));
    m_draftBanner->offer(localTime(stored->savedMs, u"yyyy-MM-dd HH:mm"_s), what.join(tr(", ")));
}

void RegistrationForm::restoreDraft()
{
    if (!m_offered)
        return;
    const RegistrationDraft draft = *m_offered;
    m_offered.reset();
    m_draftBanner->hide();
    setContent(draft);
    saveDraftNow(); // the database holds what the form shows again
    m_fields->focusSummary();
}

void RegistrationForm::discardDraft()
{
    m_offered.reset();
    m_draftBanner->hide();
    saveDraftNow(); // removes the old draft, or keeps the call typed meanwhile
    m_fields->focusPhone();
}

void RegistrationForm::setDraftStatus(const QString &text, bool problem)
{
    m_draftStatus->setText(text);
    QPalette p = m_draftStatus->palette();
    p.setColor(QPalette::WindowText, problem ? QColor(0xb7, 0x1c, 0x1c) : palette().color(QPalette::PlaceholderText));
    m_draftStatus->setPalette(p);
}

} // namespace hotline
