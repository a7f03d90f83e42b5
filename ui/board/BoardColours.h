#pragma once

#include "domain/Enums.h"

#include <QColor>

namespace hotline::BoardColours {

/** The dot colours of the countdown board (readable on a white table). */
inline QColor dot(Colour c)
{
    switch (c) {
    case Colour::Red:
        return QColor(0xd3, 0x2f, 0x2f);
    case Colour::Yellow:
        return QColor(0xf2, 0xa9, 0x00);
    case Colour::Green:
        return QColor(0x2e, 0x7d, 0x32);
    }
    return {};
}

/** A pale row tint so that red and yellow rows stand out without hurting the text's contrast. */
inline QColor rowTint(Colour c)
{
    switch (c) {
    case Colour::Red:
        return QColor(0xfd, 0xec, 0xec);
    case Colour::Yellow:
        return QColor(0xff, 0xf6, 0xdc);
    case Colour::Green:
        return {};
    }
    return {};
}

/** The wall display's high-contrast colours on its near-black background. */
inline QColor wall(Colour c)
{
    switch (c) {
    case Colour::Red:
        return QColor(0xff, 0x52, 0x52);
    case Colour::Yellow:
        return QColor(0xff, 0xd5, 0x4f);
    case Colour::Green:
        return QColor(0x4c, 0xe0, 0x8a);
    }
    return {};
}

/** Urgency rank for sorting: red first, then yellow, then green. */
inline int urgencyRank(Colour c)
{
    switch (c) {
    case Colour::Red:
        return 0;
    case Colour::Yellow:
        return 1;
    case Colour::Green:
        return 2;
    }
    return 3;
}

} // namespace hotline::BoardColours
