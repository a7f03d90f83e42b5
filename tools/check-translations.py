#!/usr/bin/env python3
"""Fails when the Chinese catalogue has an unfinished or empty message, or when ui/ shows a literal that does not go
through tr(). Run by ctest as `translations_complete`; by hand:

    python3 tools/check-translations.py [--ts translations/hotline_zh_CN.ts] [--ui ui]
        [--cmake cmake --lupdate lupdate --lupdate-project BUILD/translations/.lupdate/hotline_core_project.cmake
         --lupdate-generator .../Qt6LinguistTools/GenerateLUpdateProject.cmake]

With the --lupdate options the catalogue is first refreshed from the current sources in a temporary copy (as
`update_translations` would, without touching translations/), so a new tr() string without a translation fails too.

The source scan is a heuristic, not a C++ parser: it looks at the arguments of the calls that put text on screen
(setText, setWindowTitle, addTab, QLabel(...), Prompts::..., ...) and reports every string literal with a letter in
it that is not inside tr()/translate(). Legitimate exceptions go into ALLOWED below, each with its reason.
"""
import argparse
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# Calls whose string arguments a person reads.
SINKS = (
    'setText', 'setWindowTitle', 'addTab', 'insertTab', 'setTabText', 'setToolTip', 'setStatusTip', 'setWhatsThis',
    'setPlaceholderText', 'setTitle', 'addAction', 'addMenu', 'addItem', 'addItems', 'insertItem', 'addRow',
    'setHorizontalHeaderLabels', 'setVerticalHeaderLabels', 'setHeaderLabels', 'setLabelText', 'setSuffix',
    'setPrefix', 'setSpecialValueText', 'showMessage', 'setAccessibleName', 'setAccessibleDescription',
    'QLabel', 'QPushButton', 'QCheckBox', 'QRadioButton', 'QGroupBox', 'QAction', 'QMenu', 'QToolButton',
    'QTableWidgetItem', 'QListWidgetItem', 'QTreeWidgetItem', 'QStandardItem',
    'information', 'warning', 'critical', 'question', 'about', 'confirm', 'askText', 'askNumber', 'askChoice',
)
# Calls that make their argument translatable (or are themselves the translation).
TRANSLATORS = ('tr', 'translate', 'QT_TR_NOOP', 'QT_TRANSLATE_NOOP', 'qtTrId')
# (file suffix, literal pattern, reason): literals that are right as they are.
ALLOWED = (
    # A connection-string example: its syntax is the same in every language.
    ('ui/sync/ServerSettingsDialog.cpp', r'^postgresql://', 'connection URL example'),
    # Date and time formats (QTime::toString(u"HH:mm:ss"_s)): codes, not words. A weekday (ddd, dddd) is a word,
    # but QLocale().toString(date, u"yyyy-MM-dd ddd"_s) writes it in the console's language.
    ('.cpp', r'^(?:yyyy|yy|MM|dddd|ddd|dd|HH|hh|mm|ss|AP|ap|[-:./ ])+$', 'date/time format'),
)

LITERAL = re.compile(r'(?:\bu8?|\bU|\bL)?"((?:[^"\\\n]|\\.)*)"(?:_s|_L1|_qs)?')
QSTRINGLITERAL = re.compile(r'\b(?:QStringLiteral|QLatin1String|QLatin1StringView|QStringView)\s*\(')
HAS_LETTER = re.compile(r'[A-Za-z\u3400-\u9fff]')


def strip_comments(text):
    """Blanks // and /* */ comments, keeping string literals and line numbers."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif c == "'":
            j = i + 1
            while j < n and text[j] != "'":
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def balanced(text, open_index):
    """Index just past the parenthesis that closes the one at open_index (string literals skipped)."""
    depth, i, n = 0, open_index, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == '\\' else 1
        elif c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def without_translated(args):
    """The argument text with every tr(...)/translate(...) call blanked out."""
    pattern = re.compile(r'\b(?:%s)\s*\(' % '|'.join(TRANSLATORS))
    while True:
        m = pattern.search(args)
        if not m:
            return args
        end = balanced(args, m.end() - 1)
        args = args[:m.start()] + ' ' * (end - m.start()) + args[end:]


def allowed(path, literal):
    posix = path.as_posix()
    return any(posix.endswith(suffix) and re.search(pattern, literal) for suffix, pattern, _ in ALLOWED)


def untranslated_literals(ui_dir):
    problems = []
    sink = re.compile(r'(?:\b|::|->|\.)(%s)\s*\(' % '|'.join(SINKS))
    for path in sorted(pathlib.Path(ui_dir).rglob('*.cpp')):
        text = strip_comments(path.read_text(encoding='utf-8'))
        for m in sink.finditer(text):
            open_index = m.end() - 1
            args = without_translated(text[open_index:balanced(text, open_index)])
            # setObjectName and friends never reach a sink, but a nested one might: its argument is an identifier.
            args = re.sub(r'\bsetObjectName\s*\([^)]*\)', '', args)
            for lit in LITERAL.finditer(QSTRINGLITERAL.sub('(', args)):
                value = lit.group(1)
                if HAS_LETTER.search(re.sub(r'\\.', '', value)) and not allowed(path, value):
                    line = text.count('\n', 0, open_index + lit.start()) + 1
                    problems.append(f'{path}:{line}: {m.group(1)}(...) shows "{value}" without tr()')
    # A sink can be reached twice when calls nest (addRow(new QLabel(u"x"_s))): report each place once.
    return list(dict.fromkeys(problems))


def unfinished_messages(ts_path):
    problems = []
    root = ET.parse(ts_path).getroot()
    for context in root.iter('context'):
        name = context.findtext('name', default='')
        for message in context.iter('message'):
            source = message.findtext('source', default='')
            translation = message.find('translation')
            kind = translation.get('type') if translation is not None else 'missing'
            if kind in ('vanished', 'obsolete'):
                continue  # no longer in the sources: lupdate -no-obsolete drops them
            forms = translation.findall('numerusform') if translation is not None else []
            texts = [f.text or '' for f in forms] if forms else [translation.text or '' if translation is not None else '']
            if kind == 'unfinished':
                problems.append(f'{ts_path}: [{name}] "{source}" is unfinished')
            elif any(not t.strip() for t in texts):
                problems.append(f'{ts_path}: [{name}] "{source}" has an empty translation')
    return problems


def refreshed_copy(ts, workdir, options):
    """A copy of ts updated by lupdate from the sources that qt_add_translations lists."""
    project = pathlib.Path(workdir) / 'project.json'
    subprocess.run([options.cmake, f'-DIN_FILE={options.lupdate_project}', f'-DOUT_FILE={project}', '-P',
                    options.lupdate_generator], check=True)
    copy = pathlib.Path(workdir) / pathlib.Path(ts).name
    shutil.copyfile(ts, copy)
    data = json.loads(project.read_text(encoding='utf-8'))
    data['translations'] = [str(copy)]
    project.write_text(json.dumps(data), encoding='utf-8')
    # The same options as translations/CMakeLists.txt gives lupdate.
    subprocess.run([options.lupdate, '-project', str(project), '-no-obsolete', '-locations', 'none', '-silent'],
                   check=True)
    return copy


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--ts', action='append', help='catalogue that must be complete (default: zh_CN)')
    parser.add_argument('--ui', help='source folder to scan (default: ui/)')
    parser.add_argument('--cmake', default='cmake')
    parser.add_argument('--lupdate')
    parser.add_argument('--lupdate-project', help="qt_add_translations' .lupdate/*_project.cmake")
    parser.add_argument('--lupdate-generator', help="Qt6LinguistTools' GenerateLUpdateProject.cmake")
    options = parser.parse_args()
    problems = []
    with tempfile.TemporaryDirectory() as workdir:
        for ts in options.ts or [root / 'translations' / 'hotline_zh_CN.ts']:
            checked = refreshed_copy(ts, workdir, options) if options.lupdate else ts
            # Name the committed file, not the temporary copy: that is where the translation goes.
            problems += [p.replace(str(checked), str(ts)) for p in unfinished_messages(checked)]
    problems += untranslated_literals(options.ui or root / 'ui')
    for p in problems:
        print(p)
    print(f'{len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
