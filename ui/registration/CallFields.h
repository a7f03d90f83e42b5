#pragma once

#include "registration/RegistrationDraft.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace hotline {

class FieldErrorDisplay;

/**
 * The input fields of one call as a two-column form: phone, name, channel, type, town and category with
 * completion, summary, details and, for a consultation, the answer given at intake. Keyboard order is the
 * order a caller gives the facts in; the field codes are those of FieldError.
 */
class CallFields final : public QWidget
{
    Q_OBJECT

public:
    CallFields(const QStringList &towns, const QStringList &categories, QWidget *parent = nullptr);

    RegistrationDraft content() const;
    /** Fills every field; emits callChanged() but not edited() (it is not typing). */
    void setContent(const RegistrationDraft &draft);
    /** Replaces the town and category lists, keeping what is typed. */
    void setLists(const QStringList &towns, const QStringList &categories);
    /** Declares the fields that can have problems, in display order, with their captions. */
    void declareFields(FieldErrorDisplay &errors) const;

    /** The caller's phone in normalised form when it is valid and the caller is not anonymous, else empty. */
    QString validPhone() const;
    /** Why the typed phone is not a callback number; empty when it is, or when there is none to check. */
    QString phoneProblem() const;
    QString summary() const;
    QString details() const;
    /** Appends a line to the details (a link to an earlier ticket). */
    void appendToDetails(const QString &line);

    QWidget *firstField() const;
    QWidget *lastField() const;
    void focusPhone();
    void focusSummary();

Q_SIGNALS:
    /** The operator changed something (not emitted while setContent() fills the fields). */
    void edited();
    /** The phone, anonymity, summary or details changed: the caller panel has something new to show. */
    void callChanged();
    /** The operator left the phone field (or pressed Enter in it). */
    void phoneLeft();

private:
    void buildLayout();
    QComboBox *makeCompletingCombo(const QString &name, const QStringList &items);
    static void setItems(QComboBox *combo, const QStringList &items);
    static void completeUnique(QComboBox *combo);
    void changed();
    void updateTypeDependentFields();
    void updateAnonymity();
    void updateCounters();
    void intakeAnswerEdited();

    bool m_loading = false;
    bool m_answerWasEmpty = true;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_name = nullptr;
    QCheckBox *m_anonymous = nullptr;
    QComboBox *m_channel = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_town = nullptr;
    QComboBox *m_category = nullptr;
    QLineEdit *m_summary = nullptr;
    QLabel *m_summaryCount = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QLabel *m_detailsCount = nullptr;
    QLabel *m_answerLabel = nullptr;
    QPlainTextEdit *m_intakeAnswer = nullptr;
    QCheckBox *m_closeAtIntake = nullptr;
    QCheckBox *m_declinesSms = nullptr; ///< beside the phone, outside the Tab chain (click or its mnemonic)
    QLineEdit *m_address = nullptr;
    QLineEdit *m_coordinates = nullptr;
    QList<std::pair<QString, QLabel *>> m_captions; // field code → its label
};

} // namespace hotline
