"""Punctuation by GB/T 15834-2011《标点符号用法》 (rule family P).

Precision first: each rule fires only where the context makes the mark wrong — ASCII
marks inside numbers, times, URLs and English words, the heading numbers ``1.``/``(1)``,
ranges between place names and quotations running over several paragraphs are left
alone.
"""

from orgwrite.rules.punctuation import (  # noqa: F401  (importing registers the rules)
    doubled,
    ellipsis_dash,
    half_width,
    invisible,
    line_ends,
    pairs,
    quoted_lists,
    ranges,
    sequence_numbers,
    spaces,
)
