// The interface language: the choice stored in the user's settings, its order against HOTLINE_LANG, Qt's own
// catalogue for standard dialogs, and the console's Language menu that stores the choice.
#include "TestWorkspace.h"

#include "mainwindow/MainWindow.h"
#include "support/ConsoleSession.h"
#include "support/Prompts.h"
#include "util/Translations.h"

#include <QAction>
#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hotline;
using namespace hotline::test;

class TestLanguage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_config;

private Q_SLOTS:
    void initTestCase()
    {
        // The settings file goes to a temporary folder, never to the home of whoever runs the tests. QSettings reads
        // XDG_CONFIG_HOME on first use, and nothing has used it yet.
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
        qunsetenv("HOTLINE_LANG");
        Prompts::setTestMode(true);
    }

    void choiceIsStoredAndFollowed()
    {
        QCOMPARE(chosenLanguage(), QString());
        QVERIFY(setChosenLanguage(u"en"_s));
        QVERIFY(QFile::exists(m_config.filePath(u"hotline-console/hotline-console.ini"_s)));
        QCOMPARE(chosenLanguage(), u"en"_s);
        QCOMPARE(installTranslations(), u"en"_s);
        QCOMPARE(QLocale().language(), QLocale::English);

        QVERIFY(setChosenLanguage(u"zh_CN"_s));
        QCOMPARE(installTranslations(), u"zh_CN"_s);
        QCOMPARE(QCoreApplication::translate("hotline::MainWindow", "Countdown board"), u"倒计时看板"_s);
        QCOMPARE(QLocale().language(), QLocale::Chinese);

        QVERIFY(!setChosenLanguage(u"fr"_s)); // not translated: refused, the choice stays
        QCOMPARE(chosenLanguage(), u"zh_CN"_s);
        QVERIFY(setChosenLanguage(QString())); // follow the system again
        QCOMPARE(chosenLanguage(), QString());
    }

    void environmentOverridesTheChoice()
    {
        QVERIFY(setChosenLanguage(u"zh_CN"_s));
        qputenv("HOTLINE_LANG", "en");
        QCOMPARE(installTranslations(), u"en"_s);
        qunsetenv("HOTLINE_LANG");
        QVERIFY(setChosenLanguage(QString()));
    }

    void qtsOwnDialogsSpeakChinese()
    {
        // Debian's qt6-translations-l10n (a dependency of the package, installed by tools/install-deps.sh).
        const QString qm = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_zh_CN.qm"_s;
        QVERIFY2(QFile::exists(qm), qPrintable(qm));
        qputenv("HOTLINE_LANG", "zh_CN");
        QCOMPARE(installTranslations(), u"zh_CN"_s);
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "OK"), u"确定"_s);
        qunsetenv("HOTLINE_LANG");
    }

    void languageMenuStoresTheChoice()
    {
        TestWorkspace tw(u"2025-03-03T10:00:00+08:00"_s);
        ConsoleSession s(*tw.ws, tw.clock, Actor{u"calltaker"_s, Role::CallTaker, QString(), u"01"_s});
        QVERIFY(setChosenLanguage(u"en"_s));
        MainWindow w(s);
        auto *english = w.findChild<QAction *>(u"actionLanguage_en"_s);
        auto *chinese = w.findChild<QAction *>(u"actionLanguage_zh_CN"_s);
        auto *system = w.findChild<QAction *>(u"actionLanguage_system"_s);
        QVERIFY(english && chinese && system);
        QVERIFY(english->isChecked()); // the menu shows the stored choice
        QVERIFY(!chinese->isChecked());
        Prompts::takeShown();
        chinese->trigger();
        QCOMPARE(chosenLanguage(), u"zh_CN"_s);
        QVERIFY(chinese->isChecked() && !english->isChecked());
        QCOMPARE(Prompts::takeShown().size(), 1); // "applies at the next start"
        system->trigger();
        QCOMPARE(chosenLanguage(), QString());
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
