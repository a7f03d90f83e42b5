#pragma once

#include "registration/DraftStore.h"
#include "registration/FieldErrorDisplay.h"
#include "registration/RegistrationDraft.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class QFrame;
class QLabel;
class QPushButton;

namespace hotline {

class CallFields;
class CallerPanel;
class ConsoleSession;
class DraftBanner;
class IncidentSuggestions;

/**
 * The call-taker's registration form (PRODUCT §2, issue 3): keyboard first, the caller's earlier tickets
 * and likely duplicates beside it, validation without dialogs, the new number shown large and copied to
 * the clipboard, consultations answered and closed at intake, and a draft that survives a crash.
 */
class RegistrationForm final : public QWidget
{
    Q_OBJECT

public:
    explicit RegistrationForm(ConsoleSession &session, QWidget *parent = nullptr);
    ~RegistrationForm() override;

    /** Debounce between the last keystroke and the draft being written. */
    static constexpr int kDraftDelayMs = 500;

    /** What is typed in the form right now. */
    RegistrationDraft content() const;
    /** Fills every field (a restored draft); does not count as typing. */
    void setContent(const RegistrationDraft &draft);
    /** The number of the ticket registered last on this form, or empty. */
    QString lastNumber() const { return m_lastNumber; }
    /** Whether a saved draft is being offered back (the banner is up). */
    bool isOfferingDraft() const { return m_offered.has_value(); }

public Q_SLOTS:
    /** Validates and registers (Ctrl+Enter); false when nothing was registered (the messages say why). */
    bool submit();
    /** Clears the form and its draft for the next call and puts the cursor in the phone field (Ctrl+N). */
    void newTicket();
    /** Writes the draft now (or removes it when the form is blank); false when the database refused. */
    bool saveDraftNow();
    /** Puts the offered draft into the form. */
    void restoreDraft();
    /** Forgets the offered draft. */
    void discardDraft();
    /**
     * Links the new ticket to an earlier one. Decision: a link is a line "Related ticket: NUMBER" appended
     * to the new ticket's details — visible and editable before submit, stored in the ticket's own
     * registered event (no new event type or schema), found by a search for the number. The earlier
     * ticket is not changed.
     */
    void linkTicket(const QString &number);
    /**
     * Adds a photo or document to the call being registered (the "Attach files…" button's path; tests call it):
     * checked for size now, for its type with the registration; false with the reason shown.
     */
    bool addFile(const QString &path);
    /** The names of the files that will be attached when the call is registered. */
    QStringList fileNames() const;

Q_SIGNALS:
    /** A ticket was registered from this form (and, for a consultation answered at intake, closed). */
    void ticketRegistered(const QString &ticketId, const QString &number);
    /** The draft was written to (or removed from) the database. */
    void draftSaved();

private:
    void buildLayout();
    void setupTabOrderAndShortcuts();
    void fieldsEdited();
    void updatePanel();
    QList<FieldError> validate(const RegistrationDraft &draft) const;
    void revalidateFlagged();
    void showRegistered(const QString &number, bool closed);
    void clearFields();
    void offerStoredDraft();
    void setDraftStatus(const QString &text, bool problem);
    QString localTime(qint64 ms, const QString &format) const;

    ConsoleSession &m_session;
    DraftStore m_drafts;
    QTimer m_draftTimer;
    QMetaObject::Connection m_focusConnection;
    std::optional<RegistrationDraft> m_offered;
    qint64 m_offeredSavedMs = 0;
    QString m_lastNumber;

    DraftBanner *m_draftBanner = nullptr;
    QLabel *m_errorsLabel = nullptr;
    std::optional<FieldErrorDisplay> m_errors;
    CallFields *m_fields = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_new = nullptr;
    QLabel *m_draftStatus = nullptr;
    QFrame *m_numberPanel = nullptr;
    QLabel *m_numberCaption = nullptr;
    QLabel *m_number = nullptr;
    CallerPanel *m_panel = nullptr;
    IncidentSuggestions *m_suggestions = nullptr; ///< same incident, many callers: below the fields
    // Files to attach with the registration (issue 15); not part of the draft: a restored draft has none.
    QList<AttachmentFile> m_files;
    QPushButton *m_attachFiles = nullptr;
    QLabel *m_filesLabel = nullptr;
    void chooseFiles();
    void updateFiles();
};

} // namespace hotline
