"""The single float formatter: the same number gives the same text everywhere."""

import math

# Renders format the same coordinates over and over (grid positions, sizes,
# stroke widths), and formatting is a large share of serializing. Equal keys
# always print alike (1 == 1.0 == True, 0.0 == -0.0 all give the same text), and
# NaN never hits (it is not equal to itself), so memoizing cannot change output.
_MEMO: dict[float, str] = {}
_MEMO_MAX = 65_536


def fmt(x: float) -> str:
    """Format a coordinate for SVG or JSON: 3 decimals, no trailing zeros, no -0.

    Rounding happens here and only here, so libm differences between glibc and
    Emscripten below the third decimal never reach the output.

    >>> fmt(1.0), fmt(-0.0004), fmt(2.5 / 3), fmt(1e21)
    ('1', '0', '0.833', '1000000000000000000000')
    """
    hit = _MEMO.get(x)
    if hit is not None:
        return hit
    if not math.isfinite(x):
        raise ValueError(f"cannot format non-finite number {x!r}")
    s = f"{x:.3f}".rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    if len(_MEMO) >= _MEMO_MAX:
        _MEMO.clear()
    _MEMO[x] = s
    return s


def rounded(x: float) -> float:
    """Round a number the way ``fmt`` prints it, for canonical JSON.

    >>> rounded(0.1 + 0.2), rounded(-0.0001)
    (0.3, 0.0)
    """
    return float(fmt(x))
