"""Labels as data: what the labels of a plan (and the headers of a plan table) mean.

Plans introduce the parts of a measure with labels (``Responsible agencies:``,
``Time-frame:``, ``Source of funding:``) and tables title their columns with the
same words. :class:`Labels` is the vocabulary: ``Labels.default()`` ships with
hrplan (:data:`TABLE`, listed in ``docs/text-format.md``), plugins add labels
through the ``register_labels`` hook, and one import can add its own (the
``labels`` option). Both the text importer and the table importers find labels
with it: :meth:`Labels.find` in running text, :meth:`Labels.header` in a header
cell, :meth:`Labels.meaning` for a whole label::

    >>> from hrplan.labels import Labels, Meaning
    >>> labels = Labels.default()
    >>> labels.meaning("Partnership agencies:") is Meaning.PARTNER
    True
    >>> [m.written for m in labels.find("Lead agency: Ministry of Health Source of funding: none")]
    ['Lead agency', 'Source of funding']

Imports only :mod:`hrplan.model`.
"""

from hrplan.labels._meaning import Meaning
from hrplan.labels._normalise import key as normalise
from hrplan.labels._table import TABLE, markdown_table
from hrplan.labels._vocabulary import Label, LabelMatch, Labels, as_labels

__all__ = ["TABLE", "Label", "LabelMatch", "Labels", "Meaning", "as_labels", "markdown_table", "normalise"]
