"""A row of controls that wraps onto the next row when it runs out of room.

Qt has no such layout. A row in a ``QHBoxLayout`` is never narrower than all its controls
side by side: with a 14 pt font the Logboek filter bar alone needed 924 pixels, and the area
scrolled sideways on a laptop screen. In a ``FlowLayout`` the row is only as wide as its widest
control; the others move to a next row, in the same order, so the reading and Tab order stay
the same as the order on screen.

Two ways to fill a row:

- free (the default): each control at its preferred width, like ``QHBoxLayout``; what is left
  of a row goes to its stretches and to controls that expand (a search field);
- ``columns=n``: equal cells in at most ``n`` columns (fewer when narrow), for a set of similar
  controls that should line up, such as the platform check boxes. When not even two columns
  fit, the controls flow freely instead: two short ones still share a row.

A row is as high as its tallest item at the width it gets, so larger blocks with text that
wraps can flow too (the two columns of Rapportage).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QSpacerItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, *, columns: int | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._columns = columns
        #: The height of the rows at the width last laid out; see ``minimumSize``.
        self._height: int | None = None

    # The QLayout interface --------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def addLayout(self, layout: QLayout) -> None:
        """A group that wraps as one, e.g. a caption with its field."""
        self.addChildLayout(layout)
        self.addItem(layout)

    def addStretch(self, _stretch: int = 1) -> None:
        """Takes what is left of its row, like ``QBoxLayout.addStretch`` (shared equally)."""
        self.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding,
                                 QSizePolicy.Policy.Minimum))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        self.invalidate()
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def sizeHint(self) -> QSize:
        # Preferred: everything on one row, as the QHBoxLayout it replaces.
        row = [(item, self._preferred(item)) for item in self._shown()]
        margins = self.contentsMargins()
        height = max((item.sizeHint().height() for item, _width in row), default=0)
        return QSize(self._row_width(row) + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        margins = self.contentsMargins()
        items = self._shown()
        if self._columns is not None:  # a cell is never narrower than its check box
            width = max((item.sizeHint().width() for item in items), default=0)
        else:
            width = max((item.minimumSize().width() for item in items), default=0)
        # The rows as wrapped at the width last laid out, not one row: a splitter or scroll
        # area higher up does not ask for the height at a width, and would squeeze them.
        height = self._height if self._height is not None else self.sizeHint().height()
        return QSize(width + margins.left() + margins.right(), height)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._arrange(rect, apply=True)
        if height != self._height:
            self._height = height
            # The minimum height changed with the number of rows: the layouts above must ask
            # again. Converges: the height depends on the width alone.
            self.invalidate()

    # Arranging ------------------------------------------------------------------------------
    def _gap(self) -> int:
        spacing = self.spacing()
        if spacing >= 0:
            return spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        return parent.style().pixelMetric(parent.style().PixelMetric.PM_LayoutHorizontalSpacing)

    def _shown(self) -> list[QLayoutItem]:
        # Hidden widgets take no room (QWidgetItem.isEmpty); a stretch is "empty" but counts,
        # except in columns, which it would only leave empty.
        return [item for item in self._items if not item.isEmpty()
                or (item.spacerItem() is not None and self._columns is None)]

    @staticmethod
    def _preferred(item: QLayoutItem) -> int:
        return 0 if item.spacerItem() is not None else item.sizeHint().width()

    def _row_width(self, row: list[tuple[QLayoutItem, int]]) -> int:
        # As in a box layout, a stretch adds no spacing of its own.
        controls = sum(1 for item, _width in row if item.spacerItem() is None)
        return sum(width for _item, width in row) + self._gap() * max(0, controls - 1)

    def _rows(self, width: int) -> list[list[tuple[QLayoutItem, int]]]:
        """The items of each row with their widths, filling rows of ``width`` in order."""
        items = self._shown()
        gap = self._gap()
        if self._columns is not None:
            cell = max((item.sizeHint().width() for item in items), default=0)
            columns = min(self._columns, (width + gap) // max(1, cell + gap))
            if columns >= 2:
                cell = (width - gap * (columns - 1)) // columns
                return [[(item, cell) for item in items[start:start + columns]]
                        for start in range(0, len(items), columns)]
        rows: list[list[tuple[QLayoutItem, int]]] = [[]]
        for item in items:
            # Narrower than preferred only when alone on a row that is too narrow for it.
            wanted = max(item.minimumSize().width(), min(self._preferred(item), width))
            if (rows[-1] and item.spacerItem() is None
                    and self._row_width([*rows[-1], (item, wanted)]) > width):
                rows.append([])
            rows[-1].append((item, wanted))
        return [self._stretched(row, width) for row in rows]

    def _stretched(self, row: list[tuple[QLayoutItem, int]],
                   width: int) -> list[tuple[QLayoutItem, int]]:
        """What a row has left goes to its stretches and expanding controls, as in a box."""
        taking = [index for index, (item, _width) in enumerate(row)
                  if item.expandingDirections() & Qt.Orientation.Horizontal]
        left = width - self._row_width(row)
        if left <= 0 or not taking:
            return row
        share, extra = divmod(left, len(taking))
        widened = list(row)
        for order, index in enumerate(taking):
            item, wanted = widened[index]
            widened[index] = (item, wanted + share + (1 if order < extra else 0))
        return widened

    @staticmethod
    def _height_at(item: QLayoutItem, width: int) -> int:
        """Its height at ``width``: a block with text that wraps (a column of the report) takes
        more lines when it is given less than its preferred width."""
        if item.hasHeightForWidth():
            height = item.heightForWidth(width)
            if height >= 0:
                return max(height, item.minimumSize().height())
        return item.sizeHint().height()

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        """Lays the rows out in ``rect`` (when ``apply``); the height they take either way."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self._gap()
        vertical_gap = self.spacing() if self.spacing() >= 0 else gap
        rows = [row for row in self._rows(max(1, area.width()))
                if any(item.spacerItem() is None for item, _width in row)]
        y = area.y()
        for number, row in enumerate(rows):
            height = max(self._height_at(item, width) for item, width in row)
            x = area.x()
            for item, width in row:
                if item.spacerItem() is not None:
                    x += width
                    continue
                # Controls of a fixed height are centred on the row; labels take its height.
                item_height = min(height, item.maximumSize().height())
                if apply:
                    item.setGeometry(QRect(QPoint(x, y + (height - item_height) // 2),
                                           QSize(width, item_height)))
                x += width + gap
            y += height + (vertical_gap if number < len(rows) - 1 else 0)
        return y - area.y() + margins.top() + margins.bottom()
